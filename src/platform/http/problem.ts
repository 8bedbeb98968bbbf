// SPDX-License-Identifier: EUPL-1.2
// Errors as application/problem+json (RFC 9457), one catalogue of codes, and every failing field
// reported rather than only the first.
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export const ErrorCodes = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'You may not do this' },
  notFound: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  payloadTooLarge: { status: 413, title: 'The request is too large' },
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'The request cannot be carried out' },
  tooManyRequests: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
  storedFileCorrupt: { status: 503, title: 'The stored file is damaged or missing' },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

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
