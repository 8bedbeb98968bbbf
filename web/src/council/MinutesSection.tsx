// SPDX-License-Identifier: EUPL-1.2
// The minutes (møtebok / protokoll): approving them generates the document from the records and
// files it in the archive. In Sweden the appointed adjusters sign (justering) before the minutes
// are posted on the notice board; the secretariat may sign on an adjuster's behalf, and the page
// then shows the posting date and the last day to appeal.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, formatDateTime } from '../../../src/common/format.ts';
import { appointAdjusters, approveMinutes, signMinutes, type Meeting } from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { FieldMessages } from '../components/FieldMessages.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { allowed, type MeetingRoster } from './meeting.ts';
import { personName, useSubmit } from './useSubmit.ts';

export function MinutesSection({ tenant, meeting, roster, onChanged }: { tenant: Tenant; meeting: Meeting; roster: MeetingRoster; onChanged: (text: string) => void }) {
  const { t, language } = useI18n();
  const submit = useSubmit();
  // Adjusting is the Swedish rule; a Norwegian body may still appoint people to sign (underskrift).
  const adjusting = tenant.country === 'SE' || meeting.adjusters.length > 0;
  return (
    <section className="stack" aria-labelledby="meeting-minutes">
      <Heading level={2} data-size="sm" id="meeting-minutes">
        {t('council.minutes.heading')}
      </Heading>
      <Paragraph>{t(`council.minutes.status.${meeting.minutesStatus}`)}</Paragraph>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={{}} />
      {allowed(meeting, 'approveMinutes') && (
        <div className="button-row">
          <Button
            aria-disabled={submit.busy || undefined}
            onClick={() =>
              void submit.run(async () => {
                await approveMinutes(tenant.slug, meeting.id);
                onChanged(t('council.minutes.approved'));
              })
            }
          >
            {t('council.minutes.approve')}
          </Button>
        </div>
      )}
      {adjusting && <Adjusters tenant={tenant} meeting={meeting} roster={roster} onChanged={onChanged} />}
      {meeting.noticePostedOn && <Paragraph>{t('council.minutes.posted', { date: formatDate(language, meeting.noticePostedOn) })}</Paragraph>}
      {meeting.appealClosesOn && <Paragraph>{t('council.minutes.appealCloses', { date: formatDate(language, meeting.appealClosesOn) })}</Paragraph>}
      {meeting.minutesStatus === 'adjusted' && meeting.adjusters.some((a) => a.signedAt) && (
        <Paragraph data-size="sm">{t('council.minutes.adjustedAt', { date: formatDateTime(language, meeting.adjusters.map((a) => a.signedAt ?? '').sort().at(-1)!) })}</Paragraph>
      )}
    </section>
  );
}

function Adjusters({ tenant, meeting, roster, onChanged }: { tenant: Tenant; meeting: Meeting; roster: MeetingRoster; onChanged: (text: string) => void }) {
  const { t, language } = useI18n();
  const present = meeting.attendance.filter((a) => a.status === 'present').map((a) => a.personId);
  const [chosen, setChosen] = useState<string[]>(meeting.adjusters.map((a) => a.personId));
  const appoint = useSubmit();
  const sign = useSubmit();
  const name = (id: string) => personName(roster.persons.get(id));
  const signing = meeting.minutesStatus === 'approved' || meeting.minutesStatus === 'adjusted';
  async function onAppoint(event: FormEvent) {
    event.preventDefault();
    await appoint.run(async () => {
      await appointAdjusters(tenant.slug, meeting.id, chosen);
      onChanged(t('council.adjusters.appointed', { names: chosen.map(name).join(', ') }));
    });
  }
  return (
    <div className="stack">
      <Heading level={3} data-size="xs">
        {t('council.adjusters.heading')}
      </Heading>
      {meeting.minutesStatus !== 'adjusted' && (
        <form className="stack" onSubmit={onAppoint} noValidate>
          <FormErrorSummary errors={appoint.errors} code={appoint.code} fields={{ personIds: t('council.adjusters.choose') }} />
          <Fieldset id={fieldId('personIds')}>
            <Fieldset.Legend>{t('council.adjusters.choose')}</Fieldset.Legend>
            {present.map((p) => (
              <Checkbox key={p} label={name(p)} value={p} checked={chosen.includes(p)} onChange={(event) => setChosen(event.target.checked ? [...chosen, p] : chosen.filter((x) => x !== p))} />
            ))}
            <FieldMessages errors={errorsFor(appoint.errors, 'personIds')} />
          </Fieldset>
          <div className="button-row">
            <Button type="submit" variant="secondary" aria-disabled={appoint.busy || undefined}>
              {t('council.adjusters.save')}
            </Button>
          </div>
        </form>
      )}
      <FormErrorSummary errors={sign.errors} code={sign.code} fields={{}} />
      <ul className="stack">
        {meeting.adjusters.map((a) => (
          <li key={a.personId}>
            {name(a.personId)}:{' '}
            {a.signedAt ? (
              t('council.adjusters.signed', { date: formatDateTime(language, a.signedAt) })
            ) : signing ? (
              <Button
                variant="secondary"
                data-size="sm"
                aria-disabled={sign.busy || undefined}
                onClick={() =>
                  void sign.run(async () => {
                    await signMinutes(tenant.slug, meeting.id, a.personId);
                    onChanged(t('council.adjusters.signedNow', { name: name(a.personId) }));
                  })
                }
              >
                {t('council.adjusters.sign', { name: name(a.personId) })}
              </Button>
            ) : (
              t('council.adjusters.notSigned')
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
