// SPDX-License-Identifier: EUPL-1.2
// A real link (works with middle-click and "open in new tab") that navigates inside the app.
import { forwardRef, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { Link } from '@digdir/designsystemet-react';
import { navigate } from '../router/navigation.ts';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ReactNode };

export function onAppLinkClick(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(href);
}

export const AppLink = forwardRef<HTMLAnchorElement, Props>(function AppLink({ href, onClick, children, ...rest }, ref) {
  return (
    <Link
      ref={ref}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        onAppLinkClick(event, href);
      }}
      {...rest}
    >
      {children}
    </Link>
  );
});
