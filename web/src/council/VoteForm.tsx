// SPDX-License-Identifier: EUPL-1.2
// Recording a vote (kommuneloven § 11-4 / votering): the count per option and, unless the vote is
// secret, each member's ballot grouped by party, with one choice per party for the common case of a
// party voting as a group. The counts can be taken from the ballots. The API checks that the counts
// add up to the members present less the disqualified, that nobody votes twice, and that ballots
// agree with counts; its field errors are shown at the counts, the ballots or the outcome.
import { useState, type FormEvent } from 'react';
import { Button, Field, Fieldset, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { recordVote, voteMethods, type AgendaItem, type VoteMethod } from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { FieldMessages } from '../components/FieldMessages.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MeetingRoster } from './meeting.ts';
import { personName, useSubmit } from './useSubmit.ts';

const OPTIONS = ['for', 'against', 'abstain'] as const;
type Option = (typeof OPTIONS)[number];

/** The members who may vote on the item: present, and not disqualified from it. */
export function voters(item: AgendaItem, roster: MeetingRoster, present: readonly string[]): string[] {
  const out = new Set((item.disqualifications ?? []).map((d) => d.personId));
  return present.filter((p) => !out.has(p));
}

export function VoteForm({ tenant, item, roster, present, onRecorded }: { tenant: Tenant; item: AgendaItem; roster: MeetingRoster; present: readonly string[]; onRecorded: (text: string) => void }) {
  const { t } = useI18n();
  const key = (s: string) => `${item.id}-${s}`;
  const [subject, setSubject] = useState(item.proposals?.at(-1)?.text.slice(0, 120) ?? item.title);
  const [method, setMethod] = useState<VoteMethod>('show-of-hands');
  // Sweden counts those who abstain (avstår); Norway has no abstaining in a vote (kommuneloven § 11-4).
  const options: readonly Option[] = tenant.country === 'SE' ? OPTIONS : ['for', 'against'];
  const [counts, setCounts] = useState<Record<Option, string>>({ for: '', against: '', abstain: '' });
  const [ballots, setBallots] = useState<Record<string, Option | ''>>({});
  const [outcome, setOutcome] = useState<Option>('for');
  const submit = useSubmit();
  const eligible = voters(item, roster, present);
  const secret = method === 'secret';
  const byParty = new Map<string, string[]>();
  for (const p of eligible) {
    const party = roster.persons.get(p)?.partyId ?? '';
    byParty.set(party, [...(byParty.get(party) ?? []), p]);
  }
  const label = (o: Option) => t(`council.vote.option.${o}`);
  const fields: Record<string, string> = { subject: t('council.vote.subject'), method: t('council.vote.method'), counts: t('council.vote.counts'), ballots: t('council.vote.ballots'), outcome: t('council.vote.outcome') };
  const fromBallots = () => {
    const next = { for: 0, against: 0, abstain: 0 };
    for (const p of eligible) if (ballots[p]) next[ballots[p]] += 1;
    setCounts({ for: String(next.for), against: String(next.against), abstain: String(next.abstain) });
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const bad = options.map((o, i) => ({ o, i })).filter(({ o }) => !/^\d{1,4}$/.test(counts[o].trim()));
    if (bad.length) {
      submit.fail(bad.map(({ i }) => ({ field: `counts.${i}.count`, code: 'invalidNumber', message: 'not a number' })));
      return;
    }
    const cast = secret ? [] : eligible.filter((p) => ballots[p]).map((p) => ({ personId: p, option: ballots[p] as Option }));
    await submit.run(async () => {
      await recordVote(tenant.slug, item.id, {
        subject,
        method,
        counts: options.map((o) => ({ option: o, label: label(o), count: Number(counts[o]) })),
        ...(cast.length ? { ballots: cast } : {}),
        outcome,
      });
      onRecorded(t('council.vote.recorded', { counts: options.map((o) => `${label(o)} ${counts[o]}`).join(', ') }));
    });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('council.vote.record')}>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
      <FormField field="subject" label={fields.subject!} value={subject} onChange={setSubject} errors={submit.errors} required />
      <SelectField field="method" label={fields.method!} value={method} options={voteMethods} optionLabel={(m) => t(`council.vote.method.${m}`)} onChange={setMethod} errors={submit.errors} />
      <Paragraph data-size="sm">{t('council.vote.eligible', { count: eligible.length })}</Paragraph>
      {!secret && eligible.length > 0 && (
        <Fieldset id={fieldId('ballots')}>
          <Fieldset.Legend>{fields.ballots}</Fieldset.Legend>
          <Fieldset.Description>{t('council.vote.ballotsHint')}</Fieldset.Description>
          {[...byParty].map(([partyId, members]) => {
            const party = roster.parties.get(partyId);
            const partyName = party ? party.name : t('council.vote.noParty');
            return (
              <div className="stack vote-party" key={partyId || 'none'}>
                <Field>
                  <Label>{t('council.vote.partyVotes', { party: partyName })}</Label>
                  <Select
                    id={key(`party-${partyId || 'none'}`)}
                    value=""
                    onChange={(event) => {
                      const o = event.target.value as Option | '';
                      setBallots({ ...ballots, ...Object.fromEntries(members.map((m) => [m, o])) });
                    }}
                  >
                    <Select.Option value="">{t('council.vote.choose')}</Select.Option>
                    {options.map((o) => (
                      <Select.Option key={o} value={o}>
                        {label(o)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                {members.map((m) => {
                  const i = eligible.indexOf(m);
                  return (
                    <Field key={m}>
                      <Label>{personName(roster.persons.get(m))}</Label>
                      <Select id={key(`ballot-${m}`)} value={ballots[m] ?? ''} onChange={(event) => setBallots({ ...ballots, [m]: event.target.value as Option | '' })}>
                        <Select.Option value="">{t('council.vote.notRecorded')}</Select.Option>
                        {options.map((o) => (
                          <Select.Option key={o} value={o}>
                            {label(o)}
                          </Select.Option>
                        ))}
                      </Select>
                      <FieldMessages errors={errorsFor(submit.errors, `ballots.${i}`)} />
                    </Field>
                  );
                })}
              </div>
            );
          })}
          <FieldMessages errors={submit.errors.filter((e) => e.field === 'ballots')} />
          <div className="button-row">
            <Button type="button" variant="secondary" data-size="sm" onClick={fromBallots}>
              {t('council.vote.countBallots')}
            </Button>
          </div>
        </Fieldset>
      )}
      <Fieldset id={fieldId('counts')}>
        <Fieldset.Legend>{fields.counts}</Fieldset.Legend>
        {options.map((o, i) => (
          <FormField key={o} field={`counts.${i}.count`} label={t('council.vote.countOf', { option: label(o) })} inputMode="numeric" value={counts[o]} onChange={(v) => setCounts({ ...counts, [o]: v })} errors={submit.errors} required />
        ))}
        <FieldMessages errors={submit.errors.filter((e) => e.field === 'counts')} />
      </Fieldset>
      <SelectField field="outcome" label={fields.outcome!} value={outcome} options={options} optionLabel={label} onChange={setOutcome} errors={submit.errors} />
      <div className="button-row">
        <Button type="submit" aria-disabled={submit.busy || undefined}>
          {t('council.vote.record')}
        </Button>
      </div>
    </form>
  );
}
