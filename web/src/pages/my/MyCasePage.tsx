// SPDX-License-Identifier: EUPL-1.2
// One of my cases: status and expected decision with its explanation, the timeline of the letters I
// may see (with their documents), the messages, and a form to send more documents while the case is
// open. The server decides what a party may see (src/archive/party-cases.ts); this page shows it.
import { useRef, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { addDocumentsToMyCase, filesAsJson, getMyCase, type MyCase } from '../../api/myPage.ts';
import type { Tenant } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FilesField } from '../../components/FilesField.tsx';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { CaseStatusTag } from '../../components/StatusTag.tsx';
import { useSubmit } from '../../forms/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { href } from '../../router/routes.ts';
import type { Flash } from '../../session/flash.ts';
import { useLoad } from '../../session/useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { ExpectedDecision } from './ExpectedDecision.tsx';
import { MyDocuments } from './MyDocuments.tsx';
import { formatDate, formatDateTime } from '../../../../src/common/format.ts';

export function MyCasePage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => getMyCase(tenant.slug, id, signal), [tenant.slug, id]);
  const [flash, setFlash] = useState<Flash | undefined>();
  usePageTitle(load.status === 'ready' ? `${load.data.caseNumber} ${load.data.title}` : undefined, tenant.name);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  const c = load.data;
  return (
    <article className="stack">
      <AppLink href={href({ name: 'myPage', tenant: tenant.slug })}>{t('my.back')}</AppLink>
      <FlashMessage flash={flash} />
      <div className="case-head">
        <Paragraph className="case-head__number">{t('my.caseNumber', { number: c.caseNumber })}</Paragraph>
        <PageHeading size="md">{c.title}</PageHeading>
        <div className="tag-row">
          <CaseStatusTag status={c.status} />
        </div>
      </div>
      <section className="stack" aria-labelledby="my-case-expected">
        <Heading level={2} data-size="xs" id="my-case-expected">
          {t('my.expected.heading')}
        </Heading>
        <ExpectedDecision expected={c.expectedDecision} explain />
      </section>
      <section className="stack" aria-labelledby="my-case-timeline">
        <Heading level={2} data-size="sm" id="my-case-timeline">
          {t('my.case.timeline')}
        </Heading>
        {c.timeline.length === 0 ? (
          <Paragraph>{t('my.case.noTimeline')}</Paragraph>
        ) : (
          <ol className="entry-list my-timeline">
            {c.timeline.map((e) => (
              <li key={e.id} className="stack">
                <Heading level={3} data-size="2xs">
                  {formatDate(language, e.date)} · {e.title}
                </Heading>
                <div className="tag-row">
                  <Tag data-size="sm" data-color="neutral" variant="outline">
                    {t(e.type === 'incoming' ? (e.mine ? 'my.case.fromYou' : 'my.case.incoming') : e.mine ? 'my.case.toYou' : 'my.case.outgoing')}
                  </Tag>
                  {e.messageId && (
                    <AppLink href={href({ name: 'myMessage', tenant: tenant.slug, id: e.messageId })}>{t('my.case.openMessage')}</AppLink>
                  )}
                </div>
                {e.screened && <Paragraph data-size="sm" className="muted">{t('my.case.screened')}</Paragraph>}
                <MyDocuments documents={e.documents} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="stack" aria-labelledby="my-case-messages">
        <Heading level={2} data-size="sm" id="my-case-messages">
          {t('my.messages.heading')}
        </Heading>
        {c.messages.length === 0 ? (
          <Paragraph>{t('my.case.noMessages')}</Paragraph>
        ) : (
          <ul className="my-messages">
            {c.messages.map((m) => (
              <li key={m.id} className={m.readAt ? undefined : 'my-messages__unread'}>
                {!m.readAt && (
                  <Tag data-color="warning" data-size="sm">
                    {t('my.messages.new')}
                  </Tag>
                )}{' '}
                <AppLink href={href({ name: 'myMessage', tenant: tenant.slug, id: m.id })}>{m.subject}</AppLink>
                <span className="muted"> · {formatDateTime(language, m.sentAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby="my-case-send">
        <Heading level={2} data-size="sm" id="my-case-send">
          {t('my.send.heading')}
        </Heading>
        {c.canAddDocuments ? (
          <SendDocumentsForm
            tenant={tenant}
            kase={c}
            onDone={(documentNumber) => {
              setFlash({ kind: 'success', text: t('my.send.done', { number: documentNumber }) });
              reload();
            }}
          />
        ) : (
          <Paragraph>{t('my.send.closed')}</Paragraph>
        )}
      </section>
    </article>
  );
}

function SendDocumentsForm({ tenant, kase, onDone }: { tenant: Tenant; kase: MyCase; onDone(documentNumber: string): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [title, setTitle] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!files.length) {
      button.current?.focus();
      return;
    }
    void submit.run(async () => {
      const added = await addDocumentsToMyCase(tenant.slug, kase.id, { ...(title.trim() ? { title: title.trim() } : {}), files: await filesAsJson(files) });
      setTitle('');
      setFiles([]);
      onDone(added.documentNumber);
    });
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="my-case-send">
      <Paragraph>{t('my.send.intro')}</Paragraph>
      <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={{ title: t('my.send.title'), files: t('my.send.files') }} />
      <FormField field="title" label={t('my.send.title')} value={title} onChange={setTitle} errors={submit.errors} description={t('my.send.titleHint')} />
      <FilesField ref={button} field="files" label={t('my.send.files')} description={t('my.send.filesHint')} errors={submit.errors} files={files} onChange={setFiles} />
      <div>
        <Button type="submit" loading={submit.submitting}>
          {t('my.send.submit')}
        </Button>
      </div>
    </form>
  );
}
