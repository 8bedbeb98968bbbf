// SPDX-License-Identifier: EUPL-1.2
// The citizen's "Ask a politician" (/app/{tenant}/questions/new): pick a politician or a party
// group from the public roster, write the question and the name to show with it; below, "My
// questions" with their answers, and a withdraw button while one is unanswered. A refused request
// writes nothing: the form keeps what was typed and the error summary names each field.
import { useState, type FormEvent } from 'react';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Tenant } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { useSubmit } from '../council/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePageTitle } from '../pages/usePageTitle.ts';
import type { Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { askQuestion, listMyAskedQuestions, listQuestionRecipients, withdrawQuestion } from './api.ts';
import { QuestionCard } from './QuestionCard.tsx';

export function AskQuestionPage({ tenant, name, ask = true }: { tenant: Tenant; name: string; ask?: boolean }) {
  const { t } = useI18n();
  usePageTitle(t(ask ? 'questions.ask.title' : 'questions.mine.title'), tenant.name);
  const [flash, setFlash] = useState<Flash | undefined>();
  const [mine, reload] = useLoad((signal) => listMyAskedQuestions(tenant.slug, signal), [tenant.slug]);
  const withdraw = useSubmit();
  const done = (text: string) => {
    setFlash({ kind: 'success', text });
    reload();
  };
  return (
    <section className="stack">
      <PageHeading>{t(ask ? 'questions.ask.title' : 'questions.mine.title')}</PageHeading>
      <FlashMessage key={flash?.text} flash={flash} />
      {ask && <AskForm tenant={tenant} name={name} onSent={done} />}
      <Paragraph>
        <Link href={`/${tenant.slug}/deltakelse/sporsmal`}>{t('questions.public')}</Link>
      </Paragraph>
      <section className="stack" aria-labelledby="my-questions">
        <Heading level={2} data-size="sm" id="my-questions">{t('questions.mine.title')}</Heading>
        {mine.status === 'loading' && <Loading />}
        {mine.status === 'error' && <ErrorState error={mine.error} onRetry={reload} tenant={tenant} inline />}
        {mine.status === 'ready' && mine.data.items.length === 0 && <Paragraph>{t('questions.mine.empty')}</Paragraph>}
        {mine.status === 'ready' && mine.data.items.length > 0 && (
          <ul className="entry-list stack">
            {mine.data.items.map((q) => (
              <li key={q.id}>
                <QuestionCard q={q}>
                  {q.status === 'open' && (
                    <div>
                      <Button variant="secondary" data-size="sm" disabled={withdraw.busy} onClick={() => void withdraw.run(async () => { await withdrawQuestion(tenant.slug, q.id); done(t('questions.mine.withdrawn')); })}>
                        {t('questions.mine.withdraw')}
                      </Button>
                    </div>
                  )}
                </QuestionCard>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function AskForm({ tenant, name, onSent }: { tenant: Tenant; name: string; onSent: (text: string) => void }) {
  const { t, language } = useI18n();
  const [recipients, reload] = useLoad((signal) => listQuestionRecipients(tenant.slug, signal), [tenant.slug]);
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [askerName, setAskerName] = useState(name);
  const submit = useSubmit();
  if (recipients.status === 'loading') return <Loading />;
  if (recipients.status === 'error') return <ErrorState error={recipients.error} onRetry={reload} tenant={tenant} inline />;
  const { persons, parties } = recipients.data;
  if (persons.length === 0 && parties.length === 0) return <Paragraph>{t('questions.ask.noRecipients')}</Paragraph>;
  const labels = new Map<string, string>([
    ['', t('questions.ask.choose')],
    ...persons.map((p) => [`person:${p.id}`, p.party ? `${p.name} (${p.party.code})` : p.name] as [string, string]),
    ...parties.map((p) => [`party:${p.id}`, t('questions.toParty', { name: p.name })] as [string, string]),
  ]);
  // The API names personId or partyId; the one select stands for both.
  const errors = submit.errors.map((e) => (e.field === 'partyId' ? { ...e, field: 'personId' } : e));
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const [kind, id] = to.split(':');
    const target = kind === 'party' ? { partyId: id! } : kind === 'person' ? { personId: id! } : {};
    const label = labels.get(to) ?? '';
    const ok = await submit.run(async () => {
      await askQuestion(tenant.slug, { ...target, text, askerName, language });
    });
    if (ok) {
      setText('');
      setTo('');
      onSent(t('questions.ask.sent', { name: label }));
    }
  }
  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Paragraph>{t('questions.ask.intro', { municipality: tenant.name })}</Paragraph>
      <FormErrorSummary errors={errors} code={submit.code} fields={{ personId: t('questions.ask.person'), text: t('questions.ask.text'), askerName: t('questions.ask.name') }} />
      <SelectField field="personId" label={t('questions.ask.toKind')} value={to} options={[...labels.keys()]} optionLabel={(o) => labels.get(o) ?? o} onChange={setTo} errors={errors} />
      <FormField field="text" label={t('questions.ask.text')} description={t('questions.ask.textHelp')} value={text} onChange={setText} errors={errors} multiline required />
      <FormField field="askerName" label={t('questions.ask.name')} value={askerName} onChange={setAskerName} errors={errors} autoComplete="name" required />
      <div>
        <Button type="submit" disabled={submit.busy}>{t('questions.ask.submit')}</Button>
      </div>
    </form>
  );
}
