// SPDX-License-Identifier: EUPL-1.2
// A co-applicant opens the invitation link from the e-mail, logged in, and signs: the signature
// holds who, when, the login level and the SHA-256 of the content shown here.
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { getSigning, signContent, type SigningStatus } from '../api/eservices.ts';
import type { Tenant } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from '../session/useLoad.ts';
import { useEffect, useRef, useState } from 'react';
import { freshLoginUrl, here, takeFreshLoginMark } from '../eservices/freshLogin.ts';
import { usePageTitle } from './usePageTitle.ts';

export function SigningPage({ tenant, id, token }: { tenant: Tenant; id: string; token: string | undefined }) {
  const { t } = useI18n();
  usePageTitle(t('signing.title'), tenant.name);
  const [loaded, reload] = useLoad((signal) => getSigning(tenant.slug, id, token, signal), [tenant.slug, id, token]);
  const [signed, setSigned] = useState<SigningStatus | undefined>();
  const submit = useSubmit();
  // Back from the fresh login made to sign: sign now, once, with it.
  const fresh = useRef<boolean | undefined>(undefined);
  fresh.current ??= takeFreshLoginMark();
  const ready = loaded.status === 'ready' ? loaded.data : undefined;
  useEffect(() => {
    if (!ready || !fresh.current || !token) return;
    fresh.current = false;
    void submit.run(async () => setSigned(await signContent(tenant.slug, id, token, ready.contentSha256)));
  }, [ready, token, tenant.slug, id, submit]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} tenant={tenant} />;
  const status = signed ?? loaded.data;
  return (
    <section className="stack">
      <PageHeading>{t('signing.title')}</PageHeading>
      <Paragraph>{t('signing.intro', { municipality: tenant.name })}</Paragraph>
      <dl className="receipt">
        <dt>{t('signing.content')}</dt>
        <dd className="checksum">{status.contentSha256}</dd>
        <dt>{t('signing.signedBy')}</dt>
        <dd>{status.signatures.map((s) => s.name).join(', ') || '–'}</dd>
        <dt>{t('signing.waiting')}</dt>
        <dd>{status.waitingFor.join(', ') || '–'}</dd>
      </dl>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={{}} />
      {signed ? (
        <Alert data-color="success"><Paragraph>{t('signing.done')}</Paragraph></Alert>
      ) : (
        token && (
          <div className="button-row">
            <Paragraph data-size="sm">{t('signing.freshLogin')}</Paragraph>
            <Button disabled={submit.submitting} onClick={() => window.location.assign(freshLoginUrl(tenant.slug, status.level, here()))}>
              {t('signing.sign')}
            </Button>
          </div>
        )
      )}
    </section>
  );
}
