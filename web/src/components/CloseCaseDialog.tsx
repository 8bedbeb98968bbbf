// SPDX-License-Identifier: EUPL-1.2
// Closing a case asks first: a closed case takes no new entries. Letters still awaiting follow-up
// keep a case open (the API refuses), so the dialog names and links them instead of offering a
// confirmation that would fail.
import { useRef } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { UnansweredEntry } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import { AppLink } from './AppLink.tsx';

interface Props {
  tenant: string;
  caseNumber: string;
  unanswered: readonly UnansweredEntry[];
  busy: boolean;
  onConfirm(): Promise<void>;
}

export function CloseCaseDialog({ tenant, caseNumber, unanswered, busy, onConfirm }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const blocked = unanswered.length > 0;
  return (
    <>
      <Button variant="secondary" data-color="danger" onClick={() => dialog.current?.showModal()}>
        {t('caseView.close')}
      </Button>
      <Dialog ref={dialog} closedby="any" closeButton={t('common.close')} aria-labelledby="close-case-heading">
        <Heading level={2} data-size="xs" id="close-case-heading">
          {t('caseView.close')}
        </Heading>
        {blocked ? (
          <Alert data-color="warning">
            <Paragraph>{t('caseView.closeUnanswered', { number: caseNumber, count: unanswered.length })}</Paragraph>
            <ul className="unanswered-list">
              {unanswered.map((entry) => (
                <li key={entry.id}>
                  <AppLink href={href({ name: 'entryView', tenant, id: entry.id })} onClick={() => dialog.current?.close()}>
                    {entry.documentNumber} {entry.title}
                  </AppLink>
                  {entry.dueDate && <span className="muted"> · {t('caseView.dueDate', { date: entry.dueDate })}</span>}
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <Paragraph>{t('caseView.closeConfirm', { number: caseNumber })}</Paragraph>
        )}
        <div className="button-row">
          {!blocked && (
            <Button
              data-color="danger"
              loading={busy}
              onClick={async () => {
                await onConfirm();
                dialog.current?.close();
              }}
            >
              {t('caseView.close')}
            </Button>
          )}
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {blocked ? t('common.close') : t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
