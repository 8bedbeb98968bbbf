// SPDX-License-Identifier: EUPL-1.2
// Correspondents as edited on the entry form (every field a string), and as the API takes them
// (empty fields left out, identity numbers only for the kind they belong to).
import type { Correspondent, CorrespondentKind, CorrespondentRole, EntryType, RequestBody } from '../api/types.ts';

/** A party as the API takes it when an entry is registered. */
export type CorrespondentInput = NonNullable<RequestBody<'createRegistryEntry'>['correspondents']>[number];

export interface CorrespondentDraft {
  key: number;
  name: string;
  kind: CorrespondentKind;
  role: CorrespondentRole;
  identityNumber: string;
  organisationNumber: string;
  email: string;
  address: string;
  postalCode: string;
  postalTown: string;
}

let nextKey = 1;

/** Incoming letters come from someone, outgoing go to someone: the first party's usual role. */
export const defaultRole = (type: EntryType): CorrespondentRole =>
  type === 'incoming' ? 'sender' : type === 'outgoing' ? 'recipient' : type.startsWith('internal') ? 'internal-recipient' : 'recipient';

export function newCorrespondent(role: CorrespondentRole, from?: Partial<Correspondent>): CorrespondentDraft {
  return {
    key: nextKey++,
    name: from?.name ?? '',
    kind: from?.kind ?? 'person',
    role,
    identityNumber: from?.identityNumber ?? '',
    organisationNumber: from?.organisationNumber ?? '',
    email: from?.email ?? '',
    address: from?.address ?? '',
    postalCode: from?.postalCode ?? '',
    postalTown: from?.postalTown ?? '',
  };
}

export function toCorrespondent(draft: CorrespondentDraft): CorrespondentInput {
  const optional = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
  const result: CorrespondentInput = { name: draft.name.trim(), kind: draft.kind, role: draft.role };
  const extra: Partial<CorrespondentInput> = {
    identityNumber: draft.kind === 'person' ? optional(draft.identityNumber) : undefined,
    organisationNumber: draft.kind === 'organisation' ? optional(draft.organisationNumber) : undefined,
    email: optional(draft.email),
    address: optional(draft.address),
    postalCode: optional(draft.postalCode),
    postalTown: optional(draft.postalTown),
  };
  for (const [key, value] of Object.entries(extra)) if (typeof value === 'string') (result as unknown as Record<string, string>)[key] = value;
  return result;
}

/** A reply goes to whoever wrote: the senders of the followed-up entry become recipients. */
export function replyRecipients(correspondents: readonly (Pick<Correspondent, 'role'> & Partial<Correspondent>)[]): CorrespondentDraft[] {
  return correspondents.filter((c) => c.role === 'sender').map((c) => newCorrespondent('recipient', c));
}
