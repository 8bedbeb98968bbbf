// SPDX-License-Identifier: EUPL-1.2
// The secretariat's two pieces of the workspace, on its meeting page: the item under discussion
// (shown highlighted on the members' tablets) and the substitutes called after reported absence.
import { useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { formatDateTime } from '../../../src/common/format.ts';
import { listSubstituteCalls, setCurrentAgendaItem } from '../api/workspace.ts';
import type { Tenant } from '../api/types.ts';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from '../session/useLoad.ts';
import { useSubmit } from '../council/useSubmit.ts';

interface MeetingLike { id: string; currentItemId?: string | null | undefined; items: { id: string; itemNumber: string; title: string }[] }

export function CurrentItemSection({ tenant, meeting, onChanged }: { tenant: Tenant; meeting: MeetingLike; onChanged: (text: string) => void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(meeting.currentItemId ?? '');
  const submit = useSubmit();
  return (
    <section className="stack" aria-labelledby="current-item">
      <Heading level={2} data-size="sm" id="current-item">
        {t('workspace.current.heading')}
      </Heading>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={{}} />
      <Field>
        <Label>{t('workspace.current.label')}</Label>
        <Select value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <Select.Option value="">{t('workspace.current.none')}</Select.Option>
          {meeting.items.map((i) => (
            <Select.Option key={i.id} value={i.id}>{`${i.itemNumber} ${i.title}`}</Select.Option>
          ))}
        </Select>
      </Field>
      <div className="button-row">
        <Button variant="secondary" aria-disabled={submit.busy || undefined}
          onClick={() => void submit.run(async () => { await setCurrentAgendaItem(tenant.slug, meeting.id, chosen || null); onChanged(t('workspace.current.saved')); })}>
          {t('workspace.current.set')}
        </Button>
      </div>
    </section>
  );
}

export function SubstituteCallsSection({ tenant, meetingId }: { tenant: Tenant; meetingId: string }) {
  const { t, language } = useI18n();
  const [calls] = useLoad((signal) => listSubstituteCalls(tenant.slug, meetingId, signal), [tenant.slug, meetingId]);
  return (
    <section className="stack" aria-labelledby="substitute-calls">
      <Heading level={2} data-size="sm" id="substitute-calls">
        {t('workspace.secretariat.calls')}
      </Heading>
      {calls.status === 'ready' && calls.data.items.length === 0 && <Paragraph>{t('workspace.secretariat.noCalls')}</Paragraph>}
      {calls.status === 'ready' && calls.data.items.length > 0 && (
        <ul>
          {calls.data.items.map((k) => (
            <li key={k.id}>{t('workspace.secretariat.call', { substitute: k.substituteName, absent: k.absentName, status: t(`workspace.calls.status.${k.status}`), time: formatDateTime(language, k.calledAt) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
