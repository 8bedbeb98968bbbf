// SPDX-License-Identifier: EUPL-1.2
// Building the agenda (saksliste / föredragningslista): the items in the order they were added
// (moved up and down until the minutes are approved), removed before the summons; a new item picked
// from the political cases in the archive through the secretariat's own lookup (case number, public
// title and its case presentation, saksframlegg / tjänsteskrivelse), marked late or closed with its
// legal basis.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useDisclosure } from '../components/useDisclosure.ts';
import { addAgendaItem, listPoliticalCaseCandidates, removeAgendaItem, reorderAgenda, type CaseCandidate, type Meeting } from '../api/council.ts';
import { allowed } from './meeting.ts';
import type { Tenant } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { fieldId } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { TableScroll } from './TableScroll.tsx';
import { useSubmit } from './useSubmit.ts';

interface Props {
  tenant: Tenant;
  meeting: Meeting;
  onChanged: (text?: string) => void;
}

export function AgendaSection({ tenant, meeting, onChanged }: Props) {
  const { t } = useI18n();
  const move = useSubmit();
  const items = [...meeting.items].sort((a, b) => a.position - b.position);
  // Items are removed only before the summons; afterwards the agenda is public and stays as summoned.
  const draft = allowed(meeting, 'removeItem');
  const reorder = allowed(meeting, 'reorderAgenda') && items.length > 1;
  // Moves one item a place up or down: the API takes the whole new order.
  const moveItem = (from: number, to: number) =>
    void move.run(async () => {
      const ids = items.map((i) => i.id);
      ids.splice(to, 0, ids.splice(from, 1)[0]!);
      await reorderAgenda(tenant.slug, meeting.id, ids);
      onChanged(t('council.agenda.moved', { title: items[from]!.title, position: String(to + 1) }));
    });
  return (
    <section className="stack" aria-labelledby="meeting-agenda">
      <Heading level={2} data-size="sm" id="meeting-agenda">
        {t('council.agenda.heading')}
      </Heading>
      <FormErrorSummary errors={move.errors} code={move.code} fields={{}} />
      {items.length === 0 ? (
        <Paragraph>{t('council.agenda.empty')}</Paragraph>
      ) : (
        <TableScroll label={t('council.agenda.heading')}>
          <Table>
            <caption className="visually-hidden">{t('council.agenda.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('council.agenda.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('council.agenda.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item, index) => (
                <Table.Row key={item.id}>
                  <Table.Cell className="nowrap">{item.itemNumber}</Table.Cell>
                  <Table.Cell>
                    {item.title}{' '}
                    {item.late && (
                      <Tag data-size="sm" data-color="warning">
                        {t('council.agenda.late')}
                      </Tag>
                    )}{' '}
                    {item.closed && (
                      <Tag data-size="sm" data-color="danger">
                        {t('council.agenda.closedWith', { basis: item.closedLegalBasis ?? '' })}
                      </Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell className="nowrap">
                    {reorder && index > 0 && (
                      <Button variant="tertiary" data-size="sm" onClick={() => moveItem(index, index - 1)}>
                        {t('council.agenda.moveUp', { title: item.title })}
                      </Button>
                    )}
                    {reorder && index < items.length - 1 && (
                      <Button variant="tertiary" data-size="sm" onClick={() => moveItem(index, index + 1)}>
                        {t('council.agenda.moveDown', { title: item.title })}
                      </Button>
                    )}
                    {draft && (
                      <Button variant="tertiary" data-color="danger" data-size="sm" onClick={() => void move.run(async () => { await removeAgendaItem(tenant.slug, item.id); onChanged(); })}>
                        {t('council.agenda.remove', { title: item.title })}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {meeting.status !== 'cancelled' && meeting.status !== 'held' && <AddItem tenant={tenant} meeting={meeting} onAdded={(text) => onChanged(text)} />}
    </section>
  );
}

function AddItem({ tenant, meeting, onAdded }: { tenant: Tenant; meeting: Meeting; onAdded: (text: string) => void }) {
  const { t } = useI18n();
  const disclosure = useDisclosure();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<CaseCandidate[] | undefined>();
  const [searchError, setSearchError] = useState<unknown>();
  const [picked, setPicked] = useState<CaseCandidate | undefined>();
  const [presentation, setPresentation] = useState('');
  const [title, setTitle] = useState('');
  // After the summons anything added is a late item (kommuneloven § 11-3 / KL 5 kap. 58 §).
  const [late, setLate] = useState(meeting.status === 'summoned');
  const [closed, setClosed] = useState(false);
  const [basis, setBasis] = useState('');
  const submit = useSubmit();
  const fields = { caseFileId: t('council.agenda.search'), title: t('council.agenda.title'), presentationEntryId: t('council.agenda.presentation'), closedLegalBasis: t('council.agenda.legalBasis') };

  async function search(event: FormEvent) {
    event.preventDefault();
    setSearchError(undefined);
    try {
      setHits((await listPoliticalCaseCandidates(tenant.slug, q)).items);
    } catch (error) {
      setSearchError(error);
    }
  }
  function pick(hit: CaseCandidate) {
    setPicked(hit);
    setPresentation(hit.presentations.find((e) => e.type === 'case-memo')?.id ?? '');
    document.getElementById(fieldId('title'))?.focus();
  }
  async function add(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const item = await addAgendaItem(tenant.slug, meeting.id, {
        ...(picked ? { caseFileId: picked.id } : {}),
        ...(title ? { title } : {}),
        ...(presentation ? { presentationEntryId: presentation } : {}),
        late,
        closed,
        ...(closed ? { closedLegalBasis: basis } : {}),
      });
      onAdded(t('council.agenda.added', { number: item.itemNumber, title: item.title }));
    });
    if (ok) {
      setPicked(undefined);
      setHits(undefined);
      setTitle('');
      setQ('');
      setClosed(false);
      setBasis('');
    }
  }
  const entries = picked?.presentations ?? [];
  return (
    <Details ref={disclosure.ref}>
      <Details.Summary>{t('council.agenda.add')}</Details.Summary>
      <Details.Content>
        <div className="stack">
          <form className="stack" role="search" aria-label={t('council.agenda.search')} onSubmit={search} noValidate>
            <FormField field="q" label={t('council.agenda.search')} description={t('council.agenda.searchHint')} value={q} onChange={setQ} errors={[]} required />
            <div className="button-row">
              <Button type="submit" variant="secondary">
                {t('council.agenda.searchButton')}
              </Button>
            </div>
          </form>
          {searchError !== undefined && <ErrorState error={searchError} tenant={tenant} inline />}
          {hits && hits.length === 0 && <Paragraph role="status">{t('council.agenda.noHits')}</Paragraph>}
          {hits && hits.length > 0 && (
            <ul className="stack" aria-label={t('council.agenda.hits')}>
              {hits.map((hit) => (
                <li key={hit.id}>
                  <Button variant="tertiary" data-size="sm" aria-pressed={picked?.id === hit.id} onClick={() => pick(hit)}>
                    {t('council.agenda.pick', { number: hit.caseNumber, title: hit.title })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <form className="stack" onSubmit={add} noValidate>
            <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
            {picked && <Paragraph role="status">{t('council.agenda.picked', { number: picked.caseNumber, title: picked.title })}</Paragraph>}
            <FormField field="title" label={fields.title} description={t('council.agenda.titleHint')} value={title} onChange={setTitle} errors={submit.errors} />
            {picked && entries.length > 0 && (
              <SelectField
                field="presentationEntryId"
                label={fields.presentationEntryId}
                value={presentation}
                options={['', ...entries.map((e) => e.id)]}
                optionLabel={(id) => (id ? `${entries.find((e) => e.id === id)?.registryNumber ?? ''} ${entries.find((e) => e.id === id)?.title ?? ''}` : t('council.agenda.noPresentation'))}
                onChange={setPresentation}
                errors={submit.errors}
              />
            )}
            <Checkbox label={t('council.agenda.late')} checked={late} onChange={(event) => setLate(event.target.checked)} />
            <Checkbox id={fieldId('closed')} label={t('council.agenda.closed')} checked={closed} onChange={(event) => setClosed(event.target.checked)} />
            {closed && <FormField field="closedLegalBasis" label={fields.closedLegalBasis} description={t('council.agenda.legalBasisHint')} value={basis} onChange={setBasis} errors={submit.errors} required />}
            <div className="button-row">
              <Button type="submit" aria-disabled={submit.busy || undefined}>
                {t('council.agenda.submit')}
              </Button>
            </div>
          </form>
        </div>
      </Details.Content>
    </Details>
  );
}
