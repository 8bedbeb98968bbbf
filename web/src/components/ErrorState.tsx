// SPDX-License-Identifier: EUPL-1.2
// What a screen shows when its data could not be loaded: the reason in the person's language
// (by the problem's code, never the server's English detail), and a way on.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api/problem.ts';
import { loginUrl } from '../api/session.ts';
import type { Tenant } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { href } from '../router/routes.ts';
import { AppLink } from './AppLink.tsx';
import { PageHeading } from './PageHeading.tsx';
import { problemMessage } from '../forms/fieldMessage.ts';

function reasonKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'error.title';
  if (error.status === 0) return 'error.network';
  if (error.status === 401) return 'error.unauthenticated';
  if (error.status === 403) return 'error.forbidden';
  if (error.status === 404) return 'error.notFound.body';
  return 'error.title';
}

/** `inline`: shown inside a page that has its own h1, so the error's heading is an h2. */
export function ErrorState({ error, onRetry, tenant, inline = false }: { error: unknown; onRetry?: () => void; tenant?: Pick<Tenant, 'slug' | 'name'>; inline?: boolean }) {
  const { t, language } = useI18n();
  const notFound = error instanceof ApiError && error.status === 404;
  const title = notFound ? t('error.notFound.title') : t('error.title');
  const detail = error instanceof ApiError && error.status !== 0 ? problemMessage(language, error.code) : undefined;
  return (
    <Alert data-color="danger" className="error-state">
      {inline ? (
        <Heading level={2} data-size="xs">
          {title}
        </Heading>
      ) : (
        <PageHeading size="sm">{title}</PageHeading>
      )}
      <Paragraph>{t(reasonKey(error))}</Paragraph>
      {detail && reasonKey(error) === 'error.title' && <Paragraph data-size="sm">{detail}</Paragraph>}
      <div className="button-row">
        {error instanceof ApiError && error.status === 401 && tenant && (
          <Button asChild>
            <a href={loginUrl(tenant.slug, location.pathname + location.search)}>{t('login.button', { municipality: tenant.name })}</a>
          </Button>
        )}
        {onRetry && !notFound && (
          <Button variant="secondary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
        <AppLink href={href({ name: 'home' })}>{t('error.notFound.home')}</AppLink>
      </div>
    </Alert>
  );
}
