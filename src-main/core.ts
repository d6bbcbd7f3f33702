/**
 * The terminal core: one object owning the database, the cashier session,
 * sync, printing and the handler map. Electron's main process and the
 * headless (browser-mode) process both host exactly this.
 */
import type { DeviceConfig, DeviceStatus } from '../shared/contract/devices';
import { assertNever } from '../shared/sales/rounding';
import type { TerminalStatus } from '../shared/contract/methods';
import { deviceHandlers } from './devices/device-handlers';
import { DeviceManager } from './devices/device-manager';
import { displayHandlers } from './display/display-handlers';
import { seedDefaultCashiers } from './cashiers/cashier-store';
import { TillSession } from './cashiers/session';
import { listProducts } from './catalog/catalog-store';
import { payUrl } from './payments/pay-url';
import { TerminalPayments } from './payments/terminal-payments';
import { registerHandlers, type HandlerMap } from './rpc/registry';
import { dailyBackup } from './store/backup';
import { openTerminalDb, type Db } from './store/db';
import { getTillSettings } from './store/till-settings';
import { ConfigPuller } from './sync/config-pull';
import { enrol, pullConfig, type EnrolRetry } from './sync/enrol';
import { EventStream, type EventStreamOptions } from './sync/event-stream';
import { loadIdentity, saveIdentity, type TerminalIdentity } from './sync/identity';
import { loadOrCreateKey } from './sync/signer';
import { SyncWorker, type SyncOptions } from './sync/sync-worker';
import { tillHandlers } from './till-handlers';
import { TypedEmitter } from './events';

export interface CoreOptions {
  dataDir: string;
  /** the server to enrol with when this data folder has no identity yet */
  serverUrl?: string;
  pairingCode?: string;
  /** device settings used until the till saves its own (e.g. from --printer) */
  devices?: DeviceConfig;
  /** how often a first enrolment is retried in this start before it gives up (what it got to is kept) */
  enrolRetry?: EnrolRetry;
  /** for tests: a clock */
  now?: () => number;
  /** for tests: no background sync or backups */
  background?: boolean;
  /** safety poll of the configuration while online (the server's event stream brings changes at once) */
  configPullMs?: number;
  /** safety poll of payment updates while online (likewise) */
  paymentPullMs?: number;
  /** for tests: the event stream's reconnect timings */
  eventStream?: EventStreamOptions;
  /** for tests and benches: the push's retry timings */
  sync?: SyncOptions;
}

export interface Core {
  db: Db;
  identity: TerminalIdentity;
  handlers: HandlerMap;
  events: TypedEmitter;
  sync: SyncWorker;
  stream: EventStream;
  session: TillSession;
  close(): Promise<void>;
}

const BACKUP_CHECK_MS = 60 * 60 * 1000;

/** The status bar's printer line from the device's state. Paper near its end still prints: a warning, not an error. */
function printerSummary(p: DeviceStatus['printer']): TerminalStatus['printer'] {
  switch (p.state) {
    case 'none':
      return { state: 'none', message: null };
    case 'ready':
    case 'printing':
      return { state: p.state, message: null };
    case 'near_end':
      return { state: 'ready', message: p.message ?? 'paper near end' };
    case 'paper_out':
    case 'cover_open':
    case 'offline':
    case 'error':
      return { state: 'error', message: p.message ?? p.state };
    default:
      return assertNever(p.state);
  }
}

