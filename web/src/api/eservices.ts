// SPDX-License-Identifier: EUPL-1.2
// The e-service operations the citizen's form flow uses (docs/forms.md): the catalogue, a form's
// definition, drafts, signing and submitting (JSON, or multipart when files come along).
import { api, query } from './client.ts';
import type { Item, Language, RequestBody, ResponseBody } from './types.ts';

export type Texts = Record<Language, string>;

export interface LayoutField {
  field: string;
  label: Texts;
  help?: Texts;
  showIf?: { field: string; equals: unknown };
  widget?: string;
  items?: LayoutField[];
  /** The label of each choice (the enum's values), in every language. */
  options?: Record<string, Texts>;
}
export interface LayoutSection { title: Texts; help?: Texts; fields: LayoutField[] }
export interface LayoutPage { title: Texts; sections: LayoutSection[] }
export interface AttachmentRule { field: string; label: Texts; types: string[]; maxBytes: number; maxFiles?: number; required?: boolean }

/**
 * A form as getFormDefinition answers it. The API's schema leaves the layout and the attachment rules
 * open objects (a form's author writes them, src/forms checks them on save); their shapes above are
 * the ones docs/forms.md describes.
 */
export type FormDefinitionView = Omit<ResponseBody<'getFormDefinition', 200>, 'layout' | 'attachments'> & {
  layout: { pages: LayoutPage[] };
  attachments: AttachmentRule[];
};

export type ServiceItem = Item<ResponseBody<'listServices', 200>['items']>;

export type Answers = RequestBody<'saveDraft'>['answers'];

export type Draft = ResponseBody<'getDraft', 200>;
export type SigningStarted = ResponseBody<'requestDraftSigning', 201>;
export type SigningStatus = ResponseBody<'getSigning', 200>;
export type Submitted = ResponseBody<'submitForm', 201>;
export type OnBehalfOf = NonNullable<RequestBody<'submitForm'>['onBehalfOf']>;

// The same shapes in other answers (checked here, so a drift fails the typecheck).
export const sameShapes: [
  ResponseBody<'saveDraft', 200> extends Draft ? true : false,
  ResponseBody<'signContent', 200> extends SigningStatus ? true : false,
  ResponseBody<'submitFormAnonymously', 201> extends Submitted ? true : false,
] = [true, true, true];

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;

export const listServices = (tenant: string, lang: Language, q?: string, signal?: AbortSignal) =>
  api<ResponseBody<'listServices', 200>>(`${base(tenant)}/services${query({ lang, q })}`, signal ? { signal } : {});

export const getFormDefinition = (tenant: string, id: string, signal?: AbortSignal) =>
  api<FormDefinitionView>(`${base(tenant)}/forms/${encodeURIComponent(id)}`, signal ? { signal } : {});

export const getDraft = (tenant: string, formId: string, signal?: AbortSignal) =>
  api<Draft>(`${base(tenant)}/forms/${encodeURIComponent(formId)}/draft`, signal ? { signal } : {});

export const saveDraft = (tenant: string, formId: string, answers: Answers) =>
  api<Draft>(`${base(tenant)}/forms/${encodeURIComponent(formId)}/draft`, { method: 'PUT', json: { answers } satisfies RequestBody<'saveDraft'> });

export const requestDraftSigning = (tenant: string, formId: string) =>
  api<SigningStarted>(`${base(tenant)}/forms/${encodeURIComponent(formId)}/draft/signing`, { method: 'POST', json: {} });

export const getSigning = (tenant: string, id: string, token?: string, signal?: AbortSignal) =>
  api<SigningStatus>(`${base(tenant)}/signings/${encodeURIComponent(id)}${query({ token })}`, signal ? { signal } : {});

export const signContent = (tenant: string, id: string, token: string, contentSha256: string) =>
  api<SigningStatus>(`${base(tenant)}/signings/${encodeURIComponent(id)}/sign`, { json: { token, contentSha256 } satisfies RequestBody<'signContent'> });

/** JSON without files; multipart with the JSON first (the server reads the form before the files). */
export function submitForm(tenant: string, body: RequestBody<'submitForm'>, files: Record<string, File[]>): Promise<Submitted> {
  const all = Object.entries(files).filter(([, list]) => list.length > 0);
  if (all.length === 0) return api<Submitted>(`${base(tenant)}/submissions`, { json: body });
  const form = new FormData();
  form.append('submission', JSON.stringify(body));
  for (const [field, list] of all) for (const file of list) form.append(field, file, file.name);
  return api<Submitted>(`${base(tenant)}/submissions`, { form });
}

/** A form of login level `none`, without a session: the e-mail address (optional) gets the receipt. */
export function submitFormAnonymously(tenant: string, body: RequestBody<'submitFormAnonymously'>, files: Record<string, File[]>): Promise<Submitted> {
  const all = Object.entries(files).filter(([, list]) => list.length > 0);
  if (all.length === 0) return api<Submitted>(`${base(tenant)}/anonymous-submissions`, { json: body });
  const form = new FormData();
  form.append('submission', JSON.stringify(body));
  for (const [field, list] of all) for (const file of list) form.append(field, file, file.name);
  return api<Submitted>(`${base(tenant)}/anonymous-submissions`, { form });
}

export const receiptHref = (tenant: string, submissionId: string) => `${base(tenant)}/submissions/${encodeURIComponent(submissionId)}/receipt`;
