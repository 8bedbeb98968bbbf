// SPDX-License-Identifier: EUPL-1.2
// Submitting a form: one request at a time, and the API's problem kept for the error summary and
// the fields. `attempt` changes on every failure so the summary is remounted and takes focus again.
import { useRef, useState } from 'react';
import { ApiError } from '../api/problem.ts';
import type { FieldError } from '../api/types.ts';

export interface SubmitState {
  submitting: boolean;
  errors: FieldError[];
  /** The problem's code (or 'network', 'internal'): the summary shows its text in the person's language. */
  code: string | undefined;
  attempt: number;
  run(action: () => Promise<void>): Promise<void>;
}

export function useSubmit(): SubmitState {
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [code, setCode] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  // A ref, not the state: a double click fires twice before React renders `submitting`.
  const busy = useRef(false);

  async function run(action: () => Promise<void>) {
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    try {
      await action();
      setErrors([]);
      setCode(undefined);
    } catch (error) {
      setErrors(error instanceof ApiError ? error.errors : []);
      setCode(error instanceof ApiError ? error.code : 'internal');
      setAttempt((n) => n + 1);
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }

  return { submitting, errors, code, attempt, run };
}
