// SPDX-License-Identifier: EUPL-1.2
// The council's roster as a new municipality sets it up before its first body can have members:
// election periods (valgperiode / mandatperiod), parties and the elected persons. Each list with a
// form to add one; the API's field errors stand beside the fields (a bad request writes nothing).
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useDisclosure } from '../components/useDisclosure.ts';
import {
  createCouncilParty,
  createCouncilPerson,
  createCouncilTerm,
  listCouncilParties,
  listCouncilPersons,
  listCouncilTerms,
  type CouncilParty,
  type CouncilPerson,
  type CouncilTerm,
} from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from '../session/useLoad.ts';
import { TableScroll } from './TableScroll.tsx';
import { personName, useSubmit } from './useSubmit.ts';

interface Roster { terms: CouncilTerm[]; parties: CouncilParty[]; persons: CouncilPerson[] }

export function RosterSection({ tenant, onAdded }: { tenant: Tenant; onAdded: (text: string) => void }) {
  const { t } = useI18n();
  const [roster, reload] = useLoad(
    async (signal): Promise<Roster> => {
      const [terms, parties, persons] = await Promise.all([listCouncilTerms(tenant.slug, signal), listCouncilParties(tenant.slug, signal), listCouncilPersons(tenant.slug, signal)]);
      return { terms: terms.items, parties: parties.items, persons: persons.items };
    },
    [tenant.slug],
  );
  const added = (text: string) => {
    onAdded(text);
    reload();
  };
  return (
    <section className="stack" aria-labelledby="council-roster">
      <Heading level={2} data-size="sm" id="council-roster">
        {t('council.roster.heading')}
      </Heading>
      <Paragraph>{t('council.roster.intro')}</Paragraph>
      {roster.status === 'loading' && <Loading />}
      {roster.status === 'error' && <ErrorState error={roster.error} onRetry={reload} tenant={tenant} inline />}
      {roster.status === 'ready' && (
        <>
          <Part id="council-terms" heading={t('council.terms.heading')} empty={roster.data.terms.length === 0 ? t('council.terms.empty') : undefined}>
            <ul>
              {roster.data.terms.map((term) => (
                <li key={term.id}>{t('council.terms.line', { name: term.name, from: term.startsOn, to: term.endsOn })}</li>
              ))}
            </ul>
          </Part>
          <TermForm tenant={tenant} onAdded={added} />
          <Part id="council-parties" heading={t('council.parties.heading')} empty={roster.data.parties.length === 0 ? t('council.parties.empty') : undefined}>
            <ul>
              {roster.data.parties.map((p) => (
                <li key={p.id}>
                  {p.name} ({p.code})
                </li>
              ))}
            </ul>
          </Part>
          <PartyForm tenant={tenant} onAdded={added} />
          <Part id="council-persons" heading={t('council.persons.heading')} empty={roster.data.persons.length === 0 ? t('council.persons.empty') : undefined}>
            <PersonTable roster={roster.data} caption={t('council.persons.caption', { municipality: tenant.name })} />
          </Part>
          <PersonForm tenant={tenant} parties={roster.data.parties} onAdded={added} />
        </>
      )}
    </section>
  );
}

function Part({ id, heading, empty, children }: { id: string; heading: string; empty: string | undefined; children: ReactNode }) {
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading level={3} data-size="xs" id={id}>
        {heading}
      </Heading>
      {empty ? <Paragraph>{empty}</Paragraph> : children}
    </section>
  );
}

