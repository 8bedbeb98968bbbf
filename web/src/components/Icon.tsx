// SPDX-License-Identifier: EUPL-1.2
// The few icons the workspace uses, drawn inline so they need no icon font and no extra request.
// Decorative only: the text next to them carries the meaning.
const paths = {
  document: 'M6 2h8l5 5v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm7 1.5V8h4.5M8 12h8M8 16h8',
  lock: 'M7 10V7a5 5 0 0 1 10 0v3M5 10h14v11H5z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
