/** The error a handler throws: a code of the shared contract (shared/api/errors.ts), a message, and the code's details. */
import { API_ERRORS, type ApiErrorCode, type ApiErrorDetails } from '../../shared/api/errors';

export class ApiError<C extends ApiErrorCode = ApiErrorCode> extends Error {
  readonly details: ApiErrorDetails<C> | undefined;
  constructor(
    readonly code: C,
    message: string,
    ...details: ApiErrorDetails<C> extends undefined ? [] : [ApiErrorDetails<C>]
  ) {
    super(message);
    this.name = 'ApiError';
    this.details = details[0];
  }
  get status(): number {
    return API_ERRORS[this.code];
  }
}
