// SPDX-License-Identifier: EUPL-1.2
// The secretariat's council start (issue 10 §1): the municipality's political bodies, each linking
// to its members and meeting plan, a form to add a body (kommunestyre, formannskap, nämnd …), and the
// roster a new municipality sets up first (election periods, parties, persons: RosterSection).
import { useState, type FormEvent } from 'react';
import { Button, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useDisclosure } from '../components/useDisclosure.ts';
import { bodyKinds, createCouncilBody, listCouncilBodies, type BodyKind, type CouncilBody } from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { RosterSection } from './RosterSection.tsx';
import { TableScroll } from './TableScroll.tsx';
import type { Flash } from '../session/flash.ts';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { useSubmit } from './useSubmit.ts';

export function CouncilPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('council.title'), tenant.name);
  const [bodies, reload] = useLoad((signal) => listCouncilBodies(tenant.slug, signal), [tenant.slug]);
  const [flash, setFlash] = useState<Flash | undefined>();
  return (
    <section className="stack">
      <PageHeading>{t('council.title')}</PageHeading>
      <FlashMessage flash={flash} />
      <Paragraph>{t('council.intro')}</Paragraph>
      <section className="stack" aria-labelledby="council-bodies">
        <Heading level={2} data-size="sm" id="council-bodies">
          {t('council.bodies.heading')}
        </Heading>
        {bodies.status === 'loading' && <Loading />}
        {bodies.status === 'error' && <ErrorState error={bodies.error} onRetry={reload} tenant={tenant} inline />}
        {bodies.status === 'ready' && <BodyTable tenant={tenant} bodies={bodies.data.items} />}
      </section>
      <CreateBody
        tenant={tenant}
        onCreated={(body) => {
          setFlash({ kind: 'success', text: t('council.body.created', { name: body.name }) });
          reload();
        }}
      />
      <RosterSection tenant={tenant} onAdded={(text) => setFlash({ kind: 'success', text })} />
    </section>
  );
}

function BodyTable({ tenant, bodies }: { tenant: Tenant; bodies: CouncilBody[] }) {
  const { t } = useI18n();
  if (bodies.length === 0) return <Paragraph>{t('council.bodies.empty')}</Paragraph>;
  return (
    <TableScroll label={t('council.bodies.caption', { municipality: tenant.name })}>
      <Table>
        <caption className="visually-hidden">{t('council.bodies.caption', { municipality: tenant.name })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('council.body.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('council.body.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('council.body.publishDays')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {bodies.map((b) => (
            <Table.Row key={b.id}>
              <Table.Cell>
                <AppLink href={href({ name: 'councilBody', tenant: tenant.slug, id: b.id })}>{b.name}</AppLink>
              </Table.Cell>
              <Table.Cell>{t(`council.body.kind.${b.kind}`)}</Table.Cell>
              <Table.Cell>{b.publishDaysBefore}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function CreateBody({ tenant, onCreated }: { tenant: Tenant; onCreated: (body: CouncilBody) => void }) {
  const { t } = useI18n();
  const disclosure = useDisclosure();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<BodyKind>('committee');
  const [days, setDays] = useState('7');
  const [adjusters, setAdjusters] = useState(tenant.country === 'SE' ? '2' : '0');
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const body = await createCouncilBody(tenant.slug, { name, code, kind, publishDaysBefore: Number(days), adjustersRequired: Number(adjusters) });
      onCreated(body);
    });
    if (ok) {
      setName('');
      setCode('');
      disclosure.close();
    }
  }
  const fields = { name: t('council.body.name'), code: t('council.body.code'), kind: t('council.body.kind'), publishDaysBefore: t('council.body.publishDays'), adjustersRequired: t('council.body.adjusters') };
  return (
    <Details ref={disclosure.ref}>
      <Details.Summary>{t('council.body.create')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('council.body.create')}>
          <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
          <FormField field="name" label={fields.name} value={name} onChange={setName} errors={submit.errors} required />
          <FormField field="code" label={fields.code} description={t('council.body.codeHint')} value={code} onChange={setCode} errors={submit.errors} required />
          <SelectField field="kind" label={fields.kind} value={kind} options={bodyKinds} optionLabel={(k) => t(`council.body.kind.${k}`)} onChange={setKind} errors={submit.errors} />
          <FormField field="publishDaysBefore" label={fields.publishDaysBefore} inputMode="numeric" value={days} onChange={setDays} errors={submit.errors} required />
          <FormField field="adjustersRequired" label={fields.adjustersRequired} description={t('council.body.adjustersHint')} inputMode="numeric" value={adjusters} onChange={setAdjusters} errors={submit.errors} required />
          <div className="button-row">
            <Button type="submit" aria-disabled={submit.busy || undefined}>
              {t('council.body.create')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
