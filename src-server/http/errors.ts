/** The error a handler throws: a code of the shared contract (shared/api/errors.ts), a message, and the code's details. */
import { API_ERRORS, type ApiErrorCode, type ErrorDetails } from '../../shared/api/errors';

export class ApiError<C extends ApiErrorCode = ApiErrorCode> extends Error {
  readonly details: ErrorDetails<C> | undefined;
  constructor(
    readonly code: C,
    message: string,
    ...details: ErrorDetails<C> extends undefined ? [] : [ErrorDetails<C>]
  ) {
    super(message);
    this.name = 'ApiError';
    this.details = details[0];
  }
  get status(): number {
    return API_ERRORS[this.code];
  }
}
