// SPDX-License-Identifier: EUPL-1.2
// The case officer's consultations on the case view (issue 11 §2): open one (title, description,
// deadline, the case's entries as its documents), see the comments (unconfirmed ones counted, not
// filed) and publish the list. Each comment is already an incoming entry of the case below, where
// the officer screens it as for any letter.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Details, Fieldset, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDateTime, parseDateInput } from '../../../src/common/format.ts';
import type { CaseEntry, Tenant } from '../api/types.ts';
import { DateField } from '../components/DateField.tsx';
import { FieldMessages } from '../components/FieldMessages.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { useDisclosure } from '../components/useDisclosure.ts';
import { fieldId } from '../forms/fieldErrors.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from '../session/useLoad.ts';
import { listConsultationComments, listConsultationsForStaff, openConsultation, publishConsultationComments, type StaffConsultation } from './api.ts';

function Comments({ tenant, consultation }: { tenant: string; consultation: StaffConsultation }) {
  const { t, language } = useI18n();
  const [load] = useLoad((signal) => listConsultationComments(tenant, consultation.id, signal), [tenant, consultation.id, consultation.filedComments, consultation.unconfirmedComments]);
  if (load.status !== 'ready') return null;
  const filed = load.data.items.filter((c) => c.status === 'filed');
  return (
    <div className="stack">
      {load.data.unconfirmed > 0 && <Paragraph>{t('consultations.unconfirmed', { count: String(load.data.unconfirmed) })}</Paragraph>}
      {filed.length === 0 ? (
        <Paragraph>{t('consultations.noComments')}</Paragraph>
      ) : (
        <ol className="stack">
          {filed.map((c) => (
            <li key={c.id}>
              <Paragraph>
                <strong>{[c.authorName, c.organisation].filter(Boolean).join(', ')}</strong> · {formatDateTime(language, c.submittedAt)}
              </Paragraph>
              <Paragraph style={{ whiteSpace: 'pre-line' }}>{c.text}</Paragraph>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function OpenForm({ tenant, caseFileId, entries, onOpened }: { tenant: Tenant; caseFileId: string; entries: CaseEntry[]; onOpened(): void }) {
  const { t, language } = useI18n();
  const submit = useSubmit();
  const disclosure = useDisclosure();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [deadline, setDeadline] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const day = parseDateInput(language, deadline);
      // The end of the chosen day, in the officer's own time zone (the municipality's).
      const at = day.ok && day.iso ? new Date(`${day.iso}T23:59:00`).toISOString() : deadline;
      await openConsultation(tenant.slug, { caseFileId, title, description, deadline: at, documentEntryIds: chosen });
      setTitle('');
      setDescription('');
      setDeadline('');
      setChosen([]);
      disclosure.close();
      onOpened();
    });
  }

  return (
    <Details ref={disclosure.ref}>
      <Details.Summary>{t('consultations.open')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('consultations.open')}>
          <FormErrorSummary
            key={submit.attempt}
            errors={submit.errors}
            code={submit.code}
            fields={{ title: t('consultations.title'), description: t('consultations.description'), deadline: t('consultations.deadline'), documentEntryIds: t('consultations.documents'), caseFileId: t('caseView.number') }}
          />
          <FormField field="title" label={t('consultations.title')} value={title} onChange={setTitle} errors={submit.errors} required />
          <FormField field="description" label={t('consultations.description')} value={description} onChange={setDescription} errors={submit.errors} multiline />
          <DateField field="deadline" label={t('consultations.deadline')} value={deadline} onChange={setDeadline} errors={submit.errors} />
          {entries.length > 0 && (
            <Fieldset id={fieldId('documentEntryIds')}>
              <Fieldset.Legend>{t('consultations.documents')}</Fieldset.Legend>
              {entries.map((e) => (
                <Checkbox
                  key={e.id}
                  label={`${e.documentNumber ?? e.registryNumber} ${e.title}`}
                  value={e.id}
                  checked={chosen.includes(e.id)}
                  onChange={(event) => setChosen(event.target.checked ? [...chosen, e.id] : chosen.filter((x) => x !== e.id))}
                />
              ))}
              <FieldMessages errors={submit.errors.filter((e) => e.field.startsWith('documentEntryIds'))} />
            </Fieldset>
          )}
          <div>
            <Button type="submit" loading={submit.submitting}>
              {t('consultations.openButton')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

export function ConsultationSection({ tenant, caseFileId, entries, canOpen }: { tenant: Tenant; caseFileId: string; entries: CaseEntry[]; canOpen: boolean }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => listConsultationsForStaff(tenant.slug, caseFileId, signal), [tenant.slug, caseFileId]);
  const publishing = useSubmit();
  const items = load.status === 'ready' ? load.data.items : [];
  if (!canOpen && items.length === 0) return null;

  return (
    <section className="stack" aria-labelledby="consultations-heading">
      <Heading level={2} data-size="sm" id="consultations-heading">
        {t('consultations.heading')}
      </Heading>
      <FormErrorSummary key={publishing.attempt} errors={publishing.errors} code={publishing.code} fields={{}} />
      {items.map((c) => (
        <article key={c.id} className="stack" aria-labelledby={`consultation-${c.id}`}>
          <Heading level={3} data-size="xs" id={`consultation-${c.id}`}>
            {c.title}
          </Heading>
          <div className="tag-row">
            <Tag data-color={c.status === 'open' ? 'success' : 'neutral'}>{t(c.status === 'open' ? 'consultations.statusOpen' : 'consultations.statusClosed')}</Tag>
            {c.commentsPublishedAt && <Tag data-color="info">{t('consultations.published')}</Tag>}
          </div>
          <Paragraph>
            {t('consultations.deadlineIs', { date: formatDateTime(language, c.deadline) })} · {t('consultations.counts', { filed: String(c.filedComments), unconfirmed: String(c.unconfirmedComments) })}
          </Paragraph>
          <Paragraph>
            <Link href={`/${tenant.slug}/deltakelse/horinger/${c.id}`}>{t('consultations.publicPage')}</Link>
          </Paragraph>
          <Details>
            <Details.Summary>{t('consultations.comments', { count: String(c.filedComments) })}</Details.Summary>
            <Details.Content>
              <Comments tenant={tenant.slug} consultation={c} />
            </Details.Content>
          </Details>
          {!c.commentsPublishedAt && canOpen && (
            <div>
              <Button variant="secondary" loading={publishing.submitting} onClick={() => void publishing.run(async () => { await publishConsultationComments(tenant.slug, c.id); reload(); })}>
                {t('consultations.publish')}
              </Button>
            </div>
          )}
        </article>
      ))}
      {canOpen && <OpenForm tenant={tenant} caseFileId={caseFileId} entries={entries} onOpened={reload} />}
    </section>
  );
}
