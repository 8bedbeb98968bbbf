// SPDX-License-Identifier: EUPL-1.2
// Registering a letter or memo in a case, with its document. Opened from "Reply" on an incoming
// letter, it becomes the outgoing answer that follows that letter up.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { createRegistryEntry, getCaseFile, getRegistryEntry, uploadDocument } from '../api/archive.ts';
import { entryTypes, type CaseFile, type EntryType, type RegistryEntry, type Tenant } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { CorrespondentsEditor } from '../components/CorrespondentsEditor.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FileField } from '../components/FileField.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScreeningFields, screeningFieldLabels } from '../components/ScreeningFields.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { ResponsibleFields, type Responsible } from '../components/ResponsibleFields.tsx';
import { defaultRole, newCorrespondent, replyRecipients, toCorrespondent } from '../forms/correspondentDraft.ts';
import { emptyScreening, toScreening } from '../forms/screeningDraft.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { setFlash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { ApiError } from '../api/problem.ts';
import { DateField } from '../components/DateField.tsx';
import { fieldMessage, problemMessage } from '../forms/fieldMessage.ts';
import { dateInputValue, parseDateInput } from '../../../src/common/format.ts';
import type { FieldError, Language } from '../api/types.ts';

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The dates as typed, read back to ISO; a date that cannot be read is a field error shown like the
 * API's, before anything is sent.
 */
function readDates(language: Language, typed: Record<string, string>): { dates: Record<string, string>; errors: FieldError[] } {
  const dates: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [field, text] of Object.entries(typed)) {
    const parsed = parseDateInput(language, text);
    if (!parsed.ok) errors.push({ field, code: 'invalidDate', message: 'not a date' });
    else if (parsed.iso) dates[field] = parsed.iso;
  }
  return { dates, errors };
}

export function RegisterEntryPage({ tenant, caseId, followsUp }: { tenant: Tenant; caseId: string; followsUp?: string | undefined }) {
  const [load, reload] = useLoad(
    async (signal) => {
      // Both at once: the form waits for the slower of the two, not for their sum.
      const [caseFile, followed] = await Promise.all([getCaseFile(tenant.slug, caseId, signal), followsUp ? getRegistryEntry(tenant.slug, followsUp, signal) : undefined]);
      return { caseFile, followed };
    },
    [tenant.slug, caseId, followsUp],
  );
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  return <EntryForm tenant={tenant} caseFile={load.data.caseFile} followed={load.data.followed} />;
}

