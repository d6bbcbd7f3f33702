/**
 * A fake TCP 9100 printer: decodes every connection's ESC/POS into jobs (a job
 * ends at a cut) and answers DLE EOT 1–4 from a settable state, as a real
 * printer does even while offline (printer-core.ts). Loopback only. Used by end-to-end tests
 * and by `markettill demo`, which logs each decoded receipt via onJob.
 */
import net from 'node:net';
import type { PrintJob } from './job';
import { EmulatedPrinter, type EmulatorState, type PrinterLink } from './printer-core';

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

export function startPrinterEmulator(options: PrinterEmulatorOptions = {}): Promise<PrinterEmulator> {
  const host = options.host ?? '127.0.0.1';
  const printer = new EmulatedPrinter(options.onJob);
  const sockets = new Map<net.Socket, PrinterLink>();
  const server = net.createServer((socket) => {
    const link = printer.connect((bytes) => socket.write(bytes));
    sockets.set(socket, link);
    socket.on('data', (chunk: Buffer) => link.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      printer.disconnect(link);
    });
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
        jobs: printer.jobs,
        statusQueries: printer.statusQueries,
        state: printer.state,
        setState: (patch) => printer.setState(patch),
        waitForJobs: (n, timeoutMs) => printer.waitForJobs(n, timeoutMs),
        close() {
          for (const socket of sockets.keys()) socket.destroy();
          return new Promise((res) => server.close(() => res()));
        },
      });
    });
  });
}

export { decodeEscPos, EscPosDecoder } from './decode';
export { renderJob, type PrintJob, type StyledLine, type DecodedQr } from './job';
export { statusByte, type EmulatorState } from './printer-core';
