// SPDX-License-Identifier: EUPL-1.2
// The answer to submitForm, kept for the receipt page in this browser tab (the PDF receipt, from
// the server, is the lasting one; the page links it).
import type { Submitted } from '../api/eservices.ts';

/** `anonymous`: sent without a login, so there is no PDF to fetch; `mailed` says whether one went by e-mail. */
export interface KeptReceipt extends Submitted { title: string; anonymous?: { mailed: boolean } }

const key = (id: string) => `radhus.receipt.${id}`;

export function rememberReceipt(result: Submitted, title: string, anonymous?: { mailed: boolean }): void {
  try {
    sessionStorage.setItem(key(result.submissionId), JSON.stringify({ ...result, title, ...(anonymous ? { anonymous } : {}) }));
  } catch {
    // A browser without storage still gets the PDF link on the receipt page.
  }
}

export function recalledReceipt(id: string): KeptReceipt | undefined {
  try {
    const text = sessionStorage.getItem(key(id));
    return text ? (JSON.parse(text) as KeptReceipt) : undefined;
  } catch {
    return undefined;
  }
}
