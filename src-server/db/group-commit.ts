/**
 * Group commit for the server's SQLite file. With `synchronous=FULL` every commit waits for an
 * fsync, and SQLite has one writer, so a busy server spent its time in fsyncs one after another:
 * a paid order is about nine small commits (order, pay URL, notification, lease, split, ledger…).
 * Here the work of every caller that runs while earlier work waits for its fsync goes into one
 * outer transaction, and one COMMIT makes all of it durable — what PostgreSQL does for concurrent
 * sessions on its own.
 *
 * What each caller sees is unchanged: a Kysely transaction still commits or rolls back as a whole
 * (it is a SAVEPOINT inside the outer transaction), a lone write still fails alone (it gets its own
 * SAVEPOINT), and a promise of a write resolves only after the COMMIT that holds it returned, so an
 * acknowledged write survives a crash. If that COMMIT fails, every caller in it gets the error.
 * The one difference: within this process, a read may see another caller's write a moment before
 * it is durable (other processes only ever see committed data).
 *
 * The outer transaction starts with BEGIN IMMEDIATE, so another process writing the same file
 * waits for the write lock under the busy timeout instead of failing on a stale snapshot, and it
 * never stays open beyond the turn of the event loop in which its work was done.
 */
import type Database from 'better-sqlite3';
import { SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { CompiledQuery } from 'kysely';

type Prepare = (sql: string) => Database.Statement;
interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}
/** One caller's hold on the connection. */
interface Lease extends DatabaseConnection {
  wrote: boolean;
  released: boolean;
}

/** Commits made and callers they made durable, for tests and benchmarks. */
export interface GroupCommitStats {
  commits: number;
  writers: number;
}

const TX = 'mt_group_tx';
const AUTO = 'mt_group_auto';
const LOCK_POLL_MS = 2;

class GroupCommitDriver implements Driver {
  readonly stats: GroupCommitStats = { commits: 0, writers: 0 };
  readonly #db: Database.Database;
  readonly #prepare: Prepare;
  /** the connection's busy timeout: how long to poll for the write lock */
  readonly #lockWaitMs: number;
  #locked = false;
  #queue: (() => void)[] = [];
  /** the outer transaction is open and holds work not yet durable */
  #open = false;
  /** callers whose writes are in the open outer transaction */
  #pending: Waiter[] = [];
  #inTransaction = false;
  #flushScheduled = false;
  #flushOnRelease = false;

  constructor(db: Database.Database, prepare: Prepare) {
    this.#db = db;
    this.#prepare = prepare;
    this.#lockWaitMs = db.pragma('busy_timeout', { simple: true }) as number;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#locked) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#locked = true;
    const lease: Lease = {
      wrote: false,
      released: false,
      executeQuery: async <R>(q: CompiledQuery) => (await this.#execute(lease, q)) as QueryResult<R>,
      streamQuery: <R>(q: CompiledQuery) => this.#stream<R>(q),
    };
    return lease;
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await this.#openOuter();
    this.#guard(() => this.#db.exec(`SAVEPOINT ${TX}`));
    this.#inTransaction = true;
    (c as Lease).wrote = true;
  }

  /** Lets go of the connection here and waits for durability: Kysely's controlled transactions release without waiting. */
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    this.#inTransaction = false;
    this.#guard(() => this.#db.exec(`RELEASE ${TX}`));
    await this.#letGo(c as Lease);
  }

  async rollbackTransaction(): Promise<void> {
    this.#inTransaction = false;
    if (this.#open) this.#guard(() => this.#db.exec(`ROLLBACK TO ${TX}; RELEASE ${TX}`));
  }

  async savepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#savepointCommand('SAVEPOINT', name);
  }

