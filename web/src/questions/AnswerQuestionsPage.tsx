// SPDX-License-Identifier: EUPL-1.2
// The politician's "Questions to me" (/app/{tenant}/questions/answer): questions to them and to
// their party group, unanswered first, each with an answer form; answered ones with their answer.
import { useState, type FormEvent } from 'react';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Tenant } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useSubmit } from '../council/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePageTitle } from '../pages/usePageTitle.ts';
import type { Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { answerQuestion, listMyQuestionsToAnswer, type Question } from './api.ts';
import { QuestionCard } from './QuestionCard.tsx';

export function AnswerQuestionsPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('questions.answer.title'), tenant.name);
  const [flash, setFlash] = useState<Flash | undefined>();
  const [list, reload] = useLoad((signal) => listMyQuestionsToAnswer(tenant.slug, signal), [tenant.slug]);
  const open = list.status === 'ready' ? list.data.items.filter((q) => q.status === 'open') : [];
  const answered = list.status === 'ready' ? list.data.items.filter((q) => q.status !== 'open') : [];
  return (
    <section className="stack">
      <PageHeading>{t('questions.answer.title')}</PageHeading>
      <FlashMessage key={flash?.text} flash={flash} />
      <Paragraph>{t('questions.answer.intro')}</Paragraph>
      <Paragraph>
        <Link href={`/${tenant.slug}/deltakelse/sporsmal`}>{t('questions.public')}</Link>
      </Paragraph>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={reload} tenant={tenant} inline />}
      {list.status === 'ready' && list.data.items.length === 0 && <Paragraph>{t('questions.answer.empty')}</Paragraph>}
      {open.length > 0 && (
        <section className="stack" aria-labelledby="questions-open">
          <Heading level={2} data-size="sm" id="questions-open">{t('questions.answer.open')}</Heading>
          <ul className="entry-list stack">
            {open.map((q) => (
              <li key={q.id}>
                <QuestionCard q={q}>
                  <AnswerForm tenant={tenant} q={q} onDone={() => { setFlash({ kind: 'success', text: t('questions.answer.done') }); reload(); }} />
                </QuestionCard>
              </li>
            ))}
          </ul>
        </section>
      )}
      {answered.length > 0 && (
        <section className="stack" aria-labelledby="questions-answered">
          <Heading level={2} data-size="sm" id="questions-answered">{t('questions.answer.answered')}</Heading>
          <ul className="entry-list stack">
            {answered.map((q) => <li key={q.id}><QuestionCard q={q} /></li>)}
          </ul>
        </section>
      )}
    </section>
  );
}

function AnswerForm({ tenant, q, onDone }: { tenant: Tenant; q: Question; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  // Each form's fields apart from the others' on the page: ids stay unique.
  const submit = useSubmit(`q${q.id}`);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit.run(() => answerQuestion(tenant.slug, q.id, text).then(() => undefined))) onDone();
  }
  const field = `q${q.id}.text`;
  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={{ [field]: t('questions.answer.field') }} />
      <FormField field={field} label={t('questions.answer.field')} value={text} onChange={setText} errors={submit.errors} multiline required />
      <div>
        <Button type="submit" disabled={submit.busy}>{t('questions.answer.submit')}</Button>
      </div>
    </form>
  );
}
