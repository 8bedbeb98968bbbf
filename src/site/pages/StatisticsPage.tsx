// SPDX-License-Identifier: EUPL-1.2
// `/{municipality}/statistikk`: the transparency statistics as bar charts drawn on the server (SVG,
// no script), each with a table of the same figures beside it: the table is what a screen reader
// reads, the chart is named by its heading and hidden from assistive technology as decoration.
import type { MonthFigures } from '../statistics.ts';
import type { TextKey } from '../texts.ts';
import type { PublicMunicipality } from '../repository.ts';
import { Layout, type PageFrame } from './Layout.tsx';

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;

interface Series {
  id: string;
  title: TextKey;
  value: (m: MonthFigures) => number | null;
  format: (v: number) => string;
}

const series: Series[] = [
  { id: 'published', title: 'stats.published', value: (m) => m.published, format: String },
  { id: 'received', title: 'stats.received', value: (m) => m.received, format: String },
  { id: 'in-time', title: 'stats.inTime', value: (m) => (m.shareInTime === null ? null : Math.round(m.shareInTime * 1000) / 10), format: (v) => `${v} %` },
  { id: 'median', title: 'stats.median', value: (m) => m.medianHours, format: String },
];

function BarChart({ months, s }: { months: MonthFigures[]; s: Series }) {
  const values = months.map(s.value);
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const step = (WIDTH - AXIS) / Math.max(1, months.length);
  const barWidth = Math.max(2, step * 0.7);
  return (
    <svg className="stats-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} width="100%" role="presentation" aria-hidden="true" focusable="false">
      <line x1={AXIS} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" strokeWidth="1" />
      {months.map((m, i) => {
        const v = values[i] ?? 0;
        const h = (v / max) * (HEIGHT - 16);
        const x = AXIS + i * step + (step - barWidth) / 2;
        return (
          <g key={m.month}>
            <rect x={x} y={HEIGHT - h} width={barWidth} height={h} fill="#1e5a8c" />
            {values[i] !== null && (
              <text x={x + barWidth / 2} y={HEIGHT - h - 4} fontSize="11" textAnchor="middle" fill="currentColor">
                {s.format(v)}
              </text>
            )}
            <text x={x + barWidth / 2} y={HEIGHT + 16} fontSize="10" textAnchor="middle" fill="currentColor">
              {m.month.slice(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function StatisticsPage({ frame, municipality, months }: { frame: PageFrame; municipality: PublicMunicipality; months: MonthFigures[] }) {
  const { t } = frame;
  return (
    <Layout frame={frame} title={`${t('stats.title')} – ${municipality.name}`} municipality={municipality}>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t('stats.title')}
        </h1>
        <p className="ds-paragraph">{t('stats.intro', { name: municipality.name })}</p>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/api/v1/${municipality.slug}/transparency-statistics`}>
            {t('stats.json')}
          </a>{' '}
          ·{' '}
          <a className="ds-link" href={`/${municipality.slug}/postliste`}>
            {t('postliste.title')}
          </a>
        </p>
      </div>
      {months.length === 0 ? (
        <p className="ds-paragraph panel">{t('stats.empty')}</p>
      ) : (
        series.map((s) => (
          <section key={s.id} className="stack" aria-labelledby={`stats-${s.id}`}>
            <h2 className="ds-heading" data-size="sm" id={`stats-${s.id}`}>
              {t(s.title)}
            </h2>
            <BarChart months={months} s={s} />
            <table className="ds-table" data-size="sm">
              <caption>{t(s.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.month')}</th>
                  <th scope="col">{t('stats.value')}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => {
                  const v = s.value(m);
                  return (
                    <tr key={m.month}>
                      <th scope="row">{m.month}</th>
                      <td>{v === null ? '–' : s.format(v)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))
      )}
    </Layout>
  );
}