function PersonTable({ roster, caption }: { roster: Roster; caption: string }) {
  const { t } = useI18n();
  const party = new Map(roster.parties.map((p) => [p.id, p.name]));
  const persons = [...roster.persons].sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
  return (
    <TableScroll label={caption}>
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('council.members.person')}</Table.HeaderCell>
            <Table.HeaderCell>{t('council.members.party')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {persons.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>{personName(p)}</Table.Cell>
              <Table.Cell>{p.partyId ? party.get(p.partyId) ?? '' : t('council.persons.noParty')}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** A closed form behind its summary, open again while the API refuses what was typed. */
function AddForm({ summary, submit, fields, onSubmit, disclosure, children }: {
  summary: string; submit: ReturnType<typeof useSubmit>; fields: Record<string, string>; onSubmit: (e: FormEvent) => void;
  disclosure: ReturnType<typeof useDisclosure>; children: ReactNode;
}) {
  return (
    <Details ref={disclosure.ref}>
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={onSubmit} noValidate aria-label={summary}>
          <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
          {children}
          <div className="button-row">
            <Button type="submit" aria-disabled={submit.busy || undefined}>
              {summary}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

function TermForm({ tenant, onAdded }: { tenant: Tenant; onAdded: (text: string) => void }) {
  const { t } = useI18n();
  const disclosure = useDisclosure();
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const submit = useSubmit('term');
  const fields = { 'term.name': t('council.terms.name'), 'term.startsOn': t('council.terms.startsOn'), 'term.endsOn': t('council.terms.endsOn') };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const term = await createCouncilTerm(tenant.slug, { name, startsOn, endsOn });
      onAdded(t('council.terms.created', { name: term.name }));
    });
    if (ok) {
      setName('');
      setStartsOn('');
      setEndsOn('');
      disclosure.close();
    }
  }
  return (
    <AddForm summary={t('council.terms.create')} submit={submit} fields={fields} onSubmit={onSubmit} disclosure={disclosure}>
      <FormField field="term.name" label={fields['term.name']} description={t('council.terms.nameHint')} value={name} onChange={setName} errors={submit.errors} required />
      <FormField field="term.startsOn" label={fields['term.startsOn']} type="date" value={startsOn} onChange={setStartsOn} errors={submit.errors} required />
      <FormField field="term.endsOn" label={fields['term.endsOn']} type="date" value={endsOn} onChange={setEndsOn} errors={submit.errors} required />
    </AddForm>
  );
}

function PartyForm({ tenant, onAdded }: { tenant: Tenant; onAdded: (text: string) => void }) {
  const { t } = useI18n();
  const disclosure = useDisclosure();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const submit = useSubmit('party');
  const fields = { 'party.name': t('council.parties.name'), 'party.code': t('council.parties.code') };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const party = await createCouncilParty(tenant.slug, { name, code });
      onAdded(t('council.parties.created', { name: party.name }));
    });
    if (ok) {
      setName('');
      setCode('');
      disclosure.close();
    }
  }
  return (
    <AddForm summary={t('council.parties.create')} submit={submit} fields={fields} onSubmit={onSubmit} disclosure={disclosure}>
      <FormField field="party.name" label={fields['party.name']} value={name} onChange={setName} errors={submit.errors} required />
      <FormField field="party.code" label={fields['party.code']} description={t('council.parties.codeHint')} value={code} onChange={setCode} errors={submit.errors} required />
    </AddForm>
  );
}

function PersonForm({ tenant, parties, onAdded }: { tenant: Tenant; parties: CouncilParty[]; onAdded: (text: string) => void }) {
  const { t } = useI18n();
  const disclosure = useDisclosure();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [partyId, setPartyId] = useState('');
  const [email, setEmail] = useState('');
  const submit = useSubmit('person');
  const fields = {
    'person.givenName': t('council.persons.givenName'),
    'person.familyName': t('council.persons.familyName'),
    'person.partyId': t('council.members.party'),
    'person.email': t('council.persons.email'),
  };
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const person = await createCouncilPerson(tenant.slug, { givenName, familyName, ...(partyId ? { partyId } : {}), ...(email ? { email } : {}) });
      onAdded(t('council.persons.created', { name: personName(person) }));
    });
    if (ok) {
      setGivenName('');
      setFamilyName('');
      setEmail('');
      disclosure.close();
    }
  }
  return (
    <AddForm summary={t('council.persons.create')} submit={submit} fields={fields} onSubmit={onSubmit} disclosure={disclosure}>
      <FormField field="person.givenName" label={fields['person.givenName']} value={givenName} onChange={setGivenName} errors={submit.errors} autoComplete="off" required />
      <FormField field="person.familyName" label={fields['person.familyName']} value={familyName} onChange={setFamilyName} errors={submit.errors} autoComplete="off" required />
      <SelectField
        field="person.partyId"
        label={fields['person.partyId']}
        value={partyId}
        options={['', ...parties.map((p) => p.id)]}
        optionLabel={(id) => (id ? partyName.get(id) ?? '' : t('council.persons.noParty'))}
        onChange={setPartyId}
        errors={submit.errors}
      />
      <FormField field="person.email" label={fields['person.email']} description={t('council.persons.emailHint')} type="email" value={email} onChange={setEmail} errors={submit.errors} autoComplete="off" />
    </AddForm>
  );
}
