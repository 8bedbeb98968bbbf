// SPDX-License-Identifier: EUPL-1.2
// Avskrivning without a reply letter: noted, answered by phone, and so on.
import { useState, type FormEvent } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { followUpEntry } from '../api/archive.ts';
import { followUpMethods, type FollowUpMethod } from '../api/types.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormErrorSummary } from './FormErrorSummary.tsx';
import { SelectField } from './SelectField.tsx';

export function FollowUpForm({ tenant, entryId, onDone }: { tenant: string; entryId: string; onDone(): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [method, setMethod] = useState<FollowUpMethod>('noted');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      await followUpEntry(tenant, entryId, { method });
      onDone();
    });
  }
  return (
    <form className="inline-form" onSubmit={onSubmit}>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={{ method: t('entry.followUpMethod') }} />
      <SelectField
        field="method"
        label={t('entry.followUpMethod')}
        value={method}
        options={followUpMethods}
        optionLabel={(m) => t(`followUpMethod.${m}`)}
        onChange={setMethod}
        errors={submit.errors}
      />
      <Button type="submit" variant="secondary" loading={submit.submitting}>
        {t('entry.markFollowedUp')}
      </Button>
    </form>
  );
}
