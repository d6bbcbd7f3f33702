/**
 * The link to the server as a state machine. Each state says why it exists:
 * the status bar shows it, and the retry policy depends on it.
 */
export type Link =
  /** never tried yet since start */
  | { state: 'starting' }
  /** the last exchange succeeded */
  | { state: 'online'; since_ms: number }
  /** the server answered, but with an error worth retrying (5xx, 429, a slow answer) */
  | { state: 'degraded'; since_ms: number; error: string }
  /** no answer at all: network down, server down, timeout */
  | { state: 'offline'; since_ms: number; error: string }
  /** the server refused this terminal (revoked, unknown, bad signature, journal fork): staff must act */
  | { state: 'refused'; since_ms: number; code: string; error: string };

export const RETRY_DELAY_MS_MIN = 1_000;
export const RETRY_DELAY_MS_MAX = 60_000;

/** Exponential backoff with full jitter (AWS architecture blog): uniform in [min, min(max, min·2^failures)]. */
export function backoffDelay(
  failures: number,
  random: () => number,
  min = RETRY_DELAY_MS_MIN,
  max = RETRY_DELAY_MS_MAX,
): number {
  const cap = Math.min(max, min * 2 ** Math.min(failures, 30));
  return Math.max(min, Math.floor(random() * cap));
}

/** Server refusals that no retry can fix. */
export const TERMINAL_REFUSALS = new Set([
  'terminal_revoked',
  'unknown_terminal',
  'bad_signature',
  'journal_fork',
  'journal_altered',
]);

export function isOnline(link: Link): boolean {
  return link.state === 'online' || link.state === 'degraded';
}
