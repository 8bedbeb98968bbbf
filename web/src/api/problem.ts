// SPDX-License-Identifier: EUPL-1.2
// Problem+json (RFC 9457) as the UI sees it: a failed request, with the API's field errors.
import type { FieldError } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

/** Reads a problem body defensively: a proxy may answer with HTML or nothing at all. */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(b.errors)
    ? b.errors.filter((e): e is FieldError => typeof e === 'object' && e !== null && typeof (e as FieldError).field === 'string')
    : [];
  const detail = typeof b.detail === 'string' ? b.detail : typeof b.title === 'string' ? b.title : `HTTP ${status}`;
  return new ApiError(status, typeof b.code === 'string' ? b.code : `http-${status}`, detail, errors);
}
