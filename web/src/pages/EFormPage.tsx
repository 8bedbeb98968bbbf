// SPDX-License-Identifier: EUPL-1.2
// A citizen fills in an e-service form (issue 9 §1–§2): the form is rendered from its definition
// by react-jsonschema-form (themed with Designsystemet, eservices/theme.tsx), one page of the
// layout at a time; the answers save themselves as a draft; the last step takes the attachments,
// asks co-applicants to sign, and submits. Staff may submit for a citizen who came by letter,
// phone or to the counter. A form of login level `none` (a problem on the road) is open to anyone
// without a login: no draft is kept (there is nobody to keep it for), an e-mail address for the
// receipt is asked for, and it goes to submitFormAnonymously.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { freshLoginUrl, here } from '../eservices/freshLogin.ts';
import { getDraft, getFormDefinition, getSigning, requestDraftSigning, saveDraft, submitForm, submitFormAnonymously, type Answers, type FormDefinitionView, type OnBehalfOf, type SigningStatus } from '../api/eservices.ts';
import { ApiError } from '../api/problem.ts';
import type { FieldError, Role, Tenant } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { AttachmentFields } from '../eservices/AttachmentFields.tsx';
import { fieldLabels, pageOf, sectionForm, visibleAnswers } from '../eservices/layout.ts';
import { rememberReceipt } from '../eservices/receipts.ts';
import { templates, widgets, type ThemeContext } from '../eservices/theme.tsx';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { fieldMessage } from '../forms/fieldMessage.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { LoginPage } from './LoginPage.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** How long typing may pause before the draft is saved. */
const SAVE_AFTER_MS = 800;

export function EFormPage({ tenant, id, roles, anonymous = false }: { tenant: Tenant; id: string; roles: readonly Role[]; anonymous?: boolean }) {
  const [loaded, reload] = useLoad(async (signal) => {
    const definition = await getFormDefinition(tenant.slug, id, signal);
    if (anonymous) return { definition, answers: {} };
    // No draft yet is the usual case, not an error.
    const draft = await getDraft(tenant.slug, id, signal).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    });
    return { definition, answers: draft?.answers ?? {} };
  }, [tenant.slug, id]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} tenant={tenant} />;
  // Without a login only a form of level `none` can be filled in; any other asks for the login first.
  if (anonymous && loaded.data.definition.loginLevel !== 'none') return <LoginPage returnTo={location.pathname + location.search} only={tenant.slug} />;
  return <FormFlow tenant={tenant} definition={loaded.data.definition} initial={loaded.data.answers} staff={roles.includes('case-officer')} anonymous={anonymous} />;
}

type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

