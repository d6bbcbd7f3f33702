/**
 * Pulls the terminal's configuration (catalog, prices, cashiers, buyers,
 * settings) while online: at once when the server's event stream says it
 * changed or the stream (re)connects, and slowly as a safety net. A new
 * version is applied (enrol.ts `pullConfig`) and announced. One pull at a
 * time; a request that arrives during a pull gets one more pull after it, so
 * a change made while the first pull was on the wire is not missed.
 */
import type { KeyObject } from 'node:crypto';
import type { Db } from '../store/db';
import { pullConfig } from './enrol';
import type { TerminalIdentity } from './identity';

/** The safety poll while online; the event stream brings changes at once. */
export const CONFIG_PULL_MS = 5 * 60_000;

export class ConfigPuller {
  private running: Promise<void> | null = null;
  private again = false;
  private lastMs: number;

  constructor(
    private readonly db: Db,
    private readonly who: TerminalIdentity,
    private readonly auth: { key: KeyObject; terminalId: string },
    private readonly o: {
      online(): boolean;
      now(): number;
      changed(version: number): void;
      every_ms?: number;
    },
  ) {
    this.lastMs = o.now();
  }

  /** The safety poll: pulls when online and the last pull is older than the interval. */
  pullWhenDue(): void {
    if (this.o.online() && this.o.now() - this.lastMs >= (this.o.every_ms ?? CONFIG_PULL_MS))
      void this.pullNow();
  }

  pullNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves once no pull is in flight (before the database closes). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      this.lastMs = this.o.now();
      const before = this.who.config_version;
      try {
        const fresh = await pullConfig(this.db, this.who.server_url, this.auth);
        Object.assign(this.who, fresh);
        if (fresh.config_version !== before) this.o.changed(fresh.config_version);
      } catch (err) {
        console.error('[core] config pull failed:', err instanceof Error ? err.message : err);
        return;
      }
    } while (this.again);
  }
}
