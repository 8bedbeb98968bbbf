// SPDX-License-Identifier: EUPL-1.2
// The e-service operations the citizen's form flow uses (docs/forms.md): the catalogue, a form's
// definition, drafts, signing and submitting (JSON, or multipart when files come along).
import { api, query } from './client.ts';
import type { Language } from './types.ts';

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

export interface FormDefinitionView {
  id: string;
  key: string;
  version: number;
  publishedVersion: number | null;
  title: Texts;
  description: Texts;
  rights: Texts;
  loginLevel: string;
  submitter: string;
  audience: string;
  schema: Record<string, unknown>;
  layout: { pages: LayoutPage[] };
  attachments: AttachmentRule[];
  processingDays?: number;
}

export interface ServiceItem { id: string; key: string; title: string; description: string; processingDays?: number; loginLevel?: string; audience?: string }

export type Answers = Record<string, unknown>;

export interface Draft { formId: string; version: number; answers: Answers; updatedAt: string }
export interface SigningStarted { signingId: string; contentSha256: string; waitingFor: string[] }
export interface SigningStatus {
  id: string;
  subjectType: string;
  subjectId: string;
  contentSha256: string;
  level: string;
  signatures: { name: string; level: string; signedAt: string }[];
  waitingFor: string[];
  complete: boolean;
}
export interface Submitted {
  submissionId: string;
  caseNumber: string;
  registryNumber: string;
  caseFileId: string;
  receiptUrl: string;
  receiptChecksum: string;
  answersChecksum: string;
  attachments: { field: string; fileName: string; mimeType: string; checksum: string; size: number }[];
}
export interface OnBehalfOf { nationalId: string; name?: string; channel: 'paper' | 'phone' | 'counter' }

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;

export const listServices = (tenant: string, lang: Language, q?: string, signal?: AbortSignal) =>
  api<{ language: string; items: ServiceItem[] }>(`${base(tenant)}/services${query({ lang, q })}`, signal ? { signal } : {});

export const getFormDefinition = (tenant: string, id: string, signal?: AbortSignal) =>
  api<FormDefinitionView>(`${base(tenant)}/forms/${encodeURIComponent(id)}`, signal ? { signal } : {});

export const getDraft = (tenant: string, formId: string, signal?: AbortSignal) =>
  api<Draft>(`${base(tenant)}/forms/${encodeURIComponent(formId)}/draft`, signal ? { signal } : {});

export const saveDraft = (tenant: string, formId: string, answers: Answers) =>
  api<Draft>(`${base(tenant)}/forms/${encodeURIComponent(formId)}/draft`, { method: 'PUT', json: { answers } });

export const requestDraftSigning = (tenant: string, formId: string) =>
  api<SigningStarted>(`${base(tenant)}/forms/${encodeURIComponent(formId)}/draft/signing`, { method: 'POST', json: {} });

export const getSigning = (tenant: string, id: string, token?: string, signal?: AbortSignal) =>
  api<SigningStatus>(`${base(tenant)}/signings/${encodeURIComponent(id)}${query({ token })}`, signal ? { signal } : {});

export const signContent = (tenant: string, id: string, token: string, contentSha256: string) =>
  api<SigningStatus>(`${base(tenant)}/signings/${encodeURIComponent(id)}/sign`, { json: { token, contentSha256 } });

/** JSON without files; multipart with the JSON first (the server reads the form before the files). */
export function submitForm(tenant: string, body: { formId: string; version: number; answers: Answers; onBehalfOf?: OnBehalfOf }, files: Record<string, File[]>): Promise<Submitted> {
  const all = Object.entries(files).filter(([, list]) => list.length > 0);
  if (all.length === 0) return api<Submitted>(`${base(tenant)}/submissions`, { json: body });
  const form = new FormData();
  form.append('submission', JSON.stringify(body));
  for (const [field, list] of all) for (const file of list) form.append(field, file, file.name);
  return api<Submitted>(`${base(tenant)}/submissions`, { form });
}

/** A form of login level `none`, without a session: the e-mail address (optional) gets the receipt. */
export function submitFormAnonymously(tenant: string, body: { formId: string; version: number; answers: Answers; email?: string }, files: Record<string, File[]>): Promise<Submitted> {
  const all = Object.entries(files).filter(([, list]) => list.length > 0);
  if (all.length === 0) return api<Submitted>(`${base(tenant)}/anonymous-submissions`, { json: body });
  const form = new FormData();
  form.append('submission', JSON.stringify(body));
  for (const [field, list] of all) for (const file of list) form.append(field, file, file.name);
  return api<Submitted>(`${base(tenant)}/anonymous-submissions`, { form });
}

export const receiptHref = (tenant: string, submissionId: string) => `${base(tenant)}/submissions/${encodeURIComponent(submissionId)}/receipt`;
