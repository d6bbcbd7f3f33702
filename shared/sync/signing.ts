/**
 * What a terminal signs on every request (DESIGN.md "Trust boundaries"):
 * method, path, timestamp, nonce and the body's SHA-256, one per line.
 * Hashing and Ed25519 live in the processes; this is only the string.
 * The headers that carry it: shared/api/headers.ts.
 */

/** Requests whose timestamp is further than this from the server's clock are refused. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export function signingString(
  method: string,
  path: string,
  timestampMs: number,
  nonce: string,
  bodySha256Hex: string,
): string {
  return `${method.toUpperCase()}\n${path}\n${timestampMs}\n${nonce}\n${bodySha256Hex}`;
}
