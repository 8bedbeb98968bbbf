// SPDX-License-Identifier: EUPL-1.2
// Adds a document (an attachment, or the main document if the entry has none yet) to an entry.
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { uploadDocument } from '../api/archive.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FileField } from './FileField.tsx';
import { FormErrorSummary } from './FormErrorSummary.tsx';

export function AddDocumentForm({ tenant, entryId, onDone }: { tenant: string; entryId: string; onDone(): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [file, setFile] = useState<File | undefined>();
  const input = useRef<HTMLButtonElement>(null);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      input.current?.focus();
      return;
    }
    void submit.run(async () => {
      await uploadDocument(tenant, entryId, file);
      setFile(undefined);
      onDone();
    });
  }
  return (
    <form className="inline-form" onSubmit={onSubmit}>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={{ file: t('registerEntry.file') }} />
      <FileField ref={input} label={t('registerEntry.file')} errors={submit.errors} file={file} onChange={setFile} />
      <Button type="submit" variant="secondary" loading={submit.submitting}>
        {t('entry.addDocument')}
      </Button>
    </form>
  );
}
