// SPDX-License-Identifier: EUPL-1.2
// The roll call: each member present or absent, and the substitutes called in, in their order,
// each for the absent member they stand in for. Saved as a whole (recordAttendance is a PUT).
import { useState, type FormEvent } from 'react';
import { Button, Field, Heading, Label, Select, Table } from '@digdir/designsystemet-react';
import { recordAttendance, type CouncilMembership, type Meeting } from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FieldMessages } from '../components/FieldMessages.tsx';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { TableScroll } from './TableScroll.tsx';
import { sortMembers, type MeetingRoster } from './meeting.ts';
import { personName, useSubmit } from './useSubmit.ts';

type Status = 'present' | 'absent';
interface Row { status: Status; substituteFor: string }

export function AttendanceSection({ tenant, meeting, roster, onSaved }: { tenant: Tenant; meeting: Meeting; roster: MeetingRoster; onSaved: (text: string) => void }) {
  const { t } = useI18n();
  const members = sortMembers(roster.memberships, roster.persons);
  const initial = () => {
    const rows: Record<string, Row> = {};
    for (const m of members) {
      const known = meeting.attendance.find((a) => a.personId === m.personId);
      rows[m.personId] = { status: known?.status ?? (m.role === 'substitute' ? 'absent' : 'present'), substituteFor: known?.substituteFor ?? '' };
    }
    return rows;
  };
  const [rows, setRows] = useState<Record<string, Row>>(initial);
  const submit = useSubmit();
  const regulars = members.filter((m) => m.role !== 'substitute');
  const absent = regulars.filter((m) => rows[m.personId]?.status === 'absent').map((m) => m.personId);
  const set = (personId: string, row: Partial<Row>) => setRows({ ...rows, [personId]: { ...rows[personId]!, ...row } });
  // One field per row: the API names failing entries by index (entries.3.substituteFor).
  const fields: Record<string, string> = {};
  members.forEach((m, i) => (fields[`entries.${i}`] = personName(roster.persons.get(m.personId))));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const entries = members.map((m) => {
      const row = rows[m.personId]!;
      return { personId: m.personId, status: row.status, ...(m.role === 'substitute' && row.status === 'present' && row.substituteFor ? { substituteFor: row.substituteFor } : {}) };
    });
    await submit.run(async () => {
      await recordAttendance(tenant.slug, meeting.id, entries);
      onSaved(t('council.attendance.saved', { present: entries.filter((e) => e.status === 'present').length }));
    });
  }
  const option = (m: CouncilMembership) => (m.role === 'substitute' ? t('council.members.substituteNo', { order: m.substituteOrder ?? '' }) : t(`council.role.${m.role}`));
  return (
    <section className="stack" aria-labelledby="meeting-attendance">
      <Heading level={2} data-size="sm" id="meeting-attendance">
        {t('council.attendance.heading')}
      </Heading>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
        <TableScroll label={t('council.attendance.heading')}>
          <Table>
            <caption className="visually-hidden">{t('council.attendance.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('council.members.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('council.members.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('council.attendance.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.map((m, i) => {
                const name = personName(roster.persons.get(m.personId));
                const row = rows[m.personId]!;
                return (
                  <Table.Row key={m.id}>
                    <Table.Cell>{name}</Table.Cell>
                    <Table.Cell>{option(m)}</Table.Cell>
                    <Table.Cell>
                      <Field>
                        <Label className="visually-hidden">{t('council.attendance.statusOf', { name })}</Label>
                        <Select id={fieldId(`entries.${i}`)} value={row.status} onChange={(event) => set(m.personId, { status: event.target.value as Status })}>
                          <Select.Option value="present">{t('council.attendance.present')}</Select.Option>
                          <Select.Option value="absent">{t('council.attendance.absent')}</Select.Option>
                        </Select>
                        <FieldMessages errors={errorsFor(submit.errors, `entries.${i}`)} />
                      </Field>
                      {m.role === 'substitute' && row.status === 'present' && (
                        <Field>
                          <Label>{t('council.attendance.substituteFor', { name })}</Label>
                          <Select value={row.substituteFor} onChange={(event) => set(m.personId, { substituteFor: event.target.value })}>
                            <Select.Option value="">{t('council.attendance.nobody')}</Select.Option>
                            {absent.map((p) => (
                              <Select.Option key={p} value={p}>
                                {personName(roster.persons.get(p))}
                              </Select.Option>
                            ))}
                          </Select>
                        </Field>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
        <div className="button-row">
          <Button type="submit" aria-disabled={submit.busy || undefined}>
            {t('council.attendance.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
