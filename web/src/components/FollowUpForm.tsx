// SPDX-License-Identifier: EUPL-1.2
// Avskrivning without a reply letter: noted, answered by phone, and so on.
import { useState, type FormEvent } from 'react';
import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { followUpEntry } from '../api/archive.ts';
import { followUpMethods, type FollowUpMethod } from '../api/types.ts';
import { fieldId } from '../forms/fieldErrors.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormErrorSummary } from './FormErrorSummary.tsx';

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
      <FormErrorSummary key={submit.attempt} errors={submit.errors} detail={submit.detail} fields={{ method: t('entry.followUpMethod') }} />
      <Field>
        <Label>{t('entry.followUpMethod')}</Label>
        <Select id={fieldId('method')} value={method} onChange={(event) => setMethod(event.target.value as FollowUpMethod)}>
          {followUpMethods.map((m) => (
            <Select.Option key={m} value={m}>
              {t(`followUpMethod.${m}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" loading={submit.submitting}>
        {t('entry.markFollowedUp')}
      </Button>
    </form>
  );
}
