// SPDX-License-Identifier: EUPL-1.2
// The secretariat's proposals page (issue 11 §1): the threshold rule and the deciding body, every
// proposal with its status and the case it became, and signatures from paper lists (each identity
// number checked by the server; a duplicate refuses the whole list, named by line).
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { listCouncilBodies } from '../api/council.ts';
import {
  getParticipationSettings, listProposalsForStaff, registerPaperSignatures, updateParticipationSettings, type ParticipationSettings, type Proposal,
} from '../api/proposals.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TableScroll } from '../council/TableScroll.tsx';
import { fieldId } from '../forms/fieldErrors.ts';
import { fieldMessage } from '../forms/fieldMessage.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { formatDate } from '../../../src/common/format.ts';
import { ProposalStatusTag } from './shared.tsx';

const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

function SettingsForm({ tenant, settings, onSaved }: { tenant: Tenant; settings: ParticipationSettings; onSaved(s: ParticipationSettings): void }) {
  const { t } = useI18n();
  const [bodies] = useLoad((signal) => listCouncilBodies(tenant.slug, signal), [tenant.slug]);
  const [inhabitants, setInhabitants] = useState(settings.inhabitants?.toString() ?? '');
  const [threshold, setThreshold] = useState(settings.proposalThreshold?.toString() ?? '');
  const [days, setDays] = useState(String(settings.signingDays));
  const [bodyId, setBodyId] = useState(settings.proposalBodyId ?? '');
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await submit.run(async () => {
      onSaved(await updateParticipationSettings(tenant.slug, { inhabitants: numberOrNull(inhabitants), proposalThreshold: numberOrNull(threshold), signingDays: Number(days), proposalBodyId: bodyId || null }));
      setSaved(true);
    });
  }
  const fields = { inhabitants: t('proposals.settings.inhabitants'), proposalThreshold: t('proposals.settings.threshold'), signingDays: t('proposals.settings.signingDays'), proposalBodyId: t('proposals.settings.body') };
  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Heading level={2} data-size="sm">{t('proposals.settings.heading')}</Heading>
      <Paragraph>{t('proposals.settings.intro')}</Paragraph>
      <Paragraph>{settings.threshold === null ? t('proposals.settings.missing') : t('proposals.settings.current', { threshold: settings.threshold })}</Paragraph>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={fields} />
      <FormField field="inhabitants" label={fields.inhabitants} value={inhabitants} onChange={setInhabitants} errors={submit.errors} inputMode="numeric" />
      <FormField field="proposalThreshold" label={fields.proposalThreshold} value={threshold} onChange={setThreshold} errors={submit.errors} inputMode="numeric" />
      <FormField field="signingDays" label={fields.signingDays} value={days} onChange={setDays} errors={submit.errors} inputMode="numeric" required />
      <Field>
        <Label>{fields.proposalBodyId}</Label>
        <Select id={fieldId('proposalBodyId')} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
          <Select.Option value="">{t('proposals.settings.body.none')}</Select.Option>
          {bodies.status === 'ready' && bodies.data.items.map((b) => <Select.Option key={b.id} value={b.id}>{b.name}</Select.Option>)}
        </Select>
      </Field>
      <div className="button-row">
        <Button type="submit" disabled={submit.submitting}>{t('proposals.settings.save')}</Button>
      </div>
      {saved && <Alert data-color="success"><Paragraph>{t('proposals.settings.saved')}</Paragraph></Alert>}
    </form>
  );
}

