// SPDX-License-Identifier: EUPL-1.2
// A titled description list of label/value pairs; empty values are left out.
import { Heading } from '@digdir/designsystemet-react';

export type DetailRow = [label: string, value: string | null | undefined];

export function DetailsPanel({ id, title, rows }: { id: string; title: string; rows: DetailRow[] }) {
  return (
    <section aria-labelledby={id} className="details-panel">
      <Heading level={2} data-size="xs" id={id}>
        {title}
      </Heading>
      <dl className="details-list">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