function FormFlow({ tenant, definition, initial, staff, anonymous }: { tenant: Tenant; definition: FormDefinitionView; initial: Answers; staff: boolean; anonymous: boolean }) {
  const { t, language } = useI18n();
  const title = definition.title[language];
  usePageTitle(title, tenant.name);
  const pages = definition.layout.pages;
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>(initial);
  const [saved, setSaved] = useState<SaveStatus>('idle');
  const lastSaved = useRef(JSON.stringify(visibleAnswers(definition, initial)));
  const [files, setFiles] = useState<Record<string, File[]>>({});
  const [fileErrors, setFileErrors] = useState<FieldError[]>([]);
  const [signing, setSigning] = useState<SigningStatus | undefined>();
  const [onBehalf, setOnBehalf] = useState<OnBehalfOf>({ nationalId: '', name: '', channel: 'counter' });
  const [email, setEmail] = useState('');
  const submit = useSubmit();
  const errors = [...submit.errors, ...fileErrors];

  // Drafts save by themselves: after a pause in typing, only when the answers changed.
  const save = async (): Promise<void> => {
    if (anonymous) return;
    const body = visibleAnswers(definition, answers);
    const text = JSON.stringify(body);
    if (text === lastSaved.current) return;
    setSaved('saving');
    try {
      await saveDraft(tenant.slug, definition.id, body);
      lastSaved.current = text;
      setSaved('saved');
    } catch {
      setSaved('failed');
    }
  };
  useEffect(() => {
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answers]);

  // The server's errors open the page of the first one, so the summary's links reach their fields.
  useEffect(() => {
    const first = submit.errors.find((e) => e.field.startsWith('answers.'));
    const page = first && pageOf(definition, first.field);
    if (page !== undefined) setStep(page);
  }, [submit.attempt]); // eslint-disable-line react-hooks/exhaustive-deps

  const context: ThemeContext = {
    errors,
    language,
    texts: { optional: t('common.optional'), add: t('eform.add'), remove: t('eform.remove'), choose: t('eform.choose') },
  };
  const fieldTexts = { optional: t('common.optional'), mapNote: t('eform.mapNote'), lat: t('eform.lat'), lon: t('eform.lon') };
  const coApplicants = Array.isArray(answers.coApplicants) ? answers.coApplicants.length : 0;
  const sendStep = step === pages.length;
  const labels = { ...fieldLabels(definition, answers, language), 'onBehalfOf.nationalId': t('eform.nationalId'), email: t('eform.receiptEmail') };

  const requestSigning = () => submit.run(async () => {
    await save();
    let started;
    try {
      started = await requestDraftSigning(tenant.slug, definition.id);
    } catch (error) {
      // The login is too old or too weak to sign with: log in afresh at the form's level, come back, sign again.
      if (error instanceof ApiError && error.status === 401 && definition.loginLevel !== 'none') return window.location.assign(freshLoginUrl(tenant.slug, definition.loginLevel, here()));
      throw error;
    }
    setSigning(await getSigning(tenant.slug, started.signingId));
  });
  const refreshSigning = () => submit.run(async () => {
    if (signing) setSigning(await getSigning(tenant.slug, signing.id));
  });
  const send = () => submit.run(async () => {
    // The browser's own file errors are already listed; stop here, without sending anything.
    if (fileErrors.length) throw new ApiError(400, 'validation', 'files');
    const body = { formId: definition.id, version: definition.publishedVersion ?? definition.version, answers: visibleAnswers(definition, answers), ...(staff && onBehalf.nationalId.trim() ? { onBehalfOf: { nationalId: onBehalf.nationalId.trim(), channel: onBehalf.channel, ...(onBehalf.name?.trim() ? { name: onBehalf.name.trim() } : {}) } } : {}) };
    const result = anonymous
      ? await submitFormAnonymously(tenant.slug, { formId: body.formId, version: body.version, answers: body.answers, ...(email.trim() ? { email: email.trim() } : {}) }, files)
      : await submitForm(tenant.slug, body, files);
    rememberReceipt(result, title, anonymous ? { mailed: Boolean(email.trim()) } : undefined);
    navigate(href({ name: 'receipt', tenant: tenant.slug, id: result.submissionId }));
  });

  return (
    <section className="stack eform">
      <PageHeading>{title}</PageHeading>
      <Paragraph>{definition.description[language]}</Paragraph>
      <nav aria-label={t('eform.steps')}>
        <ol className="eform-steps">
          {[...pages.map((p) => p.title[language]), t('eform.sendStep')].map((name, i) => (
            <li key={i} aria-current={i === step ? 'step' : undefined} className={i === step ? 'eform-steps__current' : undefined}>
              {t('eform.stepOf', { n: i + 1, total: pages.length + 1 })}: {name}
            </li>
          ))}
        </ol>
      </nav>
      <p className="eform-saved" role="status" aria-live="polite">
        {saved === 'saving' ? t('eform.saving') : saved === 'saved' ? t('eform.saved') : saved === 'failed' ? t('eform.saveFailed') : ''}
      </p>
      <FormErrorSummary key={submit.attempt} errors={errors} code={submit.code} fields={labels} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (sendStep) void send();
          else setStep(step + 1);
        }}
      >
        {!sendStep && (
          <div className="stack">
            <Heading level={2} data-size="sm">{pages[step]!.title[language]}</Heading>
            {pages[step]!.sections.map((section, i) => {
              const { schema, uiSchema, fields } = sectionForm(definition, section, answers, language, fieldTexts);
              const data = Object.fromEntries(fields.filter((f) => answers[f] !== undefined).map((f) => [f, answers[f]]));
              return (
                <Fieldset key={`${step}-${i}`} className="eform-section">
                  <Fieldset.Legend>{section.title[language]}</Fieldset.Legend>
                  {section.help && <Fieldset.Description>{section.help[language]}</Fieldset.Description>}
                  <Form
                    tagName="div"
                    schema={schema}
                    uiSchema={uiSchema}
                    formData={data}
                    validator={validator}
                    widgets={widgets}
                    templates={templates}
                    formContext={context}
                    idPrefix="field-answers"
                    idSeparator="-"
                    noHtml5Validate
                    showErrorList={false}
                    onChange={(event) => setAnswers((old) => ({ ...old, ...(event.formData as Answers) }))}
                  />
                </Fieldset>
              );
            })}
          </div>
        )}
        {sendStep && (
          <div className="stack">
            <Heading level={2} data-size="sm">{t('eform.sendStep')}</Heading>
            {definition.attachments.length > 0 && (
              <AttachmentFields rules={definition.attachments} files={files} errors={errors} onChange={(next, problems) => { setFiles(next); setFileErrors(problems); }} />
            )}
            {coApplicants > 0 && (
              <Card data-color="neutral" className="stack">
                <Heading level={3} data-size="xs">{t('eform.signing')}</Heading>
                <Paragraph>{t('eform.signingIntro')}</Paragraph>
                {signing && (
                  <Paragraph role="status">
                    {signing.complete ? t('eform.allSigned') : t('eform.waitingFor', { names: signing.waitingFor.join(', ') })}
                  </Paragraph>
                )}
                <div className="button-row">
                  {!signing && <Button type="button" variant="secondary" onClick={() => void requestSigning()} disabled={submit.submitting}>{t('eform.requestSigning')}</Button>}
                  {signing && !signing.complete && <Button type="button" variant="secondary" onClick={() => void refreshSigning()} disabled={submit.submitting}>{t('eform.checkSignatures')}</Button>}
                </div>
              </Card>
            )}
            {staff && <OnBehalfFields value={onBehalf} onChange={setOnBehalf} errors={errors} />}
            {anonymous && <ReceiptEmailField value={email} onChange={setEmail} errors={errors} />}
            <Paragraph data-size="sm">{definition.rights[language]}</Paragraph>
          </div>
        )}
        <div className="button-row">
          {step > 0 && <Button type="button" variant="secondary" onClick={() => setStep(step - 1)}>{t('eform.back')}</Button>}
          <Button type="submit" disabled={submit.submitting || (sendStep && coApplicants > 0 && !signing?.complete)}>
            {sendStep ? t('eform.submit') : t('eform.next')}
          </Button>
        </div>
      </form>
      {saved === 'failed' && <Alert data-color="warning"><Paragraph>{t('eform.saveFailedHint')}</Paragraph></Alert>}
    </section>
  );
}

