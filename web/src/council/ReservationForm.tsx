// SPDX-License-Identifier: EUPL-1.2
// Reservations on an item (Swedish reservation, kommunallagen 4 kap. 27 §; Norwegian dissens): by a
// member or by a party group, with an optional written reason. The list shows those recorded; the
// form sends the member, the party or both, and the API names the field it refuses.
import { useState, type FormEvent } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { addReservation, type AgendaItem } from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MeetingRoster } from './meeting.ts';
import { personName, useSubmit } from './useSubmit.ts';

interface Props {
  tenant: Tenant;
  item: AgendaItem;
  roster: MeetingRoster;
  present: readonly string[];
  onAdded: (text: string) => void;
}

export function Reservations({ tenant, item, roster, present, onAdded }: Props) {
  const { t } = useI18n();
  const by = (r: { personId: string | null; partyId: string | null }) =>
    [r.personId ? personName(roster.persons.get(r.personId)) : '', r.partyId ? roster.parties.get(r.partyId)?.name ?? '' : ''].filter(Boolean).join(', ');
  const list = item.reservations ?? [];
  return (
    <>
      {list.length === 0 ? (
        <Paragraph>{t('council.reservation.empty')}</Paragraph>
      ) : (
        <ul>
          {list.map((r, i) => (
            <li key={r.id ?? i}>{r.text ? t('council.reservation.lineWithText', { by: by(r), text: r.text }) : by(r)}</li>
          ))}
        </ul>
      )}
      <ReservationForm tenant={tenant} item={item} roster={roster} present={present} onAdded={onAdded} />
    </>
  );
}

function ReservationForm({ tenant, item, roster, present, onAdded }: Props) {
  const { t } = useI18n();
  const [personId, setPersonId] = useState('');
  const [partyId, setPartyId] = useState('');
  const [text, setText] = useState('');
  const submit = useSubmit('reservation');
  const fields = {
    'reservation.personId': t('council.reservation.person'),
    'reservation.partyId': t('council.reservation.party'),
    'reservation.text': t('council.reservation.text'),
  };
  const parties = [...roster.parties.values()].sort((a, b) => a.name.localeCompare(b.name));
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Neither a member nor a party: said beside both fields before asking the API.
    if (!personId && !partyId) {
      submit.fail([
        { field: 'reservation.personId', code: 'required', message: 'required' },
        { field: 'reservation.partyId', code: 'required', message: 'required' },
      ]);
      return;
    }
    const ok = await submit.run(async () => {
      await addReservation(tenant.slug, item.id, { ...(personId ? { personId } : {}), ...(partyId ? { partyId } : {}), ...(text.trim() ? { text } : {}) });
      onAdded(t('council.reservation.added', { number: item.itemNumber }));
    });
    if (ok) {
      setPersonId('');
      setPartyId('');
      setText('');
    }
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('council.reservation.add')}>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
      <SelectField
        field="reservation.personId"
        label={fields['reservation.personId']}
        value={personId}
        options={['', ...present]}
        optionLabel={(id) => (id ? personName(roster.persons.get(id)) : t('council.reservation.noPerson'))}
        onChange={(id) => {
          setPersonId(id);
          // A member reserves with their party group unless the secretariat picks otherwise.
          const own = roster.persons.get(id)?.partyId;
          if (id && own && !partyId) setPartyId(own);
        }}
        errors={submit.errors}
      />
      <SelectField
        field="reservation.partyId"
        label={fields['reservation.partyId']}
        value={partyId}
        options={['', ...parties.map((p) => p.id)]}
        optionLabel={(id) => (id ? roster.parties.get(id)?.name ?? '' : t('council.reservation.noParty'))}
        onChange={setPartyId}
        errors={submit.errors}
      />
      <FormField field="reservation.text" label={fields['reservation.text']} multiline value={text} onChange={setText} errors={submit.errors} />
      <div className="button-row">
        <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
          {t('council.reservation.add')}
        </Button>
      </div>
    </form>
  );
}
