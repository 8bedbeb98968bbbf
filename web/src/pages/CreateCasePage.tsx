// SPDX-License-Identifier: EUPL-1.2
// Opening a case: a title is enough; screening can be set at once when the title names a person.
import { useState, type FormEvent } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { createCaseFile } from '../api/archive.ts';
import type { Tenant } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { ScreeningFields, screeningFieldLabels } from '../components/ScreeningFields.tsx';
import { emptyScreening, toScreening } from '../forms/screeningDraft.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { setFlash } from '../session/flash.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ResponsibleFields, type Responsible } from '../components/ResponsibleFields.tsx';

export function CreateCasePage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [responsible, setResponsible] = useState<Responsible>({ unitId: '', officerId: '' });
  const [screening, setScreening] = useState(emptyScreening);
  const labels = {
    title: t('createCase.caseTitle'),
    description: t('createCase.description'),
    responsibleUnitId: t('createCase.responsibleUnit'),
    responsibleOfficerId: t('createCase.responsibleOfficer'),
    ...screeningFieldLabels(t),
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const optional = (v: string) => (v.trim() ? v.trim() : undefined);
      const s = toScreening(screening);
      const created = await createCaseFile(tenant.slug, {
        title: title.trim(),
        ...(optional(description) ? { description: optional(description)! } : {}),
        ...(responsible.unitId ? { responsibleUnitId: responsible.unitId } : {}),
        ...(responsible.officerId ? { responsibleOfficerId: responsible.officerId } : {}),
        ...(s ? { screening: s } : {}),
      });
      setFlash({ kind: 'success', text: t('createCase.created', { number: created.caseNumber }) });
      navigate(href({ name: 'caseView', tenant: tenant.slug, id: created.id }));
    });
  }

  return (
    <section className="stack form-page">
      <PageHeading>{t('createCase.title')}</PageHeading>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={labels} />
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormField field="title" label={labels.title} description={t('createCase.caseTitleHint')} value={title} onChange={setTitle} errors={submit.errors} required />
        <FormField field="description" label={labels.description} value={description} onChange={setDescription} errors={submit.errors} multiline />
        <ResponsibleFields tenant={tenant.slug} value={responsible} onChange={setResponsible} errors={submit.errors} unitEmpty={t('responsible.noUnit')} officerEmpty={t('responsible.me')} />
        <ScreeningFields value={screening} onChange={setScreening} title={title} country={tenant.country} errors={submit.errors} />
        <div className="button-row">
          <Button type="submit" loading={submit.submitting}>
            {t('createCase.submit')}
          </Button>
          <ButtonLink variant="secondary" href={href({ name: 'caseList', tenant: tenant.slug })}>
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </section>
  );
}
