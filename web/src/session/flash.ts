// SPDX-License-Identifier: EUPL-1.2
// A one-time message carried across a navigation ("Case 2026/12 is created."), shown by the next
// screen and then forgotten.
export interface Flash {
  kind: 'success' | 'warning' | 'danger';
  text: string;
}

let pending: Flash | undefined;

export function setFlash(flash: Flash): void {
  pending = flash;
}

export function takeFlash(): Flash | undefined {
  const flash = pending;
  pending = undefined;
  return flash;
}
