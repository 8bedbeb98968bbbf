// SPDX-License-Identifier: EUPL-1.2
// One proposal for a citizen (issue 11 §1): its text, signatures against the threshold, the case it
// became, the meeting and the decision; and signing it with the e-ID login, with an e-mail to be
// told what happens. The public proposal page's "Sign with e-ID" link lands here.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api/problem.ts';
import { getMyProposalSignature, getProposal, signProposal, type MySignature, type Proposal, type PublicProposal } from '../api/proposals.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { formatDate } from '../../../src/common/format.ts';
import { ProposalStatusTag, SignatureProgress } from './shared.tsx';

const pause = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => clearTimeout(timer));
});

/**
 * The public view, waiting a moment for a proposal just written: the public projection follows the
 * write within a second, so a 404 right after creating it is retried a few times.
 */
async function loadProposal(tenant: string, id: string, signal: AbortSignal): Promise<{ proposal: PublicProposal; mine: MySignature | undefined }> {
  // The secretariat reads the page too, but signs nothing: no signature of its own to ask for.
  const mine = await getMyProposalSignature(tenant, id, signal).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 403) return undefined;
    throw error;
  });
  for (let attempt = 0; ; attempt += 1) {
    try {
      return { proposal: await getProposal(tenant, id, signal), mine };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404 || attempt >= 20) throw error;
      await pause(250, signal);
    }
  }
}

type Shown = Pick<PublicProposal, 'id' | 'title' | 'body' | 'authorName' | 'status' | 'threshold' | 'signatureCount' | 'closesAt' | 'caseNumber' | 'decisionDueOn' | 'agendaItemId' | 'decisionText'> & { meetingId?: string | null; caseUrl?: string | null };

export function ProposalPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t, language } = useI18n();
  const [loaded, reload] = useLoad((signal) => loadProposal(tenant.slug, id, signal), [tenant.slug, id]);
  const [signed, setSigned] = useState<Proposal | undefined>();
  const [email, setEmail] = useState('');
  const submit = useSubmit();
  usePageTitle(loaded.status === 'ready' ? loaded.data.proposal.title : t('proposals.title'), tenant.name);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} tenant={tenant} />;
  const { proposal, mine } = loaded.data;
  // Right after signing, the answer to the signature is newer than the public view.
  const p: Shown = signed ? { ...proposal, ...signed } : proposal;
  async function onSign(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => setSigned(await signProposal(tenant.slug, id, email.trim() ? { notifyEmail: email.trim() } : {})));
  }
  const hasSigned = Boolean(mine?.signed) || Boolean(signed);
  const canSign = mine !== undefined;
  return (
    <article className="stack">
      <AppLink href={href({ name: 'proposals', tenant: tenant.slug })}>{t('proposals.back')}</AppLink>
      <PageHeading>{p.title}</PageHeading>
      <div>
        <ProposalStatusTag status={p.status} />
      </div>
      <Paragraph>{t('proposals.by', { name: p.authorName })}</Paragraph>
      <Paragraph style={{ whiteSpace: 'pre-line' }}>{p.body}</Paragraph>
      <SignatureProgress id={p.id} count={p.signatureCount} threshold={p.threshold} />
      {p.status === 'open' && <Paragraph>{t('proposals.closes', { date: formatDate(language, p.closesAt) })}</Paragraph>}
      <dl className="receipt">
        {p.caseNumber && (
          <>
            <dt>{t('proposals.case')}</dt>
            <dd>{p.caseUrl ? <Link href={p.caseUrl}>{p.caseNumber}</Link> : p.caseNumber}</dd>
          </>
        )}
        {p.decisionDueOn && (
          <>
            <dt>{t('proposals.decisionDue')}</dt>
            <dd>{formatDate(language, p.decisionDueOn)}</dd>
          </>
        )}
        {p.agendaItemId && (
          <>
            <dt>{t('proposals.agenda')}</dt>
            <dd>{p.meetingId ? <Link href={`/${tenant.slug}/politikk/mote/${p.meetingId}`}>{t('proposals.agenda.link')}</Link> : t('proposals.status.on-agenda')}</dd>
          </>
        )}
      </dl>
      {p.decisionText && (
        <section className="stack">
          <Heading level={2} data-size="sm">{t('proposals.decision')}</Heading>
          <Paragraph style={{ whiteSpace: 'pre-line' }}>{p.decisionText}</Paragraph>
        </section>
      )}
      {signed && (
        <Alert data-color="success">
          <Paragraph>{signed.status === 'reached' && signed.caseNumber ? t('proposals.reachedNow', { caseNumber: signed.caseNumber }) : t('proposals.signedNow')}</Paragraph>
        </Alert>
      )}
      {!signed && hasSigned && (
        <Alert data-color="info">
          <Paragraph>{t('proposals.signed')}</Paragraph>
        </Alert>
      )}
      {canSign && !hasSigned && p.status !== 'open' && <Paragraph>{t('proposals.notOpen')}</Paragraph>}
      {canSign && !hasSigned && p.status === 'open' && (
        <form className="stack" onSubmit={(e) => void onSign(e)} noValidate>
          <Heading level={2} data-size="sm">{t('proposals.sign')}</Heading>
          <Paragraph>{t('proposals.sign.intro')}</Paragraph>
          <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={{ notifyEmail: t('proposals.field.notifyEmail') }} />
          <FormField field="notifyEmail" label={t('proposals.field.notifyEmail')} description={t('proposals.field.notifyEmail.description')} value={email} onChange={setEmail} errors={submit.errors} type="email" autoComplete="email" />
          <div className="button-row">
            <Button type="submit" disabled={submit.submitting}>{t('proposals.sign')}</Button>
          </div>
        </form>
      )}
    </article>
  );
}
