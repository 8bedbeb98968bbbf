// SPDX-License-Identifier: EUPL-1.2
// A recorded vote as the secretariat checks it: the count per option and, from the ballots, how
// each party voted (the table a citizen later sees on the public meeting page).
import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { Vote } from '../api/council.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { TableScroll } from './TableScroll.tsx';
import { partyTally, type MeetingRoster } from './meeting.ts';

export function VoteResult({ vote, roster }: { vote: Vote; roster: MeetingRoster }) {
  const { t } = useI18n();
  const label = (option: string) => vote.counts.find((c) => c.option === option)?.label ?? option;
  const parties = partyTally(vote, roster);
  return (
    <div className="stack">
      <Paragraph>
        <strong>{vote.subject}</strong> ({t(`council.vote.method.${vote.method}`)}):{' '}
        {vote.counts.map((c) => `${c.label} ${c.count}`).join(', ')}
        {vote.outcome ? `. ${t('council.vote.carried', { option: label(vote.outcome) })}` : ''}
      </Paragraph>
      {parties.length > 0 && (
        <TableScroll label={t('council.vote.byParty', { subject: vote.subject })}>
          <Table data-size="sm">
            <caption>{t('council.vote.byParty', { subject: vote.subject })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('council.members.party')}</Table.HeaderCell>
                <Table.HeaderCell>{t('council.vote.option')}</Table.HeaderCell>
                <Table.HeaderCell>{t('council.vote.count')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {parties.map((p) => (
                <Table.Row key={`${p.party}-${p.option}`}>
                  <Table.Cell>{p.party || t('council.vote.noParty')}</Table.Cell>
                  <Table.Cell>{label(p.option)}</Table.Cell>
                  <Table.Cell>{p.count}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
