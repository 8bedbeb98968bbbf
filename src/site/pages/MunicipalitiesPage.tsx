// SPDX-License-Identifier: EUPL-1.2
// `/`: the municipalities of this installation, by country, each linking to its front page.
import type { PublicMunicipality } from '../repository.ts';
import { Layout, type PageFrame } from './Layout.tsx';

export function MunicipalitiesPage({ frame, municipalities }: { frame: PageFrame; municipalities: PublicMunicipality[] }) {
  const { t } = frame;
  const collator = new Intl.Collator(frame.language);
  const countries = (['NO', 'SE'] as const)
    .map((country) => ({ country, list: municipalities.filter((m) => m.country === country).sort((a, b) => collator.compare(a.name, b.name)) }))
    .filter((group) => group.list.length > 0);
  const grouped = countries.length > 1;
  return (
    <Layout frame={frame} title={t('home.title')}>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t('home.title')}
        </h1>
        <p className="ds-paragraph">{municipalities.length ? t('home.intro') : t('home.empty')}</p>
      </div>
      {countries.map(({ country, list }) => (
        <section key={country} className="stack" aria-labelledby={grouped ? `country-${country}` : undefined}>
          {grouped && (
            <h2 className="ds-heading" data-size="sm" id={`country-${country}`}>
              {t(`country.${country}`)}
            </h2>
          )}
          <ul className="municipality-list">
            {list.map((m) => (
              <li key={m.id}>
                <div className="ds-card municipality-card" lang={m.language}>
                  <a className="ds-link" href={`/${m.slug}`}>
                    {m.name}
                  </a>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