function ProposalTable({ tenant, items }: { tenant: Tenant; items: Proposal[] }) {
  const { t, language } = useI18n();
  if (items.length === 0) return <Paragraph>{t('proposals.staff.list.empty')}</Paragraph>;
  const caption = t('proposals.staff.list.caption', { municipality: tenant.name });
  return (
    <TableScroll label={caption}>
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('proposals.col.title')}</Table.HeaderCell>
            <Table.HeaderCell>{t('proposals.col.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('proposals.col.signatures')}</Table.HeaderCell>
            <Table.HeaderCell>{t('proposals.col.case')}</Table.HeaderCell>
            <Table.HeaderCell>{t('proposals.col.due')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell><AppLink href={href({ name: 'proposal', tenant: tenant.slug, id: p.id })}>{p.title}</AppLink></Table.Cell>
              <Table.Cell><ProposalStatusTag status={p.status} /></Table.Cell>
              <Table.Cell>{t('proposals.count', { count: p.signatureCount, threshold: p.threshold })}</Table.Cell>
              <Table.Cell>{p.caseFileId ? <AppLink href={href({ name: 'caseView', tenant: tenant.slug, id: p.caseFileId })}>{p.caseNumber ?? '–'}</AppLink> : '–'}</Table.Cell>
              <Table.Cell>{p.decisionDueOn ? formatDate(language, p.decisionDueOn) : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function PaperForm({ tenant, open, onRegistered }: { tenant: Tenant; open: Proposal[]; onRegistered(): void }) {
  const { t, language } = useI18n();
  const [proposalId, setProposalId] = useState(open[0]?.id ?? '');
  const [lines, setLines] = useState('');
  const [done, setDone] = useState<{ count: number; total: number } | undefined>();
  const submit = useSubmit();
  useEffect(() => {
    if (!open.some((p) => p.id === proposalId)) setProposalId(open[0]?.id ?? '');
  }, [open, proposalId]);
  if (open.length === 0) return null;
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(undefined);
    const signatures = lines.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const comma = l.lastIndexOf(',');
      return comma < 0 ? { name: '', identityNumber: l } : { name: l.slice(0, comma).trim(), identityNumber: l.slice(comma + 1).trim() };
    });
    await submit.run(async () => {
      const p = await registerPaperSignatures(tenant.slug, proposalId, signatures);
      setDone({ count: signatures.length, total: p.signatureCount });
      setLines('');
      onRegistered();
    });
  }
  const lineErrors = submit.errors.filter((e) => /^signatures\.\d+\./.test(e.field));
  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Heading level={2} data-size="sm">{t('proposals.paper.heading')}</Heading>
      <Paragraph>{t('proposals.paper.intro')}</Paragraph>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={{ signatures: t('proposals.paper.lines') }} />
      <Field>
        <Label>{t('proposals.paper.proposal')}</Label>
        <Select id={fieldId('proposalId')} value={proposalId} onChange={(e) => setProposalId(e.target.value)}>
          {open.map((p) => <Select.Option key={p.id} value={p.id}>{p.title}</Select.Option>)}
        </Select>
      </Field>
      <Field>
        <Label>{t('proposals.paper.lines')}</Label>
        <Textarea id={fieldId('signatures')} rows={5} value={lines} aria-invalid={lineErrors.length > 0 || undefined} onChange={(e) => setLines(e.target.value)} />
        {lineErrors.length > 0 && (
          <ValidationMessage>
            {lineErrors.map((e) => `${t('proposals.paper.line', { line: Number(e.field.split('.')[1]) + 1 })}: ${fieldMessage(language, e)}`).join(' ')}
          </ValidationMessage>
        )}
      </Field>
      <div className="button-row">
        <Button type="submit" disabled={submit.submitting || !lines.trim()}>{t('proposals.paper.submit')}</Button>
      </div>
      {done && <Alert data-color="success"><Paragraph>{t('proposals.paper.done', done)}</Paragraph></Alert>}
    </form>
  );
}

export function StaffProposalsPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('proposals.staff.title'), tenant.name);
  const [settings, reloadSettings] = useLoad((signal) => getParticipationSettings(tenant.slug, signal), [tenant.slug]);
  const [list, reloadList] = useLoad((signal) => listProposalsForStaff(tenant.slug, signal), [tenant.slug]);
  const [current, setCurrent] = useState<ParticipationSettings | undefined>();
  return (
    <section className="stack">
      <PageHeading>{t('proposals.staff.title')}</PageHeading>
      {settings.status === 'loading' && <Loading />}
      {settings.status === 'error' && <ErrorState error={settings.error} onRetry={reloadSettings} tenant={tenant} />}
      {settings.status === 'ready' && <SettingsForm tenant={tenant} settings={current ?? settings.data} onSaved={setCurrent} />}
      <Heading level={2} data-size="sm">{t('proposals.staff.list.heading')}</Heading>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={reloadList} tenant={tenant} />}
      {list.status === 'ready' && (
        <>
          <ProposalTable tenant={tenant} items={list.data.items} />
          <PaperForm tenant={tenant} open={list.data.items.filter((p) => p.status === 'open')} onRegistered={reloadList} />
        </>
      )}
    </section>
  );
}
