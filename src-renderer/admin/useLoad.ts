/**
 * Loads one thing from the API for a screen, with loading / error state, a
 * reload, and when it arrived (so screens can say "3 min ago" without
 * reading the clock while rendering). `key` names what is loaded: a new key loads again.
 */
import { useEffect, useRef, useState } from 'react';

export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
): { data: T | null; at: number; error: string | null; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; at: number; error: string | null }>({
    data: null,
    at: 0,
    error: null,
  });
  const [n, setN] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    let live = true;
    loader.current().then(
      (data) => live && setState({ data, at: Date.now(), error: null }),
      (e: unknown) => live && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [key, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}