/** Without a login: where the receipt goes; left empty, the report is anonymous and has no receipt by mail. */
function ReceiptEmailField({ value, onChange, errors }: { value: string; onChange(v: string): void; errors: readonly FieldError[] }) {
  const { t, language } = useI18n();
  const own = errorsFor(errors, 'email');
  const error = own.length ? [...new Set(own.map((e) => fieldMessage(language, e)))].join(' ') : undefined;
  return (
    <Textfield
      id={fieldId('email')}
      type="email"
      autoComplete="email"
      label={`${t('eform.receiptEmail')} ${t('common.optional')}`}
      description={t('eform.receiptEmailHint')}
      value={value}
      {...(error ? { error } : {})}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** Staff filing for a citizen: the citizen's national id, name and how they came. */
function OnBehalfFields({ value, onChange, errors }: { value: OnBehalfOf; onChange(v: OnBehalfOf): void; errors: readonly FieldError[] }) {
  const { t, language } = useI18n();
  const own = errorsFor(errors, 'onBehalfOf');
  const error = own.length ? [...new Set(own.map((e) => fieldMessage(language, e)))].join(' ') : undefined;
  return (
    <Fieldset className="stack">
      <Fieldset.Legend>{t('eform.onBehalf')}</Fieldset.Legend>
      <Fieldset.Description>{t('eform.onBehalfHint')}</Fieldset.Description>
      <Textfield
        id={fieldId('onBehalfOf.nationalId')}
        label={`${t('eform.nationalId')} ${t('common.optional')}`}
        inputMode="numeric"
        value={value.nationalId}
        {...(error ? { error } : {})}
        onChange={(event) => onChange({ ...value, nationalId: event.target.value })}
      />
      <Textfield label={`${t('eform.citizenName')} ${t('common.optional')}`} value={value.name ?? ''} onChange={(event) => onChange({ ...value, name: event.target.value })} />
      <Fieldset>
        <Fieldset.Legend>{t('eform.channel')}</Fieldset.Legend>
        {(['paper', 'phone', 'counter'] as const).map((c) => (
          <Radio key={c} name="onBehalfOf-channel" value={c} label={t(`eform.channel.${c}`)} checked={value.channel === c} onChange={() => onChange({ ...value, channel: c })} />
        ))}
      </Fieldset>
    </Fieldset>
  );
}
