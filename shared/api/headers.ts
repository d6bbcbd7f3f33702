/** Every HTTP header and cookie name of the API that is ours, in one place. */

/** The staff session: an httpOnly cookie, and the CSRF token every state-changing call sends back. */
export const SESSION_COOKIE = 'mt_session';
export const CSRF_HEADER = 'x-csrf-token';
/** The staff session cookie is sent only under this path. */
export const ADMIN_API_PREFIX = '/api/v1/admin';

/** A terminal's request signature (shared/sync/signing.ts says what is signed). */
export const SIGNATURE_HEADERS = {
  terminal: 'x-mt-terminal',
  timestamp: 'x-mt-timestamp',
  nonce: 'x-mt-nonce',
  signature: 'x-mt-signature',
} as const;
/** The till's own clock, sent beside the server-corrected one it signs with (for the clock-skew flag). */
export const LOCAL_TIME_HEADER = 'x-mt-local-time';
