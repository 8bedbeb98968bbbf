// SPDX-License-Identifier: EUPL-1.2
// The citizen's proposals (issue 11 §1): the ones I wrote, the ones open for signing, and writing a
// new one (my own login is its first signature).
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { createProposal, listMyProposals, listProposals, type Proposal, type PublicProposal } from '../api/proposals.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { ProposalStatusTag, SignatureProgress } from './shared.tsx';

function ProposalList({ tenant, items, empty }: { tenant: Tenant; items: (Proposal | PublicProposal)[]; empty: MessageKey }) {
  const { t } = useI18n();
  if (items.length === 0) return <Paragraph>{t(empty)}</Paragraph>;
  return (
    <ul className="stack my-list">
      {items.map((p) => (
        <li key={p.id} className="stack">
          <AppLink href={href({ name: 'proposal', tenant: tenant.slug, id: p.id })}>{p.title}</AppLink> <ProposalStatusTag status={p.status} />
          <SignatureProgress id={p.id} count={p.signatureCount} threshold={p.threshold} />
        </li>
      ))}
    </ul>
  );
}

export function ProposalsPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('proposals.title'), tenant.name);
  const [mine, reloadMine] = useLoad((signal) => listMyProposals(tenant.slug, signal), [tenant.slug]);
  const [open, reloadOpen] = useLoad((signal) => listProposals(tenant.slug, { status: 'open', limit: 50 }, signal), [tenant.slug]);
  return (
    <section className="stack">
      <PageHeading>{t('proposals.title')}</PageHeading>
      <Paragraph>{t('proposals.intro')}</Paragraph>
      <div className="button-row">
        <ButtonLink href={href({ name: 'proposalNew', tenant: tenant.slug })}>{t('proposals.new')}</ButtonLink>
      </div>
      <Heading level={2} data-size="sm">{t('proposals.mine.heading')}</Heading>
      {mine.status === 'loading' && <Loading />}
      {mine.status === 'error' && <ErrorState error={mine.error} onRetry={reloadMine} tenant={tenant} />}
      {mine.status === 'ready' && <ProposalList tenant={tenant} items={mine.data.items} empty="proposals.mine.empty" />}
      <Heading level={2} data-size="sm">{t('proposals.open.heading')}</Heading>
      {open.status === 'loading' && <Loading />}
      {open.status === 'error' && <ErrorState error={open.error} onRetry={reloadOpen} tenant={tenant} />}
      {open.status === 'ready' && <ProposalList tenant={tenant} items={open.data.items} empty="proposals.open.empty" />}
    </section>
  );
}

export function NewProposalPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('proposals.new'), tenant.name);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [email, setEmail] = useState('');
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const created = await createProposal(tenant.slug, { title, body, ...(email.trim() ? { notifyEmail: email.trim() } : {}) });
      navigate(href({ name: 'proposal', tenant: tenant.slug, id: created.id }));
    });
  }
  const fields = { title: t('proposals.field.title'), body: t('proposals.field.body'), notifyEmail: t('proposals.field.notifyEmail') };
  return (
    <section className="stack">
      <PageHeading>{t('proposals.new')}</PageHeading>
      <Paragraph>{t('proposals.new.intro')}</Paragraph>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={fields} />
      <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormField field="title" label={fields.title} value={title} onChange={setTitle} errors={submit.errors} required />
        <FormField field="body" label={fields.body} value={body} onChange={setBody} errors={submit.errors} multiline required />
        <FormField field="notifyEmail" label={fields.notifyEmail} description={t('proposals.field.notifyEmail.description')} value={email} onChange={setEmail} errors={submit.errors} type="email" autoComplete="email" />
        <div className="button-row">
          <Button type="submit" disabled={submit.submitting}>{t('proposals.new.submit')}</Button>
          <AppLink href={href({ name: 'proposals', tenant: tenant.slug })}>{t('proposals.back')}</AppLink>
        </div>
      </form>
    </section>
  );
}
