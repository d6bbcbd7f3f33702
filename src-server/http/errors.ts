/** One error shape and one status-code map for the whole HTTP API. */
export const API_ERRORS = {
  bad_request: 400,
  unauthenticated: 401,
  bad_signature: 401,
  stale_timestamp: 401,
  replayed_nonce: 401,
  unknown_terminal: 401,
  terminal_revoked: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  pairing_code_invalid: 409,
  journal_gap: 409,
  journal_fork: 409,
  journal_altered: 409,
  conflict: 409,
  exists_with_different_payload: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get status(): number {
    return API_ERRORS[this.code];
  }
}

/** The error body, also described in the OpenAPI document. */
export const ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

export function errorBody(code: ApiErrorCode | string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
