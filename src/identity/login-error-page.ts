// SPDX-License-Identifier: EUPL-1.2
// What a person sees when the login round trip cannot be finished: a page in their language with a
// way on, never a problem+json body in a browser tab. The browser came here by a redirect, so the
// answer is HTML; the language is the one the workspace last showed (the radhus_lang cookie it
// sets), else the browser's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseLanguage, type Language } from '../common/languages.ts';
import { escapeHtml } from './demo-login-page.ts';

export const LANGUAGE_COOKIE = 'radhus_lang';

/**
 * replayed: the callback again after a finished login (the back button), while logged in;
 * expired: the pending login is gone (too slow, another tab, cookies blocked);
 * provider: the identity provider answered with an error (the person cancelled, or was refused);
 * noCode: a callback with neither a code nor an error; failed: the code could not be exchanged.
 */
export type LoginProblem = 'replayed' | 'expired' | 'provider' | 'noCode' | 'failed' | 'unreachable';

export const loginProblemStatus: Record<LoginProblem, number> = { replayed: 200, expired: 400, provider: 401, noCode: 400, failed: 401, unreachable: 503 };

interface Texts {
  heading: Record<LoginProblem, string>;
  body: Record<LoginProblem, string>;
  tryAgain: string;
  continue: string;
  providerSaid: string;
}

const texts: Record<Language, Texts> = {
  nb: {
    heading: { replayed: 'Du er allerede logget inn', expired: 'Innloggingen er utløpt', provider: 'Innloggingen ble avbrutt', noCode: 'Innloggingen ble ikke fullført', failed: 'Innloggingen mislyktes', unreachable: 'Innloggingstjenesten svarer ikke' },
    body: {
      replayed: 'Denne innloggingen er allerede brukt, kanskje fordi du gikk tilbake i nettleseren. Du er logget inn og kan fortsette.',
      expired: 'Det tok for lang tid, eller nettleseren din blokkerer informasjonskapsler. Start innloggingen på nytt.',
      provider: 'Innloggingstjenesten svarte at du ikke ble logget inn, for eksempel fordi du avbrøt. Du kan prøve igjen.',
      noCode: 'Svaret fra innloggingstjenesten manglet det vi trenger for å logge deg inn. Start innloggingen på nytt.',
      failed: 'Vi kunne ikke bekrefte innloggingen hos innloggingstjenesten. Start innloggingen på nytt.',
      unreachable: 'Vi får ikke kontakt med innloggingstjenesten akkurat nå. Prøv igjen om litt.',
    },
    tryAgain: 'Logg inn på nytt',
    continue: 'Fortsett til Rådhus',
    providerSaid: 'Melding fra innloggingstjenesten',
  },
  nn: {
    heading: { replayed: 'Du er allereie logga inn', expired: 'Innlogginga har gått ut', provider: 'Innlogginga vart avbroten', noCode: 'Innlogginga vart ikkje fullført', failed: 'Innlogginga mislukkast', unreachable: 'Innloggingstenesta svarar ikkje' },
    body: {
      replayed: 'Denne innlogginga er allereie brukt, kanskje fordi du gjekk tilbake i nettlesaren. Du er logga inn og kan halde fram.',
      expired: 'Det tok for lang tid, eller nettlesaren din blokkerer informasjonskapslar. Start innlogginga på nytt.',
      provider: 'Innloggingstenesta svarte at du ikkje vart logga inn, til dømes fordi du avbraut. Du kan prøve igjen.',
      noCode: 'Svaret frå innloggingstenesta mangla det vi treng for å logge deg inn. Start innlogginga på nytt.',
      failed: 'Vi kunne ikkje stadfeste innlogginga hos innloggingstenesta. Start innlogginga på nytt.',
      unreachable: 'Vi får ikkje kontakt med innloggingstenesta akkurat no. Prøv igjen om litt.',
    },
    tryAgain: 'Logg inn på nytt',
    continue: 'Hald fram til Rådhus',
    providerSaid: 'Melding frå innloggingstenesta',
  },
  sv: {
    heading: { replayed: 'Du är redan inloggad', expired: 'Inloggningen har gått ut', provider: 'Inloggningen avbröts', noCode: 'Inloggningen slutfördes inte', failed: 'Inloggningen misslyckades', unreachable: 'Inloggningstjänsten svarar inte' },
    body: {
      replayed: 'Den här inloggningen har redan använts, kanske för att du gick tillbaka i webbläsaren. Du är inloggad och kan fortsätta.',
      expired: 'Det tog för lång tid, eller så blockerar din webbläsare kakor. Börja om inloggningen.',
      provider: 'Inloggningstjänsten svarade att du inte loggades in, till exempel för att du avbröt. Du kan försöka igen.',
      noCode: 'Svaret från inloggningstjänsten saknade det vi behöver för att logga in dig. Börja om inloggningen.',
      failed: 'Vi kunde inte bekräfta inloggningen hos inloggningstjänsten. Börja om inloggningen.',
      unreachable: 'Vi får ingen kontakt med inloggningstjänsten just nu. Försök igen om en stund.',
    },
    tryAgain: 'Logga in igen',
    continue: 'Fortsätt till Rådhus',
    providerSaid: 'Meddelande från inloggningstjänsten',
  },
  en: {
    heading: { replayed: 'You are already logged in', expired: 'The login has expired', provider: 'The login was cancelled', noCode: 'The login was not completed', failed: 'The login failed', unreachable: 'The login service does not answer' },
    body: {
      replayed: 'This login has already been used, perhaps because you went back in the browser. You are logged in and can carry on.',
      expired: 'It took too long, or your browser blocks cookies. Please start the login again.',
      provider: 'The login service answered that you were not logged in, for example because you cancelled. You can try again.',
      noCode: 'The answer from the login service lacked what we need to log you in. Please start the login again.',
      failed: 'We could not confirm the login with the login service. Please start the login again.',
      unreachable: 'We cannot reach the login service right now. Please try again in a little while.',
    },
    tryAgain: 'Log in again',
    continue: 'Continue to Rådhus',
    providerSaid: 'Message from the login service',
  },
};

