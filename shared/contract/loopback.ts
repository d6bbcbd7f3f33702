/**
 * The loopback transport between the UI and the core (src-main/rpc/http-transport.ts serves it,
 * src-renderer/transport/core-client.ts calls it): where calls and events go and the header that carries
 * the per-launch token. Declared once so the two ends cannot disagree.
 */
export const TOKEN_HEADER = 'x-markettill-token';
/** `POST {RPC_PATH_PREFIX}{method name}` with the input as JSON answers the envelope. */
export const RPC_PATH_PREFIX = '/rpc/';
/** Server-Sent Events of the core (`?token=` in the query: EventSource sends no headers). */
export const EVENTS_PATH = '/events';
