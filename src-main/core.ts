/**
 * The terminal core: one object owning the database, sync, printing and the
 * handler map. Electron's main process and the headless (browser-mode)
 * process both host exactly this.
 */
import { EventEmitter } from 'node:events';
import type { CoreEvents, TerminalStatus } from '../shared/contract/methods';
import { listProducts } from './catalog/catalog-store';
import { PrintQueue, type ReceiptPrinter } from './print/print-queue';
import { registerHandlers, type HandlerMap } from './rpc/registry';
import { completeSale } from './sales/complete-sale';
import { openTerminalDb, type Db } from './store/db';
import { enrol, pullConfig } from './sync/enrol';
import { loadIdentity, type TerminalIdentity } from './sync/identity';
import { loadOrCreateKey } from './sync/signer';
import { SyncWorker } from './sync/sync-worker';

export interface CoreOptions {
  dataDir: string;
  /** the server to enrol with when this data folder has no identity yet */
  serverUrl?: string;
  pairingCode?: string;
  printer?: ReceiptPrinter | null;
  cashier?: string;
}

export interface Core {
  db: Db;
  identity: TerminalIdentity;
  handlers: HandlerMap;
  events: TypedEmitter;
  sync: SyncWorker;
  close(): Promise<void>;
}

export class TypedEmitter {
  private readonly ee = new EventEmitter();
  emit<E extends keyof CoreEvents>(event: E, payload: CoreEvents[E]): void {
    this.ee.emit(event, payload);
  }
  on<E extends keyof CoreEvents>(event: E, listener: (payload: CoreEvents[E]) => void): () => void {
    this.ee.on(event, listener);
    return () => this.ee.off(event, listener);
  }
}

export async function startCore(opts: CoreOptions): Promise<Core> {
  const db = openTerminalDb(opts.dataDir);
  const { privateKey } = loadOrCreateKey(opts.dataDir);
  let identity = loadIdentity(db);
  if (!identity) {
    if (!opts.serverUrl || !opts.pairingCode) throw new Error('this terminal is not enrolled: start it with --server URL --pair CODE');
    identity = await enrol(db, opts.dataDir, opts.serverUrl, opts.pairingCode);
  } else {
    // Fresh prices when the server answers; the till sells on the last known catalog when it does not.
    identity = await pullConfig(db, identity.server_url, { key: privateKey, terminalId: identity.terminal_id }).catch(() => identity as TerminalIdentity);
  }
  const who = identity;
  const events = new TypedEmitter();
  const cashier = opts.cashier ?? '收银员';
  const publish = (): void => events.emit('status', status());
  const sync = new SyncWorker(db, who.server_url, { key: privateKey, terminalId: who.terminal_id }, publish);
  const printQueue = new PrintQueue(db, opts.printer ?? null, publish);
  let printing = false;

  function status(): TerminalStatus {
    const s = sync.status();
    const lastError = printQueue.lastError();
    return {
      online: s.online,
      sync: { queue_depth: s.queue_depth, oldest_unsynced_age_ms: s.oldest_unsynced_age_ms, last_success_ms: s.last_success_ms, last_error: s.last_error },
      printer: !printQueue.configured ? { state: 'none', message: null } : printing ? { state: 'printing', message: null } : lastError ? { state: 'error', message: lastError } : { state: 'ready', message: null },
    };
  }

  const handlers = registerHandlers({
    'session-info': () => ({ terminal_id: who.terminal_id, market_name: who.market_name, stall_name: who.stall_name, cashier, time_zone: who.time_zone }),
    'catalog-list': () => ({ products: listProducts(db) }),
    'status-get': () => status(),
    'sale-complete': async (input) => {
      const sale = completeSale(db, who, cashier, input, Date.now());
      sync.trigger();
      printing = true;
      publish();
      const outcome = await printQueue.print(sale.print_job_id).finally(() => {
        printing = false;
        publish();
      });
      return { sale_id: sale.sale_id, receipt_no: sale.receipt_no, total_fen: sale.total_fen, change_fen: sale.change_fen, printed: outcome.printed, print_error: outcome.printed ? null : outcome.error };
    },
  });

  sync.start();
  return {
    db,
    identity: who,
    handlers,
    events,
    sync,
    async close() {
      sync.stop();
      db.close();
    },
  };
}
