// SPDX-License-Identifier: EUPL-1.2
// 404, 400 and 500 as real pages in the visitor's language, with the same frame as every other.
import { Layout, type PageFrame } from './Layout.tsx';

export type ErrorKind = 'notFound' | 'badRequest' | 'server';

export const errorKind = (status: number): ErrorKind => (status === 404 ? 'notFound' : status === 400 ? 'badRequest' : 'server');

export function ErrorPage({ frame, kind }: { frame: PageFrame; kind: ErrorKind }) {
  const { t } = frame;
  return (
    <Layout frame={frame} title={t(`error.${kind}.title`)}>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t(`error.${kind}.title`)}
        </h1>
        <p className="ds-paragraph">{t(`error.${kind}.body`)}</p>
        <p className="ds-paragraph">
          <a className="ds-link" href="/">
            {t('error.home')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
