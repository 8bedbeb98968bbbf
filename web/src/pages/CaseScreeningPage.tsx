// SPDX-License-Identifier: EUPL-1.2
// Setting, changing or removing the screening of an existing case (updateCaseFile).
import { useState, type FormEvent } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { getCaseFile, updateCaseFile } from '../api/archive.ts';
import type { CaseFile, Tenant } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { ScreeningFields, screeningFieldLabels } from '../components/ScreeningFields.tsx';
import { fromScreening, toScreening } from '../forms/screeningDraft.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { setFlash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { PageHeading } from '../components/PageHeading.tsx';

export function CaseScreeningPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const [load, reload] = useLoad((signal) => getCaseFile(tenant.slug, id, signal), [tenant.slug, id]);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  return <ScreeningForm tenant={tenant} caseFile={load.data} />;
}

function ScreeningForm({ tenant, caseFile }: { tenant: Tenant; caseFile: CaseFile }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [draft, setDraft] = useState(() => ({ ...fromScreening(caseFile.screening), enabled: true }));
  const back = href({ name: 'caseView', tenant: tenant.slug, id: caseFile.id });

  function save(screening: ReturnType<typeof toScreening> | null, message: string) {
    void submit.run(async () => {
      await updateCaseFile(tenant.slug, caseFile.id, { screening });
      setFlash({ kind: 'success', text: message });
      navigate(back);
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save(toScreening(draft) ?? null, t('screeningPage.saved'));
  }

  return (
    <section className="stack form-page">
      <PageHeading>{t('screeningPage.title', { number: caseFile.caseNumber })}</PageHeading>
      <Paragraph>{caseFile.title}</Paragraph>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={screeningFieldLabels(t)} />
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ScreeningFields value={draft} onChange={setDraft} title={caseFile.title} country={tenant.country} errors={submit.errors} toggle={false} />
        <div className="button-row">
          <Button type="submit" loading={submit.submitting}>
            {t('common.save')}
          </Button>
          {caseFile.screening && (
            <Button variant="secondary" data-color="danger" onClick={() => save(null, t('screeningPage.removed'))}>
              {t('screeningPage.remove')}
            </Button>
          )}
          <ButtonLink variant="tertiary" href={back}>
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </section>
  );
}
