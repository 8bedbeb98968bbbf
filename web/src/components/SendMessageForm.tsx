// SPDX-License-Identifier: EUPL-1.2
// The case officer's "Send message to the citizen" (sendCaseMessage): a subject, a text and optional
// files to the party's My page. The server archives it as an outgoing letter of the case, so the
// case view reloads to show it; whether an e-mail notice went out is said in the success message.
// The disclosure's open state is the browser's own (useDisclosure.ts says why); closed after sending.
import { useState, type FormEvent } from 'react';
import { Button, Details } from '@digdir/designsystemet-react';
import { filesAsJson, sendCaseMessage } from '../api/myPage.ts';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FilesField } from './FilesField.tsx';
import { FormErrorSummary } from './FormErrorSummary.tsx';
import { FormField } from './FormField.tsx';
import { useDisclosure } from './useDisclosure.ts';

export function SendMessageForm({ tenant, caseFileId, onSent }: { tenant: string; caseFileId: string; onSent(text: string): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const disclosure = useDisclosure();
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [recipient, setRecipient] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // Asked for only once the server says the case has several persons to choose between.
  const needsRecipient = submit.errors.some((e) => e.field === 'recipientIdentityNumber') || recipient !== '';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const sent = await sendCaseMessage(tenant, caseFileId, {
        subject,
        text,
        ...(recipient.trim() ? { recipientIdentityNumber: recipient.trim() } : {}),
        ...(files.length ? { attachments: await filesAsJson(files) } : {}),
      });
      setSubject('');
      setText('');
      setRecipient('');
      setFiles([]);
      disclosure.close();
      onSent(t(sent.notified ? 'message.sentNotified' : 'message.sent', { name: sent.recipientName, number: sent.documentNumber }));
    });
  }

  return (
    <Details ref={disclosure.ref}>
      <Details.Summary>{t('message.title')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('message.title')}>
          <FormErrorSummary
            key={submit.attempt}
            errors={submit.errors}
            code={submit.code}
            fields={{ subject: t('message.subject'), text: t('message.text'), attachments: t('message.attachments'), ...(needsRecipient ? { recipientIdentityNumber: t('message.recipient') } : {}) }}
          />
          <FormField field="subject" label={t('message.subject')} value={subject} onChange={setSubject} errors={submit.errors} required />
          <FormField field="text" label={t('message.text')} value={text} onChange={setText} errors={submit.errors} multiline required description={t('message.textHint')} />
          {needsRecipient && <FormField field="recipientIdentityNumber" label={t('message.recipient')} value={recipient} onChange={setRecipient} errors={submit.errors} required inputMode="numeric" />}
          <FilesField field="attachments" label={`${t('message.attachments')} ${t('common.optional')}`} description={t('my.send.filesHint')} errors={submit.errors} files={files} onChange={setFiles} />
          <div>
            <Button type="submit" loading={submit.submitting}>
              {t('message.send')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
