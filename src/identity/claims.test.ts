// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './claims.ts';
import { rolesClaim } from './users.ts';
import { escapeHtml, pickLanguage, renderLoginPage, renderNoAccountPage } from './demo-login-page.ts';
import { demoMunicipalityNames, demoUsers } from './demo-users.ts';

describe('identityFromClaims', () => {
  it('takes the Norwegian number from pid (ID-porten) and the Swedish one from the OIDC Sweden claim', () => {
    expect(identityFromClaims('https://idporten.no', { sub: 'a', name: 'Ola Nordmann', pid: '15076500565' })).toEqual({
      issuer: 'https://idporten.no',
      subject: 'a',
      name: 'Ola Nordmann',
      email: undefined,
      identityNumber: '15076500565',
      emailVerified: false,
    });
    expect(identityFromClaims('https://se', { sub: 'b', 'https://id.oidc.se/claim/personalIdentityNumber': '811218-9876' }).identityNumber).toBe('198112189876');
  });

  it('stores no identity number that fails validation, and finds a name where it can', () => {
    const person = identityFromClaims('https://entra', { sub: 'c', pid: '15076500566', given_name: 'Kari', family_name: 'Nordmann', email: 'kari@example.no' });
    expect(person.identityNumber).toBeUndefined();
    expect(person.name).toBe('Kari Nordmann');
    expect(identityFromClaims('x', { sub: 'd', email: 'e@example.se' }).name).toBe('e@example.se');
    expect(identityFromClaims('x', { sub: 'd' }).name).toBe('d');
    expect(() => identityFromClaims('x', {})).toThrow(/sub/);
  });

  it('counts an e-mail address as verified only when the provider says so or is trusted to', () => {
    expect(identityFromClaims('x', { sub: 'a', email: 'a@example.no' }).emailVerified).toBe(false);
    expect(identityFromClaims('x', { sub: 'a', email: 'a@example.no', email_verified: true }).emailVerified).toBe(true);
    expect(identityFromClaims('x', { sub: 'a', email: 'a@example.no' }, { trustEmail: true }).emailVerified).toBe(true);
    expect(identityFromClaims('x', { sub: 'a', email_verified: true }, { trustEmail: true }).emailVerified).toBe(false);
  });
});

describe('rolesClaim', () => {
  it('keeps known person roles per municipality and drops the rest', () => {
    const claim = rolesClaim({ aneby: ['case-officer', 'king', 'case-officer'], eksjo: 'archivist', nassjo: ['system', 'politician'] });
    expect([...claim]).toEqual([
      ['aneby', ['case-officer']],
      ['nassjo', ['politician']],
    ]);
    expect(rolesClaim(['aneby']).size).toBe(0);
    expect(rolesClaim(null).size).toBe(0);
  });
});

describe('the demo login page', () => {
  it('picks the language from ui_locales', () => {
    expect(pickLanguage(undefined)).toBe('nb');
    expect(pickLanguage('sv-SE en')).toBe('sv');
    expect(pickLanguage('de no')).toBe('nb');
    expect(pickLanguage('fr nn-NO')).toBe('nn');
  });

  it('labels every choice and escapes what it shows', () => {
    const html = renderLoginPage({ lang: 'en', action: '/demo-idp/interaction/x"y', users: demoUsers, municipalityNames: demoMunicipalityNames });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('action="/demo-idp/interaction/x&quot;y/login"');
    expect(html.match(/<input type="radio"/g)).toHaveLength(demoUsers.length);
    expect(html.match(/<label for=/g)).toHaveLength(demoUsers.length);
    expect(html).toContain('<legend>Eksjö kommun</legend>');
    expect(html).toContain('Case officer – Eksjö kommun; Case officer – Nässjö kommun');
    const noAccount = (['nb', 'nn', 'sv', 'en'] as const).map((lang) => renderNoAccountPage(lang));
    expect(noAccount[2]).toContain('<html lang="sv">');
    expect(noAccount[2]).toContain('Välj en av personerna i listan.');
    expect(new Set(noAccount.map((html) => /<p>([^<]+)<\/p>/.exec(html)![1])).size).toBe(4);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('the level of a login', () => {
  it('reads ID-porten’s, the older and the Swedish acr values, and nothing else', async () => {
    const { loginLevelOf, idTokenClaims } = await import('./claims.ts');
    expect(['idporten-loa-high', 'Level4', 'http://id.elegnamnden.se/loa/1.0/loa4'].map(loginLevelOf)).toEqual(['high', 'high', 'high']);
    expect(['idporten-loa-substantial', 'Level3', 'http://id.elegnamnden.se/loa/1.0/loa3'].map(loginLevelOf)).toEqual(['substantial', 'substantial', 'substantial']);
    expect(['idporten-loa-low', 'Level2', '', 'highish', 4, undefined].map(loginLevelOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(idTokenClaims(`e30.${Buffer.from('{"acr":"Level4"}').toString('base64url')}.x`)).toEqual({ acr: 'Level4' });
    expect([idTokenClaims(null), idTokenClaims('garbage'), idTokenClaims('a.%%%.b')]).toEqual([{}, {}, {}]);
  });
});
