/**
 * A fake TCP 9100 printer: decodes every connection's ESC/POS into jobs (a job
 * ends at a cut) and answers DLE EOT 1–4 from a settable state, as a real
 * printer does even while offline. Loopback only. Used by end-to-end tests
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

const INITIAL: EmulatorState = { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false, cutterError: false, silent: false };
const WAIT_MS_DEFAULT = 5000;

/** The DLE EOT n reply byte for a state (fixed bits 0x12, hardware.md §2). */
export function statusByte(n: number, s: EmulatorState): number {
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
  const sockets = new Set<net.Socket>();
  let waiters: Array<() => void> = [];

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const decoder = new EscPosDecoder({
      onJob: (job) => {
        job.printedWhileFaulted = state.paperOut || state.coverOpen || state.offline || state.cutterError;
        jobs.push(job);
        options.onJob?.(job);
        const w = waiters;
        waiters = [];
        for (const wake of w) wake();
      },
      onStatusQuery: (n) => {
        statusQueries.push(n);
        if (!state.silent) socket.write(Uint8Array.of(statusByte(n, state)));
      },
      onTransmitStatus: () => {
        if (!state.silent) socket.write(Uint8Array.of(state.paperOut ? 0x0c : 0x00));
      },
    });
    socket.on('data', (chunk: Buffer) => decoder.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
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
          for (const s of sockets) s.destroy();
          return new Promise((res) => server.close(() => res()));
        },
      });
    });
  });
}

export { decodeEscPos, EscPosDecoder } from './decode';
export { renderJob, type PrintJob, type StyledLine, type DecodedQr } from './job';
