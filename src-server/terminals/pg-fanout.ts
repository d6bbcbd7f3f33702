/**
 * Terminal events across server processes on one PostgreSQL database: each
 * process LISTENs on one dedicated connection, and a writer's hub message is
 * sent with NOTIFY (after its transaction committed), so a payment applied by
 * one process's worker reaches a till whose stream another process holds.
 * Every process, the sender included, delivers what it hears to its own
 * streams. If NOTIFY fails the message is delivered here only; if the
 * listening connection drops it is reopened, and the tills' safety polls
 * cover what was missed meanwhile.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { z } from 'zod';
import { terminalEventSchema } from '../../shared/sync/terminal-events';
import type { ServerDb } from '../db/database';
import type { HubMessage, TerminalEventHub } from './event-hub';

export const EVENTS_CHANNEL = 'mt_terminal_events';
const RECONNECT_MS = 1_000;

const messageSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('terminal'), id: z.string().max(100), event: terminalEventSchema }),
  z.object({ to: z.literal('stall'), id: z.string().max(100), event: terminalEventSchema }),
  z.object({ to: z.literal('revoke'), id: z.string().max(100) }),
]);

export interface PgFanout {
  stop(): Promise<void>;
}

export async function startPgFanout(
  hub: TerminalEventHub,
  db: ServerDb,
  dbUrl: string,
  onError: (err: unknown) => void,
): Promise<PgFanout> {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const listen = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: dbUrl });
    c.on('notification', (n) => {
      if (n.channel !== EVENTS_CHANNEL) return;
      try {
        const m = messageSchema.safeParse(JSON.parse(n.payload ?? ''));
        if (m.success) hub.deliver(m.data);
      } catch (err) {
        onError(err);
      }
    });
    c.on('error', (err) => {
      onError(err);
      if (client === c) reconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    client = c;
  };
  const reconnect = (): void => {
    const old = client;
    client = null;
    void old?.end().catch(() => undefined);
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      listen().catch((err: unknown) => {
        onError(err);
        reconnect();
      });
    }, RECONNECT_MS);
    timer.unref();
  };

  await listen();
  hub.relay = (m: HubMessage) => {
    sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(m)})`.execute(db).catch((err: unknown) => {
      onError(err);
      hub.deliver(m);
    });
  };
  return {
    async stop() {
      stopped = true;
      hub.relay = null;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
