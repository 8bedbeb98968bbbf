// SPDX-License-Identifier: EUPL-1.2
// Shows the message the previous screen left ("Entry 2026/7 is registered.") once.
import { useState } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { takeFlash, type Flash } from '../session/flash.ts';

export function FlashMessage({ flash: given }: { flash?: Flash | undefined }) {
  const [taken] = useState(takeFlash);
  const flash = given ?? taken;
  if (!flash) return null;
  return (
    <Alert data-color={flash.kind} role={flash.kind === 'danger' ? 'alert' : 'status'} className="flash">
      <Paragraph>{flash.text}</Paragraph>
    </Alert>
  );
}