  async rollbackToSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#savepointCommand('ROLLBACK TO', name);
  }

  async releaseSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#savepointCommand('RELEASE', name);
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    await this.#letGo(c as Lease);
  }

  /** Hands the connection on and resolves once the lease's writes are durable. */
  async #letGo(lease: Lease): Promise<void> {
    if (lease.released) return;
    lease.released = true;
    let durable: Promise<void> | undefined;
    if (lease.wrote && this.#open) {
      durable = new Promise<void>((resolve, reject) => this.#pending.push({ resolve, reject }));
      this.#scheduleFlush();
    }
    if (this.#flushOnRelease) this.#flush();
    const next = this.#queue.shift();
    if (next) next();
    else this.#locked = false;
    await durable;
  }

  async destroy(): Promise<void> {
    if (this.#open) this.#flush();
    this.#db.close();
  }

  async #execute(lease: Lease, q: CompiledQuery): Promise<QueryResult<unknown>> {
    const stmt = this.#prepare(q.sql);
    const params = q.parameters as unknown[];
    if (stmt.readonly) return { rows: stmt.all(params) };
    lease.wrote = true;
    if (this.#inTransaction) return this.#guard(() => this.#write(stmt, params));
    // A write on its own: inside the outer transaction, but failing alone like an autocommit.
    await this.#openOuter();
    return this.#guard(() => {
      this.#db.exec(`SAVEPOINT ${AUTO}`);
      try {
        const r = this.#write(stmt, params);
        this.#db.exec(`RELEASE ${AUTO}`);
        return r;
      } catch (err) {
        if (this.#db.inTransaction) this.#db.exec(`ROLLBACK TO ${AUTO}; RELEASE ${AUTO}`);
        throw err;
      }
    });
  }

  #write(stmt: Database.Statement, params: unknown[]): QueryResult<unknown> {
    if (stmt.reader) return { rows: stmt.all(params) }; // INSERT … RETURNING
    const { changes, lastInsertRowid } = stmt.run(params);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *#stream<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.#prepare(q.sql);
    if (!stmt.readonly) throw new Error('only reads can be streamed');
    for (const row of stmt.iterate(q.parameters as unknown[])) yield { rows: [row as R] };
  }

  #savepointCommand(command: 'SAVEPOINT' | 'ROLLBACK TO' | 'RELEASE', name: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad savepoint name ${name}`);
    this.#guard(() => this.#db.exec(`${command} ${name}`));
  }

  /**
   * Takes the write lock without blocking the event loop: SQLite's busy handler would sleep in this
   * thread, and with it the flush of another connection of this process (or the caller's own
   * pending work) that the lock waits for. Polls instead, up to the busy timeout.
   */
  async #openOuter(): Promise<void> {
    if (this.#open) return;
    for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, LOCK_POLL_MS))) {
      this.#db.pragma('busy_timeout = 0');
      try {
        this.#db.exec('BEGIN IMMEDIATE');
        this.#open = true;
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() - started >= this.#lockWaitMs)
          throw err;
      } finally {
        this.#db.pragma(`busy_timeout = ${this.#lockWaitMs}`);
      }
    }
  }

  /** SQLite rolls the whole transaction back on some errors (a full disk, an I/O error): then the work of every caller waiting for it is gone, and they are told. */
  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (this.#open && !this.#db.inTransaction) this.#lost(err);
      throw err;
    }
  }

  #lost(err: unknown): void {
    this.#open = false;
    this.#inTransaction = false;
    const waiting = this.#pending;
    this.#pending = [];
    for (const w of waiting) w.reject(err);
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      // Someone is mid-transaction: commit the moment they let go, with their work in it.
      if (this.#locked) this.#flushOnRelease = true;
      else this.#flush();
    });
  }

  #flush(): void {
    this.#flushOnRelease = false;
    if (!this.#open) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#open = false;
    try {
      this.#db.exec('COMMIT');
    } catch (err) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      for (const w of batch) w.reject(err);
      return;
    }
    this.stats.commits++;
    this.stats.writers += batch.length;
    for (const w of batch) w.resolve();
  }
}

/** Kysely's SQLite dialect with group commit (see above); `prepare` may be a caching one. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #driver: GroupCommitDriver;

  constructor(db: Database.Database, prepare: Prepare = (sql) => db.prepare(sql)) {
    super({ database: db });
    this.#driver = new GroupCommitDriver(db, prepare);
  }

  get stats(): GroupCommitStats {
    return this.#driver.stats;
  }

  override createDriver(): Driver {
    return this.#driver;
  }
}
