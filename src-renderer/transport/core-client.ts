/**
 * The renderer's one way to the core, in a browser and in the Electron window alike: the contract
 * over HTTP + SSE on 127.0.0.1, with the per-launch token the core put in the URL fragment.
 */
import type { CoreApi } from '../../shared/contract/api';
import type { Envelope } from '../../shared/contract/envelope';
import { EVENTS_PATH, RPC_PATH_PREFIX, TOKEN_HEADER } from '../../shared/contract/loopback';
import { METHOD_NAMES, type CoreEvents } from '../../shared/contract/methods';

const TOKEN_KEY = 'markettill.token';

export function readLaunchToken(loc: Location, storage: Storage): string | null {
  const m = /token=([0-9a-f]+)/.exec(loc.hash);
  if (m?.[1]) {
    storage.setItem(TOKEN_KEY, m[1]);
    // Keep the token out of the address bar and history.
    history.replaceState(null, '', loc.pathname + loc.search);
    return m[1];
  }
  return storage.getItem(TOKEN_KEY);
}

export function createHttpApi(baseUrl: string, token: string): CoreApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    api[name] = async (input: unknown): Promise<Envelope<unknown>> => {
      try {
        const res = await fetch(`${baseUrl}${RPC_PATH_PREFIX}${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Envelope<unknown>;
      } catch (err) {
        return {
          ok: false,
          error: { code: 'internal', message: `the till's core is not answering: ${String(err)}` },
        };
      }
    };
  }
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  api.subscribe = <E extends keyof CoreEvents>(event: E, listener: (p: CoreEvents[E]) => void) => {
    if (!source) source = new EventSource(`${baseUrl}${EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    let set = listeners.get(event);
    if (!set) {
      const s = new Set<(p: unknown) => void>();
      listeners.set(event, s);
      source.addEventListener(event, (e) => {
        const data: unknown = JSON.parse((e as MessageEvent<string>).data);
        for (const l of s) l(data);
      });
      set = s;
    }
    const l = listener as (p: unknown) => void;
    set.add(l);
    return () => set.delete(l);
  };
  return api as CoreApi;
}

let cached: CoreApi | null = null;

export function coreApi(): CoreApi {
  if (cached) return cached;
  const token = readLaunchToken(window.location, window.sessionStorage);
  if (!token)
    throw new Error('no launch token: open the till from the address printed by `markettill terminal`');
  return (cached = createHttpApi(window.location.origin, token));
}

/** For tests: use this API instead of the detected one. */
export function setCoreApi(api: CoreApi | null): void {
  cached = api;
}