/** The radhus_lang cookie (the workspace's last language), else Accept-Language, else bokmål. */
/** The person's choice (cookie), else the municipality's language when known, else the browser's. */
export function requestLanguage(request: FastifyRequest, tenantLanguage?: Language): Language {
  const accepted = String(request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
  return chooseLanguage(request.cookies?.[LANGUAGE_COOKIE], tenantLanguage, accepted);
}

const style = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f6;color:#1a1a1a;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1.5rem}
a.button{display:inline-block;font-weight:600;padding:.6rem 1.4rem;border-radius:.4rem;background:#0b4f8a;color:#fff;text-decoration:none}
:focus-visible{outline:3px solid #d14900;outline-offset:2px}
.muted{color:#45494d}`;

export interface LoginErrorInput {
  problem: LoginProblem;
  lang: Language;
  /** Where the main link leads: a new login, or on into the workspace after a replay. */
  href: string;
  /** The provider's own error code (access_denied …), shown as it is, escaped. */
  providerError?: string | undefined;
}

export function renderLoginErrorPage({ problem, lang, href, providerError }: LoginErrorInput): string {
  const t = texts[lang];
  const link = problem === 'replayed' ? t.continue : t.tryAgain;
  const said = providerError ? `\n<p class="muted">${escapeHtml(t.providerSaid)}: <code>${escapeHtml(providerError.slice(0, 100))}</code></p>` : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.heading[problem])} – Rådhus</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.heading[problem])}</h1>
<p>${escapeHtml(t.body[problem])}</p>${said}
<p><a class="button" href="${escapeHtml(href)}">${escapeHtml(link)}</a></p>
</main>
</body>
</html>`;
}

export function sendLoginError(request: FastifyRequest, reply: FastifyReply, problem: LoginProblem, href: string, providerError?: string, lang?: Language): FastifyReply {
  const html = renderLoginErrorPage({ problem, lang: lang ?? requestLanguage(request), href, providerError });
  return reply.status(loginProblemStatus[problem]).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
