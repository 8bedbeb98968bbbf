// SPDX-License-Identifier: EUPL-1.2
// A wide table on a phone or tablet scrolls sideways: the scrolling region is a named, focusable
// region so a keyboard can scroll it too (WCAG 2.1.1).
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
