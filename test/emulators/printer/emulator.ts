/**
 * A fake TCP 9100 printer: decodes every connection's ESC/POS into jobs (a job
 * ends at a cut) and answers DLE EOT 1–4 from a settable state, as a real
 * printer does even while offline. Loopback only.
 *
 * Like a real printer, it stops printing while its paper is out or its cover
 * is open: bytes that arrive then are held in its buffer (DLE EOT is still
 * answered in real time, from the held bytes too) and are printed once the
 * fault is cleared. `paperLeftBytes` makes the paper run out after that many
 * more bytes, in the middle of a job. Used by end-to-end tests
 * and by `markettill demo`, which logs each decoded receipt via onJob.
 */
import net from 'node:net';
import { EscPosDecoder } from './decode';
import type { PrintJob } from './job';

export interface EmulatorState {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** DLE EOT 1 reports offline (bit 3) */
  offline: boolean;
  cutterError: boolean;
  /** never answer status queries (a hung printer, or not ESC/POS at all) */
  silent: boolean;
  /** never answer GS r (a printer without transmit status) */
  ignoresTransmitStatus: boolean;
  /** bytes the paper lasts for before paperOut turns on by itself; null: endless */
  paperLeftBytes: number | null;
}

export interface PrinterEmulatorOptions {
  host?: string;
  port?: number;
  onJob?: (job: PrintJob) => void;
}

export interface PrinterEmulator {
  readonly host: string;
  readonly port: number;
  /** every finished job, oldest first */
  readonly jobs: PrintJob[];
  /** every DLE EOT n received, in order */
  readonly statusQueries: number[];
  readonly state: Readonly<EmulatorState>;
  waitForJobs(n: number, timeoutMs?: number): Promise<PrintJob[]>;
  setState(patch: Partial<EmulatorState>): void;
  close(): Promise<void>;
}

const INITIAL: EmulatorState = { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false, cutterError: false, silent: false, ignoresTransmitStatus: false, paperLeftBytes: null };
const WAIT_MS_DEFAULT = 5000;

/** The DLE EOT n reply byte for a state (fixed bits 0x12, hardware.md §2). */
export function statusByte(n: number, s: Pick<EmulatorState, 'paperOut' | 'paperNearEnd' | 'coverOpen' | 'offline' | 'cutterError'>): number {
  const stopped = s.paperOut || s.coverOpen || s.cutterError;
  switch (n) {
    case 1:
      return 0x12 | (s.offline || stopped ? 0x08 : 0);
    case 2:
      return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0) | (s.cutterError ? 0x40 : 0);
    case 3:
      return 0x12 | (s.cutterError ? 0x08 : 0);
    case 4:
      return 0x12 | (s.paperNearEnd || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
    default:
      return 0x12;
  }
}

export function startPrinterEmulator(options: PrinterEmulatorOptions = {}): Promise<PrinterEmulator> {
  const host = options.host ?? '127.0.0.1';
  const jobs: PrintJob[] = [];
  const statusQueries: number[] = [];
  const state: EmulatorState = { ...INITIAL };
  const connections = new Set<Connection>();
  let waiters: Array<() => void> = [];
  const stopped = (): boolean => state.paperOut || state.coverOpen;

  /** One client: its decoder and the bytes held while the printer is stopped. */
  class Connection {
    held: number[] = [];
    /** held bytes already scanned for real-time DLE EOT */
    private scanned = 0;
    private replaying = false;
    readonly decoder: EscPosDecoder;

    constructor(readonly socket: net.Socket) {
      this.decoder = new EscPosDecoder({
        onJob: (job) => {
          job.printedWhileFaulted = state.paperOut || state.coverOpen || state.offline || state.cutterError;
          jobs.push(job);
          options.onJob?.(job);
          const w = waiters;
          waiters = [];
          for (const wake of w) wake();
        },
        onStatusQuery: (n) => {
          if (!this.replaying) this.answer(n);
        },
        onTransmitStatus: () => {
          if (!state.silent && !state.ignoresTransmitStatus) socket.write(Uint8Array.of(state.paperOut ? 0x0c : 0x00));
        },
      });
    }

    answer(n: number): void {
      statusQueries.push(n);
      if (!state.silent) this.socket.write(Uint8Array.of(statusByte(n, state)));
    }

    receive(chunk: Uint8Array): void {
      let printable = chunk;
      if (!stopped() && state.paperLeftBytes !== null && chunk.length >= state.paperLeftBytes) {
        printable = chunk.subarray(0, state.paperLeftBytes);
        this.held.push(...chunk.subarray(state.paperLeftBytes));
        state.paperLeftBytes = 0;
      } else if (stopped()) {
        this.held.push(...chunk);
        printable = new Uint8Array(0);
      } else if (state.paperLeftBytes !== null) {
        state.paperLeftBytes -= chunk.length;
      }
      if (printable.length > 0) this.decoder.push(printable);
      if (state.paperLeftBytes === 0) {
        state.paperOut = true;
        state.paperLeftBytes = null;
      }
      this.scanHeld();
    }

    /** A stopped printer still answers DLE EOT as it arrives. */
    private scanHeld(): void {
      for (; this.scanned + 2 < this.held.length; this.scanned++) {
        if (this.held[this.scanned] === 0x10 && this.held[this.scanned + 1] === 0x04) {
          this.answer(this.held[this.scanned + 2] ?? 0);
          this.scanned += 2;
        }
      }
    }

    /** The fault was cleared: print what was held (its DLE EOTs were answered already). */
    resume(): void {
      if (this.held.length === 0) return;
      const bytes = Uint8Array.from(this.held);
      this.held = [];
      this.scanned = 0;
      this.replaying = true;
      try {
        this.decoder.push(bytes);
      } finally {
        this.replaying = false;
      }
    }
  }

  const server = net.createServer((socket) => {
    const c = new Connection(socket);
    connections.add(c);
    socket.on('data', (chunk: Buffer) => c.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => connections.delete(c));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const addr = server.address();
      if (addr === null || typeof addr === 'string') throw new Error('printer emulator: no TCP address');
      resolve({
        host,
        port: addr.port,
        jobs,
        statusQueries,
        state,
        setState(patch) {
          Object.assign(state, patch);
          if (!stopped()) for (const c of connections) c.resume();
        },
        waitForJobs(n, timeoutMs = WAIT_MS_DEFAULT) {
          return new Promise((res, rej) => {
            const check = (): boolean => {
              if (jobs.length < n) return false;
              clearTimeout(timer);
              res(jobs.slice(0, n));
              return true;
            };
            const timer = setTimeout(() => rej(new Error(`printer emulator: ${jobs.length} of ${n} jobs after ${timeoutMs} ms`)), timeoutMs);
            const wait = (): void => {
              if (!check()) waiters.push(wait);
            };
            wait();
          });
        },
        close() {
          for (const c of connections) c.socket.destroy();
          return new Promise((res) => server.close(() => res()));
        },
      });
    });
  });
}

export { decodeEscPos, EscPosDecoder } from './decode';
export { renderJob, type PrintJob, type StyledLine, type DecodedQr } from './job';
