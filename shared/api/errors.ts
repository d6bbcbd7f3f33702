/**
 * The HTTP API's error codes, each with its status and the schema of its
 * `details` (most codes carry none), and the one error body every answer
 * other than success has: `{ error: { code, message, details? } }`.
 */
import { z } from 'zod';

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
export const ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

/** The codes whose error body carries `details`, and their shape. */
export const ERROR_DETAILS = {
  /** The push skipped entries: the server holds the journal up to here, resend from the next one. */
  journal_gap: z.object({ acked_seq: z.number().int().nonnegative() }),
} as const satisfies Partial<Record<ApiErrorCode, z.ZodType>>;

export type ApiErrorDetails<C extends ApiErrorCode> = C extends keyof typeof ERROR_DETAILS
  ? z.output<(typeof ERROR_DETAILS)[C]>
  : undefined;

/** The error body of one code (the OpenAPI document lists, per route and status, the codes it may answer). */
export function errorBodySchemaOf(code: ApiErrorCode): z.ZodType {
  const details = (ERROR_DETAILS as Partial<Record<ApiErrorCode, z.ZodType>>)[code];
  const error = z.object({ code: z.literal(code), message: z.string() });
  return z.object({ error: details ? error.extend({ details }) : error.strict() }).strict();
}

/** Any error body, as a client reads it before it knows the code. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

export function errorBody(code: ApiErrorCode, message: string, details?: unknown): ErrorBody {
  return {
    error:
      details === undefined
        ? { code, message }
        : { code, message, details: details as Record<string, unknown> },
  };
}
