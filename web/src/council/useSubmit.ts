// SPDX-License-Identifier: EUPL-1.2
// One submit at a time for the secretariat's many small forms: busy while it runs, and the API's
// problem+json (its code and every field error) kept for the form's error summary. A bad request
// writes nothing, so the form keeps what was typed and the person corrects it.
import { useState } from 'react';
import { ApiError } from '../api/problem.ts';
import type { FieldError } from '../api/types.ts';

export interface Submit {
  busy: boolean;
  errors: readonly FieldError[];
  code: string | undefined;
  run(action: () => Promise<void>): Promise<boolean>;
  fail(errors: FieldError[]): void;
}

/**
 * `prefix` names this form's fields apart from another form's on the same screen (the API's `text`
 * of a proposal becomes `proposal.text`), so ids stay unique and the summary links the right input.
 */
export function useSubmit(prefix?: string): Submit {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [code, setCode] = useState<string | undefined>();
  return {
    busy,
    errors,
    code,
    fail(list) {
      setErrors(list);
      setCode(undefined);
    },
    async run(action) {
      setBusy(true);
      setErrors([]);
      setCode(undefined);
      try {
        await action();
        return true;
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
        setErrors(prefix ? e.errors.map((x) => ({ ...x, field: `${prefix}.${x.field}` })) : e.errors);
        setCode(e.code);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** `01:02:03`, `2:03` or `75` (seconds) as seconds; undefined when it is none of these. */
export function parseOffset(text: string): number | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d{1,5}$/.test(p))) return undefined;
  return parts.reduce((sum, p) => sum * 60 + Number(p), 0);
}

export function formatOffset(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

/** A person's name as the secretariat reads it in lists: given name first. */
export const personName = (p: { givenName: string; familyName: string } | undefined): string => (p ? `${p.givenName} ${p.familyName}` : '');
