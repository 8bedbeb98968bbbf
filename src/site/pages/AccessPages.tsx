// SPDX-License-Identifier: EUPL-1.2
// The answers to the public journal's access-request form: sent (check your mail), or refused.
import type { PublicMunicipality } from '../repository.ts';
import { Layout, type PageFrame } from './Layout.tsx';

export function AccessSentPage({ frame, municipality, email, statusUrl }: { frame: PageFrame; municipality: PublicMunicipality; email: string; statusUrl: string }) {
  const { t } = frame;
  return (
    <Layout frame={frame} title={t('access.sentTitle')} municipality={municipality} head={<meta name="robots" content="noindex" />}>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t('access.sentTitle')}
        </h1>
        <p className="ds-paragraph" role="status">
          {t('access.sentBody', { email })}
        </p>
        <p className="ds-paragraph">
          <a className="ds-link" href={statusUrl}>
            {t('access.follow')}
          </a>
        </p>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}/postliste`}>
            {t('postliste.title')}
          </a>
        </p>
      </div>
    </Layout>
  );
}

/** A short answer to a form: what went wrong, and the way back. */
export function MessagePage({ frame, municipality, title, body }: { frame: PageFrame; municipality: PublicMunicipality; title: string; body: string }) {
  const { t } = frame;
  return (
    <Layout frame={frame} title={title} municipality={municipality} head={<meta name="robots" content="noindex" />}>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {title}
        </h1>
        <p className="ds-paragraph" role="alert">
          {body}
        </p>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}/postliste`}>
            {t('postliste.title')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
