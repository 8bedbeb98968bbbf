// SPDX-License-Identifier: EUPL-1.2
// Documents the citizen may download (downloadMyDocument): the link is the API's own address.
import { Link } from '@digdir/designsystemet-react';
import type { MyCase } from '../../api/myPage.ts';
import { Icon } from '../../components/Icon.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatFileSize } from '../../../../src/common/format.ts';

type Doc = MyCase['timeline'][number]['documents'][number];

export function MyDocuments({ documents }: { documents: readonly Doc[] }) {
  const { t, language } = useI18n();
  if (!documents.length) return null;
  return (
    <ul className="document-list">
      {documents.map((d) => (
        <li key={d.id}>
          <Icon name="document" />
          <Link href={d.url} download={d.fileName}>
            <span className="visually-hidden">{t('entry.download')} </span>
            {d.title}
          </Link>
          <span className="muted">
            {' '}
            · {d.fileName} · {formatFileSize(language, d.size)}
          </span>
        </li>
      ))}
    </ul>
  );
}
