/**
 * A heartbeat for background work: runs `tick` every `everyMs`, and at once when woken or when
 * `tick` answers true (there is more to do). One chain of ticks at a time — a wake while a tick runs
 * makes that tick go round again at once. (The simulator once woke by scheduling another tick, which
 * started a second chain; under load dozens ran side by side.) Timers are passed in: shared code
 * names no runtime.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface Ticker {
  start(): void;
  wake(): void;
  /** Stops ticking and resolves once a tick under way has ended. */
  stop(): Promise<void>;
}

export function createTicker(tick: () => Promise<boolean | void>, everyMs: number, timers: Timers): Ticker {
  let handle: unknown;
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const schedule = (ms: number): void => {
    if (handle !== undefined) timers.clear(handle);
    handle = timers.set(run, ms);
  };
  function run(): void {
    handle = undefined;
    if (stopped) return;
    running = tick()
      .then(
        (more) => more === true,
        () => false,
      )
      .then((more) => {
        running = null;
        if (!stopped) schedule(again || more ? 0 : everyMs);
        again = false;
      });
  }
  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    wake() {
      if (!started || stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (handle !== undefined) timers.clear(handle);
      await running;
    },
  };
}
