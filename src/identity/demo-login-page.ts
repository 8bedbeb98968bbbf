// SPDX-License-Identifier: EUPL-1.2
// The demo identity provider's pages, rendered on the server: a login page listing the demo users
// and an error page. Plain HTML with labels, headings and a language attribute, so it works
// without JavaScript, with a screen reader, and passes axe like the rest of Rådhus.
import type { Role } from '../platform/http/auth.ts';
import type { DemoUser } from './demo-users.ts';

export const pageLanguages = ['nb', 'nn', 'sv', 'en'] as const;
export type PageLanguage = (typeof pageLanguages)[number];

interface Texts {
  title: string;
  heading: string;
  intro: string;
  synthetic: string;
  submit: string;
  cancel: string;
  errorTitle: string;
  errorIntro: string;
  /** The form came without a chosen person (only possible without the browser's own check). */
  noAccount: string;
  roles: Record<Role, string>;
}

const texts: Record<PageLanguage, Texts> = {
  nb: {
    title: 'Logg inn – Rådhus demo',
    heading: 'Logg inn i Rådhus (demo)',
    intro: 'Dette er en demonstrasjon. Velg hvem du vil logge inn som; ingen passord trengs.',
    synthetic: 'Alle fødselsnumre og personnummer her er syntetiske testnumre.',
    submit: 'Logg inn',
    cancel: 'Avbryt',
    errorTitle: 'Innloggingen feilet',
    errorIntro: 'Noe gikk galt under innloggingen. Gå tilbake og prøv igjen.',
    noAccount: 'Velg en av personene i listen. Gå tilbake og prøv igjen.',
    roles: { citizen: 'Innbygger', 'case-officer': 'Saksbehandler', archivist: 'Arkivar', politician: 'Politiker', secretariat: 'Politisk sekretariat', 'tenant-admin': 'Administrator', system: 'System' },
  },
  nn: {
    title: 'Logg inn – Rådhus demo',
    heading: 'Logg inn i Rådhus (demo)',
    intro: 'Dette er ein demonstrasjon. Vel kven du vil logge inn som; ingen passord trengst.',
    synthetic: 'Alle fødselsnummer og personnummer her er syntetiske testnummer.',
    submit: 'Logg inn',
    cancel: 'Avbryt',
    errorTitle: 'Innlogginga feila',
    errorIntro: 'Noko gjekk gale under innlogginga. Gå tilbake og prøv igjen.',
    noAccount: 'Vel ein av personane i lista. Gå tilbake og prøv igjen.',
    roles: { citizen: 'Innbyggjar', 'case-officer': 'Saksbehandlar', archivist: 'Arkivar', politician: 'Politikar', secretariat: 'Politisk sekretariat', 'tenant-admin': 'Administrator', system: 'System' },
  },
  sv: {
    title: 'Logga in – Rådhus demo',
    heading: 'Logga in i Rådhus (demo)',
    intro: 'Det här är en demonstration. Välj vem du vill logga in som; inget lösenord behövs.',
    synthetic: 'Alla personnummer och födselsnummer här är syntetiska testnummer.',
    submit: 'Logga in',
    cancel: 'Avbryt',
    errorTitle: 'Inloggningen misslyckades',
    errorIntro: 'Något gick fel vid inloggningen. Gå tillbaka och försök igen.',
    noAccount: 'Välj en av personerna i listan. Gå tillbaka och försök igen.',
    roles: { citizen: 'Invånare', 'case-officer': 'Handläggare', archivist: 'Arkivarie', politician: 'Politiker', secretariat: 'Nämndsekreterare', 'tenant-admin': 'Administratör', system: 'System' },
  },
  en: {
    title: 'Log in – Rådhus demo',
    heading: 'Log in to Rådhus (demo)',
    intro: 'This is a demonstration. Choose who you want to log in as; no password is needed.',
    synthetic: 'All identity numbers shown here are synthetic test numbers.',
    submit: 'Log in',
    cancel: 'Cancel',
    errorTitle: 'Login failed',
    errorIntro: 'Something went wrong while logging in. Go back and try again.',
    noAccount: 'Choose one of the people in the list. Go back and try again.',
    roles: { citizen: 'Citizen', 'case-officer': 'Case officer', archivist: 'Archivist', politician: 'Politician', secretariat: 'Council secretariat', 'tenant-admin': 'Administrator', system: 'System' },
  },
};

