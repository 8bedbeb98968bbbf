// SPDX-License-Identifier: EUPL-1.2
// Signing asks for a fresh login at the form's level (issue 9 §2): the browser goes through the
// identity provider again (/auth/login?level=…), comes back to the same page marked `signing=fresh`,
// and the page signs at once with that login. The server checks the login's time and level itself.
import { loginUrl } from '../api/session.ts';

const MARK = 'signing';

/** The login that comes back here to sign: `returnTo` is this page (path and query). */
export function freshLoginUrl(tenant: string, level: string, returnTo: string): string {
  const back = new URL(returnTo, 'http://radhus.invalid');
  back.searchParams.set(MARK, 'fresh');
  const url = loginUrl(tenant, back.pathname + back.search);
  return level === 'substantial' || level === 'high' ? `${url}&level=${level}` : url;
}

/** Whether this page was reached from such a login; reading it clears the mark from the address. */
export function takeFreshLoginMark(): boolean {
  const url = new URL(window.location.href);
  if (url.searchParams.get(MARK) !== 'fresh') return false;
  url.searchParams.delete(MARK);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return true;
}

export const here = (): string => window.location.pathname + window.location.search;
