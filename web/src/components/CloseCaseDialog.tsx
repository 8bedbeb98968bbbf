// SPDX-License-Identifier: EUPL-1.2
// Closing a case asks first: a closed case takes no new entries.
import { useRef } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function CloseCaseDialog({ caseNumber, busy, onConfirm }: { caseNumber: string; busy: boolean; onConfirm(): Promise<void> }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button variant="secondary" data-color="danger" onClick={() => dialog.current?.showModal()}>
        {t('caseView.close')}
      </Button>
      <Dialog ref={dialog} closedby="any" closeButton={t('common.close')} aria-labelledby="close-case-heading">
        <Heading level={2} data-size="xs" id="close-case-heading">
          {t('caseView.close')}
        </Heading>
        <Paragraph>{t('caseView.closeConfirm', { number: caseNumber })}</Paragraph>
        <div className="button-row">
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
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
