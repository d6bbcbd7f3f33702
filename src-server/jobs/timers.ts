/** Node's timers for shared/ticker.ts; unref'd, so a background worker never keeps a process alive on its own. */
import type { Timers } from '../../shared/ticker';

export const workerTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};
