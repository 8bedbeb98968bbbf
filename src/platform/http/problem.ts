// SPDX-License-Identifier: EUPL-1.2
// Errors as application/problem+json (RFC 9457), one catalogue of codes, and every failing field
// reported rather than only the first.
import { ErrorCodes, type ErrorCode, type FieldError, type FieldErrorCode } from '../../common/errors.ts';

/** The codes live in src/common/errors.ts, shared with the web UI that shows their texts. */
export { ErrorCodes, type ErrorCode, type FieldError, type FieldErrorCode };

export class ProblemError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.status = ErrorCodes[code].status;
  }
}

/** A 429 problem; the error handler sends its Retry-After header. */
export class TooManyRequests extends ProblemError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super('tooManyRequests', detail);
  }
}

export const notFound = (what: string) => new ProblemError('notFound', `${what} was not found`);
export const forbidden = (detail: string) => new ProblemError('forbidden', detail);
export const conflict = (detail: string, errors: FieldError[] = []) => new ProblemError('conflict', detail, errors);
export const invalid = (errors: FieldError[], detail?: string) =>
  new ProblemError('validation', detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
}

export function problemBody(error: ProblemError, instance?: string): ProblemBody {
  return {
    type: `https://radhus.example/problems/${error.code}`,
    title: ErrorCodes[error.code].title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.errors.length ? { errors: error.errors } : {}),
  };
}
