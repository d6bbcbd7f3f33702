/**
 * The simulator's heartbeat: runs `tick` every `everyMs`, and at once when woken. One chain of
 * ticks at a time — a wake while a tick runs asks that tick to go round again at once. (Waking by
 * scheduling another tick started a second chain; under load dozens ran side by side, each every
 * few milliseconds, and the idle simulator spent a core on them.)
 */
export interface Ticker {
  start(): void;
  wake(): void;
  stop(): void;
}

export function createTicker(tick: () => Promise<void>, everyMs: number): Ticker {
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  let ticking = false;
  let again = false;
  const schedule = (ms: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  function run(): void {
    timer = undefined;
    if (stopped) return;
    ticking = true;
    void tick().finally(() => {
      ticking = false;
      if (!stopped) schedule(again ? 0 : everyMs);
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
      if (ticking) again = true;
      else schedule(0);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
