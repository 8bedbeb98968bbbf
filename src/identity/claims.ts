// SPDX-License-Identifier: EUPL-1.2
// From an identity provider's claims to a Rådhus person. Providers differ: ID-porten sends the
// Norwegian number as `pid`, Swedish providers follow the OIDC Sweden profile, Entra ID may send
// neither. A number that fails validation is not stored: it would be worse than none.
import { parseIdentityNumber } from '../common/idnumbers.ts';
import type { LoginIdentity } from './users.ts';

/** Claim carrying a Swedish personnummer, from the Swedish OIDC claims profile. */
export const SWEDISH_PIN_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';

const PIN_CLAIMS = ['pid', SWEDISH_PIN_CLAIM, 'personal_identity_number'] as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** `trustEmail`: the provider manages its addresses itself (OIDC_TRUST_EMAIL), so e-mail counts as verified. */
export function identityFromClaims(issuer: string, claims: Record<string, unknown>, options: { trustEmail?: boolean } = {}): LoginIdentity {
  const subject = text(claims.sub);
  if (!subject) throw new Error('the identity provider sent no subject (sub)');
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  const name = text(claims.name) ?? ([given, family].filter(Boolean).join(' ') || undefined) ?? text(claims.preferred_username) ?? text(claims.email) ?? subject;
  let identityNumber: string | undefined;
  for (const claim of PIN_CLAIMS) {
    const value = text(claims[claim]);
    if (!value) continue;
    const parsed = parseIdentityNumber(value);
    if (parsed.ok && parsed.kind !== 'organisation-number') identityNumber = parsed.normalised;
    break;
  }
  const email = text(claims.email);
  const emailVerified = Boolean(email) && (claims.email_verified === true || claims.email_verified === 'true' || options.trustEmail === true);
  return { issuer, subject, name: name.slice(0, 200), email, identityNumber, emailVerified };
}

/**
 * The assurance level an `acr` claim names: ID-porten's (idporten-loa-*, and the older Level3/4),
 * eIDAS's and the Swedish profile's (loa3/loa4); anything else is no known level.
 */
export function loginLevelOf(acr: unknown): 'substantial' | 'high' | undefined {
  if (typeof acr !== 'string') return undefined;
  const value = acr.toLowerCase();
  if (/(^|[-/:])(idporten-loa-high|level4|high|loa4)$/.test(value)) return 'high';
  if (/(^|[-/:])(idporten-loa-substantial|level3|substantial|loa3)$/.test(value)) return 'substantial';
  return undefined;
}

/** The `acr` values to ask a provider for a level (ID-porten's names; the demo provider uses them too). */
export const acrValuesFor = (level: 'substantial' | 'high'): string => (level === 'high' ? 'idporten-loa-high' : 'idporten-loa-substantial idporten-loa-high');

/** The claims of an ID token kept at login (verified then): its payload, or {} when it cannot be read. */
export function idTokenClaims(idToken: string | null | undefined): Record<string, unknown> {
  const payload = idToken?.split('.')[1];
  if (!payload) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
