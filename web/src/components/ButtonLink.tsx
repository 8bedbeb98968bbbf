// SPDX-License-Identifier: EUPL-1.2
// A link that looks like a button: for actions that open another screen.
import type { ReactNode } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { onAppLinkClick } from './AppLink.tsx';

export function ButtonLink({ href, variant = 'primary', children }: { href: string; variant?: 'primary' | 'secondary' | 'tertiary'; children: ReactNode }) {
  return (
    <Button asChild variant={variant}>
      <a href={href} onClick={(event) => onAppLinkClick(event, href)}>
        {children}
      </a>
    </Button>
  );
}
