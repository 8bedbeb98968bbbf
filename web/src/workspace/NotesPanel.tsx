// SPDX-License-Identifier: EUPL-1.2
// My private notes on one agenda item (or its paper): write, change, delete. Only the author ever
// sees them (the server's row-level security); nothing here is shared with other members.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatDateTime } from '../../../src/common/format.ts';
import { createNote, deleteNote, updateNote, type Note, type WorkspaceItem } from '../api/workspace.ts';
import type { Tenant } from '../api/types.ts';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSubmit } from '../council/useSubmit.ts';

interface Props { tenant: Tenant; item: WorkspaceItem; offline: boolean; onChanged: (text: string) => void }

export function NotesPanel({ tenant, item, offline, onChanged }: Props) {
  const { t } = useI18n();
  const prefix = `note-${item.id}`;
  const [text, setText] = useState('');
  const [onPaper, setOnPaper] = useState(false);
  const submit = useSubmit(prefix);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const done = await submit.run(async () => {
      await createNote(tenant.slug, item.id, { text, presentationEntryId: onPaper ? item.presentationEntryId : null });
    });
    if (done) {
      setText('');
      setOnPaper(false);
      onChanged(t('workspace.notes.saved'));
    }
  }
  return (
    <section className="stack workspace-notes" aria-labelledby={`${prefix}-heading`}>
      <Heading level={4} data-size="2xs" id={`${prefix}-heading`}>
        {t('workspace.notes.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('workspace.notes.private')}</Paragraph>
      {item.notes.length > 0 && (
        <ul className="stack">
          {item.notes.map((note) => (
            <li key={note.id}>
              <NoteView tenant={tenant} note={note} offline={offline} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}
      {offline ? (
        <Paragraph data-size="sm">{t('workspace.notes.offline')}</Paragraph>
      ) : (
        <form className="stack" onSubmit={onSubmit} noValidate>
          <FormErrorSummary errors={submit.errors} code={submit.code} fields={{ [`${prefix}.text`]: t('workspace.notes.text'), [`${prefix}.presentationEntryId`]: t('workspace.notes.onPaper') }} />
          <FormField field={`${prefix}.text`} label={t('workspace.notes.text')} value={text} onChange={setText} errors={submit.errors} multiline required />
          {item.presentationEntryId && <Checkbox label={t('workspace.notes.onPaper')} checked={onPaper} onChange={(event) => setOnPaper(event.target.checked)} />}
          <div className="button-row">
            <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
              {t('workspace.notes.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function NoteView({ tenant, note, offline, onChanged }: { tenant: Tenant; note: Note; offline: boolean; onChanged: (text: string) => void }) {
  const { t, language } = useI18n();
  const prefix = `edit-${note.id}`;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const submit = useSubmit(prefix);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit.run(async () => void (await updateNote(tenant.slug, note.id, text)))) {
      setEditing(false);
      onChanged(t('workspace.notes.saved'));
    }
  }
  if (editing)
    return (
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={submit.errors} code={submit.code} fields={{ [`${prefix}.text`]: t('workspace.notes.editLabel') }} />
        <FormField field={`${prefix}.text`} label={t('workspace.notes.editLabel')} value={text} onChange={setText} errors={submit.errors} multiline required />
        <div className="button-row">
          <Button type="submit" aria-disabled={submit.busy || undefined}>{t('workspace.notes.save')}</Button>
          <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>{t('workspace.notes.cancel')}</Button>
        </div>
      </form>
    );
  return (
    <div className="workspace-note">
      <Paragraph className="workspace-note-text">{note.text}</Paragraph>
      <Paragraph data-size="xs">{formatDateTime(language, note.updatedAt)}{note.presentationEntryId ? ` · ${t('workspace.notes.onPaper')}` : ''}</Paragraph>
      {!offline && (
        <div className="button-row">
          <Button variant="tertiary" data-size="sm" onClick={() => setEditing(true)}>{t('workspace.notes.edit')}</Button>
          <Button variant="tertiary" data-size="sm" data-color="danger" aria-disabled={submit.busy || undefined}
            onClick={() => void submit.run(async () => { await deleteNote(tenant.slug, note.id); onChanged(t('workspace.notes.deleted')); })}>
            {t('workspace.notes.delete')}
          </Button>
        </div>
      )}
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={{}} />
    </div>
  );
}
