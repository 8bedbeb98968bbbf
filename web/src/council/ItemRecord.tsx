// SPDX-License-Identifier: EUPL-1.2
// Recording one agenda item during the meeting: proposals, declared disqualifications, votes,
// the decision, reservations, and afterwards the item's moment in the recording and its transcript (WebVTT).
// One item at a time, so the forms' field ids are unique on the screen.
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import {
  addProposal,
  declareDisqualification,
  proposalKinds,
  recordDecision,
  setAgendaItemVideo,
  uploadAgendaItemTranscript,
  type AgendaItem,
  type ProposalKind,
} from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { FileField } from '../components/FileField.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MeetingRoster } from './meeting.ts';
import { formatOffset, parseOffset, personName, useSubmit } from './useSubmit.ts';
import { Reservations } from './ReservationForm.tsx';
import { VoteForm } from './VoteForm.tsx';
import { VoteResult } from './VoteResult.tsx';

interface Props {
  tenant: Tenant;
  item: AgendaItem;
  roster: MeetingRoster;
  present: readonly string[];
  onChanged: (text: string) => void;
}

export function ItemRecord({ tenant, item, roster, present, onChanged }: Props) {
  const { t } = useI18n();
  const name = (id: string | null) => (id ? personName(roster.persons.get(id)) : '');
  return (
    <section className="stack item-record" aria-labelledby="item-record">
      <Heading level={2} data-size="sm" id="item-record">
        {t('council.item.heading', { number: item.itemNumber, title: item.title })}
      </Heading>
      <Heading level={3} data-size="xs">
        {t('council.proposals.heading')}
      </Heading>
      {(item.proposals ?? []).length === 0 ? (
        <Paragraph>{t('council.proposals.empty')}</Paragraph>
      ) : (
        <ol className="stack">
          {item.proposals!.map((p) => (
            <li key={p.id}>
              <strong>{t(`council.proposals.kind.${p.kind}`)}</strong>
              {p.proposerPersonId ? ` (${name(p.proposerPersonId)})` : ''}: {p.text}
            </li>
          ))}
        </ol>
      )}
      <ProposalForm tenant={tenant} item={item} roster={roster} present={present} onAdded={onChanged} />
      <Heading level={3} data-size="xs">
        {t('council.disqualification.heading')}
      </Heading>
      {(item.disqualifications ?? []).map((d) => (
        <Paragraph key={d.personId}>{t('council.disqualification.line', { name: name(d.personId), reason: d.reason })}</Paragraph>
      ))}
      <DisqualificationForm tenant={tenant} item={item} roster={roster} present={present} onAdded={onChanged} />
      <Heading level={3} data-size="xs">
        {t('council.vote.heading')}
      </Heading>
      {(item.votes ?? []).map((v) => (
        <VoteResult key={v.id} vote={v} roster={roster} />
      ))}
      <VoteForm key={(item.votes ?? []).length} tenant={tenant} item={item} roster={roster} present={present} onRecorded={onChanged} />
      <Heading level={3} data-size="xs">
        {t('council.decision.heading')}
      </Heading>
      <DecisionForm tenant={tenant} item={item} onSaved={onChanged} />
      <Heading level={3} data-size="xs">
        {t('council.reservation.heading')}
      </Heading>
      <Reservations tenant={tenant} item={item} roster={roster} present={present} onAdded={onChanged} />
      <Heading level={3} data-size="xs">
        {t('council.video.heading')}
      </Heading>
      <VideoForm tenant={tenant} item={item} onSaved={onChanged} />
    </section>
  );
}

function ProposalForm({ tenant, item, roster, present, onAdded }: { tenant: Tenant; item: AgendaItem; roster: MeetingRoster; present: readonly string[]; onAdded: (text: string) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ProposalKind>('proposal');
  const [text, setText] = useState('');
  const [proposer, setProposer] = useState('');
  const submit = useSubmit('proposal');
  const fields = { 'proposal.kind': t('council.proposals.kind'), 'proposal.text': t('council.proposals.text'), 'proposal.proposerPersonId': t('council.proposals.proposer') };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const partyId = roster.persons.get(proposer)?.partyId;
    const ok = await submit.run(async () => {
      await addProposal(tenant.slug, item.id, { kind, text, ...(proposer ? { proposerPersonId: proposer } : {}), ...(partyId ? { partyId } : {}) });
      onAdded(t('council.proposals.added'));
    });
    if (ok) setText('');
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('council.proposals.add')}>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
      <SelectField field="proposal.kind" label={fields['proposal.kind']} value={kind} options={proposalKinds} optionLabel={(k) => t(`council.proposals.kind.${k}`)} onChange={setKind} errors={submit.errors} />
      <FormField field="proposal.text" label={fields['proposal.text']} multiline value={text} onChange={setText} errors={submit.errors} required />
      <SelectField
        field="proposal.proposerPersonId"
        label={fields['proposal.proposerPersonId']}
        value={proposer}
        options={['', ...present]}
        optionLabel={(id) => (id ? personName(roster.persons.get(id)) : t('council.proposals.noProposer'))}
        onChange={setProposer}
        errors={submit.errors}
      />
      <div className="button-row">
        <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
          {t('council.proposals.add')}
        </Button>
      </div>
    </form>
  );
}