function EntryForm({ tenant, caseFile, followed }: { tenant: Tenant; caseFile: CaseFile; followed: RegistryEntry | undefined }) {
  const { t, language } = useI18n();
  const submit = useSubmit();
  const today = () => dateInputValue(language, todayIso());
  const initialType: EntryType = followed ? 'outgoing' : 'incoming';
  const [type, setType] = useState<EntryType>(initialType);
  const [title, setTitle] = useState('');
  const [documentDate, setDocumentDate] = useState(today());
  const [receivedDate, setReceivedDate] = useState(initialType === 'incoming' ? today() : '');
  const [sentDate, setSentDate] = useState(initialType === 'outgoing' ? today() : '');
  const [correspondents, setCorrespondents] = useState(() => {
    const recipients = followed ? replyRecipients(followed.correspondents) : [];
    return recipients.length ? recipients : [newCorrespondent(defaultRole(initialType))];
  });
  const [file, setFile] = useState<File | undefined>();
  const [screening, setScreening] = useState(emptyScreening);
  const [responsible, setResponsible] = useState<Responsible>({ unitId: '', officerId: '' });
  const caseHref = href({ name: 'caseView', tenant: tenant.slug, id: caseFile.id });

  const labels = {
    type: t('registerEntry.type'),
    title: t('registerEntry.entryTitle'),
    documentDate: t('registerEntry.documentDate'),
    receivedDate: t('registerEntry.receivedDate'),
    sentDate: t('registerEntry.sentDate'),
    correspondents: t('registerEntry.correspondents'),
    file: t('registerEntry.file'),
    responsibleUnitId: t('createCase.responsibleUnit'),
    responsibleOfficerId: t('createCase.responsibleOfficer'),
  };
  // Every input the error summary can link to, by API field.
  const summaryFields: Record<string, string> = { ...labels, ...screeningFieldLabels(t) };
  correspondents.forEach((_, i) => {
    for (const name of ['name', 'kind', 'role', 'identityNumber', 'organisationNumber', 'email', 'address', 'postalCode', 'postalTown'] as const)
      summaryFields[`correspondents.${i}.${name}`] = `${t('registerEntry.correspondent', { n: i + 1 })}, ${t(`registerEntry.${name}`)}`;
  });

  function changeType(next: EntryType) {
    setType(next);
    if (next === 'incoming' && !receivedDate) setReceivedDate(today());
    if (next === 'outgoing' && !sentDate) setSentDate(today());
    // A fresh form follows the type; parties already typed in are left alone.
    if (correspondents.length === 1 && !correspondents[0]!.name) setCorrespondents([{ ...correspondents[0]!, role: defaultRole(next) }]);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const s = toScreening(screening);
      const { dates, errors } = readDates(language, {
        documentDate,
        ...(type === 'incoming' ? { receivedDate } : {}),
        ...(type === 'outgoing' ? { sentDate } : {}),
      });
      if (errors.length) throw new ApiError(400, 'validation', 'a date could not be read', errors);
      const entry = await createRegistryEntry(tenant.slug, caseFile.id, {
        type,
        title: title.trim(),
        ...dates,
        correspondents: correspondents.map(toCorrespondent),
        ...(s ? { screening: s } : {}),
        ...(followed ? { followsUp: [followed.id] } : {}),
        ...(responsible.unitId ? { responsibleUnitId: responsible.unitId } : {}),
        ...(responsible.officerId ? { responsibleOfficerId: responsible.officerId } : {}),
      });
      if (file) {
        try {
          await uploadDocument(tenant.slug, entry.id, file, { relation: 'main' });
        } catch (error) {
          // The entry is registered; say so, and send the person where the document can be added.
          const reason = error instanceof ApiError ? (error.errors[0] ? fieldMessage(language, error.errors[0]) : problemMessage(language, error.code)) : problemMessage(language, 'internal');
          setFlash({ kind: 'warning', text: t('registerEntry.uploadFailed', { number: entry.registryNumber, reason }) });
          navigate(href({ name: 'entryView', tenant: tenant.slug, id: entry.id }));
          return;
        }
      }
      setFlash({ kind: 'success', text: t('registerEntry.registered', { number: entry.registryNumber }) });
      navigate(caseHref);
    });
  }

  return (
    <section className="stack form-page">
      <div>
        <PageHeading>{t('registerEntry.title')}</PageHeading>
        <Paragraph>{t('registerEntry.inCase', { number: caseFile.caseNumber, title: caseFile.title })}</Paragraph>
      </div>
      {followed && (
        <Alert data-color="info">
          <Paragraph>{t('registerEntry.followsUp', { number: followed.registryNumber, title: followed.title })}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={summaryFields} />
      <form className="stack" onSubmit={onSubmit} noValidate>
        <SelectField field="type" label={labels.type} value={type} options={entryTypes} optionLabel={(value) => t(`entryType.${value}`)} onChange={changeType} errors={submit.errors} />
        <FormField field="title" label={labels.title} value={title} onChange={setTitle} errors={submit.errors} required />
        <div className="grid">
          <DateField field="documentDate" label={labels.documentDate} value={documentDate} onChange={setDocumentDate} errors={submit.errors} />
          {type === 'incoming' && <DateField field="receivedDate" label={labels.receivedDate} value={receivedDate} onChange={setReceivedDate} errors={submit.errors} />}
          {type === 'outgoing' && <DateField field="sentDate" label={labels.sentDate} value={sentDate} onChange={setSentDate} errors={submit.errors} />}
        </div>
        <ResponsibleFields
          tenant={tenant.slug}
          value={responsible}
          onChange={setResponsible}
          errors={submit.errors}
          unitEmpty={t('responsible.asCase', { name: caseFile.responsibleUnit ?? t('responsible.none') })}
          officerEmpty={t('responsible.asCase', { name: caseFile.responsibleOfficer ?? t('responsible.none') })}
        />
        <CorrespondentsEditor value={correspondents} onChange={setCorrespondents} nextRole="copy" errors={submit.errors} />
        <FileField label={labels.file} description={t('registerEntry.fileHint')} errors={submit.errors} file={file} onChange={setFile} />
        <ScreeningFields value={screening} onChange={setScreening} title={title} country={tenant.country} errors={submit.errors} />
        <div className="button-row">
          <Button type="submit" loading={submit.submitting}>
            {t('registerEntry.submit')}
          </Button>
          <ButtonLink variant="secondary" href={caseHref}>
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </section>
  );
}
