// SPDX-License-Identifier: EUPL-1.2
// A screen's one h1. It takes focus when it appears after a move inside the app, so it must be
// its own component: a page that first shows "Loading" mounts its heading only with the data.
import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useFocusHeading } from '../pages/useFocusHeading.ts';

export function PageHeading({ size = 'lg', children }: { size?: 'sm' | 'md' | 'lg'; children: ReactNode }) {
  const heading = useFocusHeading();
  return (
    <Heading level={1} data-size={size} ref={heading} tabIndex={-1}>
      {children}
    </Heading>
  );
}