function DisqualificationForm({ tenant, item, roster, present, onAdded }: { tenant: Tenant; item: AgendaItem; roster: MeetingRoster; present: readonly string[]; onAdded: (text: string) => void }) {
  const { t } = useI18n();
  const [personId, setPersonId] = useState(present[0] ?? '');
  const [reason, setReason] = useState('');
  const submit = useSubmit('disqualification');
  const fields = { 'disqualification.personId': t('council.disqualification.person'), 'disqualification.reason': t('council.disqualification.reason') };
  if (present.length === 0) return null;
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await declareDisqualification(tenant.slug, item.id, { personId, reason });
      onAdded(t('council.disqualification.added', { name: personName(roster.persons.get(personId)) }));
    });
    if (ok) setReason('');
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('council.disqualification.add')}>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
      <SelectField field="disqualification.personId" label={fields['disqualification.personId']} value={personId} options={present} optionLabel={(id) => personName(roster.persons.get(id))} onChange={setPersonId} errors={submit.errors} />
      <FormField field="disqualification.reason" label={fields['disqualification.reason']} value={reason} onChange={setReason} errors={submit.errors} required />
      <div className="button-row">
        <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
          {t('council.disqualification.add')}
        </Button>
      </div>
    </form>
  );
}

function DecisionForm({ tenant, item, onSaved }: { tenant: Tenant; item: AgendaItem; onSaved: (text: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(item.decisionText ?? item.proposals?.find((p) => p.kind === 'recommendation')?.text ?? '');
  const submit = useSubmit('decision');
  const fields = { 'decision.text': t('council.decision.text') };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      await recordDecision(tenant.slug, item.id, text);
      onSaved(t('council.decision.saved', { number: item.itemNumber }));
    });
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('council.decision.save')}>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
      <FormField field="decision.text" label={fields['decision.text']} multiline value={text} onChange={setText} errors={submit.errors} required />
      <div className="button-row">
        <Button type="submit" aria-disabled={submit.busy || undefined}>
          {t('council.decision.save')}
        </Button>
      </div>
    </form>
  );
}

function VideoForm({ tenant, item, onSaved }: { tenant: Tenant; item: AgendaItem; onSaved: (text: string) => void }) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(formatOffset(item.videoOffsetSeconds));
  const [file, setFile] = useState<File | undefined>();
  const [hasTranscript, setHasTranscript] = useState(!!item.transcriptSha256);
  const submit = useSubmit('video');
  const upload = useSubmit();
  async function onOffset(event: FormEvent) {
    event.preventDefault();
    const seconds = parseOffset(offset);
    if (seconds === undefined) {
      submit.fail([{ field: 'video.offsetSeconds', code: 'invalid', message: 'not a time' }]);
      return;
    }
    await submit.run(async () => {
      await setAgendaItemVideo(tenant.slug, item.id, seconds);
      onSaved(t('council.video.saved', { number: item.itemNumber, offset: formatOffset(seconds) }));
    });
  }
  async function onUpload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      upload.fail([{ field: 'file', code: 'required', message: 'required' }]);
      return;
    }
    const text = await file.text();
    const ok = await upload.run(async () => {
      const saved = await uploadAgendaItemTranscript(tenant.slug, item.id, text);
      setHasTranscript(saved.transcriptSha256 !== '');
      onSaved(t('council.video.uploaded', { number: item.itemNumber }));
    });
    if (ok) setFile(undefined);
  }
  return (
    <div className="stack">
      <form className="stack" onSubmit={onOffset} noValidate aria-label={t('council.video.save')}>
        <FormErrorSummary errors={submit.errors} code={submit.code} fields={{ 'video.offsetSeconds': t('council.video.offset') }} />
        <FormField field="video.offsetSeconds" label={t('council.video.offset')} description={t('council.video.offsetHint')} value={offset} onChange={setOffset} errors={submit.errors} inputMode="numeric" required />
        <div className="button-row">
          <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
            {t('council.video.save')}
          </Button>
        </div>
      </form>
      <form className="stack" onSubmit={onUpload} noValidate aria-label={t('council.video.upload')}>
        <FormErrorSummary errors={upload.errors} code={upload.code} fields={{ file: t('council.video.transcript') }} />
        {hasTranscript && <Paragraph data-size="sm">{t('council.video.hasTranscript')}</Paragraph>}
        <FileField label={t('council.video.transcript')} description={t('council.video.transcriptHint')} file={file} onChange={setFile} errors={upload.errors} />
        <div className="button-row">
          <Button type="submit" variant="secondary" aria-disabled={upload.busy || undefined}>
            {t('council.video.upload')}
          </Button>
        </div>
      </form>
    </div>
  );
}
