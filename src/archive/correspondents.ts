// SPDX-License-Identifier: EUPL-1.2
// Korrespondansepart: validation of the parties of a letter, including their identity and
// organisation numbers, which must pass their checksums.
import type { FieldError } from '../platform/http/problem.ts';
import { isValidOrganisationNumber, parseIdentityNumber } from '../common/idnumbers.ts';
import type { CorrespondentsTable } from './tables.ts';
import { validatePartyScreening } from './screening.ts';
import type { CorrespondentInput } from './schemas.ts';

/** A party as the API takes it (schemas.ts). */
export type { CorrespondentInput };

export function validateCorrespondents(list: CorrespondentInput[], country: 'NO' | 'SE'): FieldError[] {
  const errors: FieldError[] = [];
  list.forEach((party, i) => {
    const at = `correspondents.${i}`;
    if (!party.name.trim()) errors.push({ field: `${at}.name`, code: 'required', message: 'must not be empty' });
    if (party.identityNumber) {
      if (party.kind !== 'person') errors.push({ field: `${at}.identityNumber`, code: 'wrongKind', message: 'only a person has an identity number; use organisationNumber for an organisation' });
      const parsed = parseIdentityNumber(party.identityNumber);
      if (!parsed.ok) errors.push({ field: `${at}.identityNumber`, code: parsed.code, message: parsed.reason });
    }
    if (party.organisationNumber) {
      if (party.kind !== 'organisation') errors.push({ field: `${at}.organisationNumber`, code: 'wrongKind', message: 'only an organisation has an organisation number' });
      const orgCountry = (party.country?.toUpperCase() === 'SE' || party.country?.toUpperCase() === 'NO' ? party.country.toUpperCase() : country) as 'NO' | 'SE';
      if (!isValidOrganisationNumber(party.organisationNumber, orgCountry))
        errors.push({ field: `${at}.organisationNumber`, code: 'checksum', message: `is not a valid ${orgCountry === 'NO' ? 'Norwegian (9 digits, mod 11)' : 'Swedish (10 digits, Luhn)'} organisation number` });
    }
    if (party.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(party.email)) errors.push({ field: `${at}.email`, code: 'invalidEmail', message: 'is not an e-mail address' });
    if (party.screening) errors.push(...validatePartyScreening(party.screening, `${at}.screening`));
  });
  return errors;
}

export function toCorrespondentRows(list: CorrespondentInput[], tenantId: string, entryId: string, newId: () => string): CorrespondentsTable[] {
  return list.map((p, position) => ({
    id: newId(),
    tenant_id: tenantId,
    registry_entry_id: entryId,
    kind: p.kind,
    role: p.role,
    name: p.name.trim(),
    identity_number: p.identityNumber?.replace(/[\s-]/g, '') || null,
    organisation_number: p.organisationNumber?.replace(/[\s-]/g, '') || null,
    address: p.address?.trim() || null,
    postal_code: p.postalCode?.trim() || null,
    postal_town: p.postalTown?.trim() || null,
    country: p.country?.trim() || null,
    email: p.email?.trim() || null,
    position,
  }));
}