export async function startCore(opts: CoreOptions): Promise<Core> {
  const now = opts.now ?? Date.now;
  const db = openTerminalDb(opts.dataDir);
  const { privateKey } = loadOrCreateKey(opts.dataDir);
  let identity = loadIdentity(db);
  if (!identity) {
    // A new enrolment, or the one a cut connection or a kill interrupted (kept in the till's database).
    identity = await enrol(db, opts.dataDir, opts.serverUrl, opts.pairingCode, opts.enrolRetry).catch(
      (err: unknown) => {
        db.close();
        throw err;
      },
    );
  } else {
    // A server address given on the command line wins over the one remembered from enrolment (the server moved).
    const known =
      opts.serverUrl && opts.serverUrl !== identity.server_url
        ? { ...identity, server_url: opts.serverUrl }
        : identity;
    if (known !== identity) saveIdentity(db, known);
    // Fresh prices when the server answers; the till sells on the last known catalog when it does not.
    identity = await pullConfig(db, known.server_url, {
      key: privateKey,
      terminalId: known.terminal_id,
    }).catch(() => known);
  }
  if (seedDefaultCashiers(db))
    console.log(
      '[core] no cashiers from the server: created 店长 (PIN 8888) and 收银员 (PIN 1234) — change them',
    );
  const who = identity;
  const events = new TypedEmitter();
  const session = new TillSession(db);
  const publish = (): void => events.emit('status', status());
  const auth = { key: privateKey, terminalId: who.terminal_id };
  const online = (): boolean => sync.status().online;
  // The configuration is pulled when the server's event stream says so, and now and then; a new version is applied and announced.
  const config = new ConfigPuller(db, who, auth, {
    online,
    now,
    changed: (version) => events.emit('config', { version }),
    every_ms: opts.configPullMs,
  });
  const sync = new SyncWorker(
    db,
    who.server_url,
    auth,
    () => {
      publish();
      config.pullWhenDue();
      stream.linkChanged();
    },
    opts.sync,
  );
  const payments = new TerminalPayments(
    db,
    { url: who.server_url, auth },
    {
      online: () => sync.status().online,
      // A tender turned paid or failed: its journal entry goes to the server now, not at the next idle push.
      changed: () => {
        sync.trigger();
        publish();
      },
      now,
      pull_ms: opts.paymentPullMs,
    },
  );
  const pullPayments = (): void =>
    void payments
      .pull()
      .then(() => payments.flushRefunds())
      .catch(() => 0);
  // While online the server pushes: each event starts a pull, and every (re)connect pulls both (what happened while away).
  const stream = new EventStream(
    { url: who.server_url, auth },
    {
      online,
      connected: () => {
        void config.pullNow();
        pullPayments();
      },
      payment: pullPayments,
      config: () => void config.pullNow(),
      refused: (err) => sync.refuse(err),
    },
    opts.eventStream,
  );
  const devices = new DeviceManager({
    db,
    defaults: opts.devices,
    onChange: (s) => {
      events.emit('device-status', s);
      publish();
    },
    onScan: (scan) => events.emit('scan', scan),
    onScale: (now) => events.emit('scale', now),
  });
  const printQueue = devices.printQueue;

  function status(): TerminalStatus {
    const s = sync.status();
    const p = devices.status().printer;
    return {
      online: s.online,
      sync: {
        queue_depth: s.queue_depth,
        oldest_unsynced_age_ms: s.oldest_unsynced_age_ms,
        last_success_ms: s.last_success_ms,
        last_error: s.last_error,
      },
      printer: printerSummary(p),
    };
  }

  const handlers = registerHandlers(
    {
      'session-info': () => {
        const settings = getTillSettings(db);
        return {
          terminal_id: who.terminal_id,
          market_name: who.market_name,
          stall_name: who.stall_name,
          cashier: session.cashier,
          time_zone: who.time_zone,
          rounding: settings.rounding,
          allow_price_override: settings.allow_price_override,
          price_override_floor_pct: settings.price_override_floor_pct,
          refund_manager_limit_fen: settings.refund_manager_limit_fen,
        };
      },
      'catalog-list': () => ({ products: listProducts(db) }),
      'status-get': () => status(),
    },
    tillHandlers({
      db,
      who,
      session,
      printQueue,
      now,
      signPayUrl: (claims, at, purpose) => payUrl(who.server_url, privateKey, claims, at, purpose),
      payments,
      changed: () => {
        sync.trigger();
        publish();
      },
    }),
    deviceHandlers(devices),
    displayHandlers(events, now),
  );

  let backupTimer: NodeJS.Timeout | null = null;
  let backupRun: Promise<unknown> = Promise.resolve();
  if (opts.background !== false) {
    sync.start();
    stream.start();
    payments.start();
    devices.start();
    const backup = (): void => {
      backupRun = dailyBackup(db, opts.dataDir, now()).catch((err: unknown) =>
        console.error('[core] backup failed:', err),
      );
    };
    backup();
    backupTimer = setInterval(backup, BACKUP_CHECK_MS);
    backupTimer.unref();
  }
  return {
    db,
    identity: who,
    handlers,
    events,
    sync,
    stream,
    session,
    async close() {
      if (backupTimer) clearInterval(backupTimer);
      await stream.stop();
      await sync.stop();
      await payments.stop();
      await devices.stop();
      await Promise.all([backupRun, config.idle()]);
      db.close();
    },
  };
}
