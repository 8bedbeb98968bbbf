// SPDX-License-Identifier: EUPL-1.2
// The one catalogue of error codes, shared by the server (which sends them) and the web UI (which
// shows their texts, error-texts.ts, in the person's language). A problem has a `code` naming what
// went wrong with the request as a whole; each failing field has its own `code`. Codes are stable
// API: clients switch on them, so a code is added, never renamed. The English `message` beside a
// code is for API users and may change.

/** Problem codes with their HTTP status and the English title of application/problem+json. */
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
export const errorCodes = Object.keys(ErrorCodes) as ErrorCode[];

/**
 * Why one field failed. Generic codes come from schema validation (platform/http/validation.ts maps
 * every JSON Schema keyword to one of them); the rest from the capabilities' own rules.
 */
export const fieldErrorCodes = [
  // Schema validation
  'required',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooLarge',
  'tooFew',
  'tooMany',
  'notAllowed',
  'wrongType',
  'pattern',
  'invalidDate',
  'invalidDateTime',
  'invalidId',
  'invalidEmail',
  'invalidFormat',
  'duplicate',
  'unknownField',
  'noChanges',
  'invalidJson',
  'invalid',
  // Identity and organisation numbers (idnumbers.ts)
  'invalidCharacters',
  'wrongLength',
  'checksum',
  'futureDate',
  'invalidNumber',
  'wrongKind',
  // Rules of the capabilities
  'notFound',
  'notOpen',
  'taken',
  'reserved',
  'invalidCounty',
  'notInTitle',
  'nothingScreened',
  'notFollowedUp',
  'needsNoFollowUp',
  'refersToItself',
  'outOfRange',
  'notSameOrigin',
  'unexpectedFile',
  'emptyFile',
  'invalidCursor',
  'exactlyOne',
  'hasOpenChildren',
  'alreadyFollowedUp',
  'notStaff',
  'lastTenantAdmin',
  // Council decisions (src/council)
  'votesDoNotAddUp',
  'votedTwice',
  'notPresent',
  'disqualified',
  'ballotsDisagree',
  'minutesApproved',
  'notAdjuster',
  'invalidWebVtt',
  // Citizen proposals (src/proposals)
  'alreadySigned',
  'notYourIdentity',
  'notConfigured',
  // Consultations (src/consultations)
  'caseClosed',
] as const;

export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export const isFieldErrorCode = (value: unknown): value is FieldErrorCode => typeof value === 'string' && (fieldErrorCodes as readonly string[]).includes(value);
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && value in ErrorCodes;

export interface FieldError {
  /** The failing field as a dotted path, e.g. `correspondents.0.identityNumber`. */
  field: string;
  code: FieldErrorCode;
  /** English, for API users; the UI shows the code's text in the person's language instead. */
  message: string;
}
