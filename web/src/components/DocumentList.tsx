// SPDX-License-Identifier: EUPL-1.2
// The documents of an entry, each with a download link to its stored content.
import { Link, Paragraph } from '@digdir/designsystemet-react';
import { documentContentUrl } from '../api/archive.ts';
import type { ArchiveDocument } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';
import { formatFileSize } from '../../../src/common/format.ts';


export function DocumentList({ tenant, documents }: { tenant: string; documents: ArchiveDocument[] }) {
  const { t, language } = useI18n();
  if (!documents.length) return <Paragraph data-size="sm" className="muted">{t('entry.noDocuments')}</Paragraph>;
  return (
    <ul className="document-list">
      {documents.map((doc) => {
        // An entry's document carries every stored version; a case file's details carry the newest
        // file's name and size on the document itself.
        const latest: { fileName: string | null; size: number } | undefined =
          'objects' in doc ? [...doc.objects].sort((a, b) => b.version - a.version)[0] : doc.size != null ? { fileName: doc.fileName, size: doc.size } : undefined;
        const name = latest?.fileName ?? doc.title;
        return (
          <li key={doc.id}>
            <Icon name="document" />
            <Link href={documentContentUrl(tenant, doc.id)} download={name}>
              <span className="visually-hidden">{t('entry.download')} </span>
              {doc.title}
            </Link>
            <span className="muted">
              {' '}
              · {t(`entry.documentRelation.${doc.relation}`)}
              {latest?.size !== undefined ? ` · ${formatFileSize(language, latest.size)}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