/** The first supported language of an OIDC ui_locales list ("sv-SE en"), else bokmål. */
export function pickLanguage(uiLocales: string | undefined): PageLanguage {
  for (const tag of (uiLocales ?? '').toLowerCase().split(/\s+/)) {
    const primary = tag.split('-')[0];
    if (primary === 'no') return 'nb';
    if ((pageLanguages as readonly string[]).includes(primary ?? '')) return primary as PageLanguage;
  }
  return 'nb';
}

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const style = `
  body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f6;color:#1a1a1a;line-height:1.5}
  main{max-width:44rem;margin:0 auto;padding:1.5rem}
  fieldset{border:1px solid #8a8f94;border-radius:.5rem;margin:0 0 1rem;padding:.5rem 1rem 1rem;background:#fff}
  legend{font-weight:700;font-size:1.15rem;padding:0 .25rem}
  .option{display:flex;gap:.6rem;align-items:flex-start;padding:.35rem 0}
  .option input{width:1.25rem;height:1.25rem;margin-top:.2rem}
  .meta{display:block;color:#45494d;font-size:.9rem}
  .actions{display:flex;gap:1rem;flex-wrap:wrap}
  button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border-radius:.4rem;border:2px solid #0b4f8a;cursor:pointer}
  button.primary{background:#0b4f8a;color:#fff}
  button.secondary{background:#fff;color:#0b4f8a}
  :focus-visible{outline:3px solid #d14900;outline-offset:2px}`;

function page(lang: PageLanguage, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  lang: PageLanguage;
  /** Where the form posts: the interaction's own path. */
  action: string;
  users: readonly DemoUser[];
  municipalityNames: Record<string, string>;
}

export function renderLoginPage({ lang, action, users, municipalityNames }: LoginPageInput): string {
  const t = texts[lang];
  const groups = new Map<string, DemoUser[]>();
  for (const user of users) {
    // A person working for several municipalities is listed under the first; their roles list all.
    const slug = Object.keys(user.roles)[0] ?? '';
    groups.set(slug, [...(groups.get(slug) ?? []), user]);
  }
  const sections = [...groups].map(([slug, members]) => {
    const options = members
      .map((user) => {
        const id = `user-${escapeHtml(user.id)}`;
        const roles = Object.entries(user.roles)
          .map(([where, list]) => `${list.map((r) => t.roles[r]).join(', ')} – ${municipalityNames[where] ?? where}`)
          .join('; ');
        return `<div class="option"><input type="radio" name="account" required id="${id}" value="${escapeHtml(user.id)}">
<label for="${id}">${escapeHtml(user.name)}<span class="meta">${escapeHtml(roles)} · ${escapeHtml(user.identityNumber)}</span></label></div>`;
      })
      .join('\n');
    return `<fieldset><legend>${escapeHtml(municipalityNames[slug] ?? slug)}</legend>\n${options}\n</fieldset>`;
  });
  return page(
    lang,
    t.title,
    `<h1>${escapeHtml(t.heading)}</h1>
<p>${escapeHtml(t.intro)}</p>
<p>${escapeHtml(t.synthetic)}</p>
<form method="post" action="${escapeHtml(action)}/login">
${sections.join('\n')}
<div class="actions"><button class="primary" type="submit">${escapeHtml(t.submit)}</button>
<button class="secondary" type="submit" formaction="${escapeHtml(action)}/abort" formnovalidate>${escapeHtml(t.cancel)}</button></div>
</form>`,
  );
}

/** The provider's error (its `error` and `error_description`) under a translated heading. */
export function renderErrorPage(lang: PageLanguage, details: Record<string, string>): string {
  const t = texts[lang];
  const list = Object.entries(details)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  return page(lang, t.errorTitle, `<h1>${escapeHtml(t.errorTitle)}</h1>\n<p>${escapeHtml(t.errorIntro)}</p>\n<dl>${list}</dl>`);
}

/** The answer to a login form sent without a chosen person. */
export function renderNoAccountPage(lang: PageLanguage): string {
  const t = texts[lang];
  return page(lang, t.errorTitle, `<h1>${escapeHtml(t.errorTitle)}</h1>\n<p>${escapeHtml(t.noAccount)}</p>`);
}
