/**
 * The emulated printer behind every link (a TCP 9100 connection, a serial
 * pty): its fault state, the jobs it printed and the DLE EOT it answered.
 * Like a real printer, it stops printing while its paper is out or its cover
 * is open: bytes that arrive then are held in its buffer (DLE EOT is still
 * answered in real time, from the held bytes too) and are printed once the
 * fault is cleared. `paperLeftBytes` makes the paper run out after that many
 * more bytes, in the middle of a job.
 */
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

const INITIAL: EmulatorState = {
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
  offline: false,
  cutterError: false,
  silent: false,
  ignoresTransmitStatus: false,
  paperLeftBytes: null,
};
export const WAIT_MS_DEFAULT = 5000;

/** The DLE EOT n reply byte for a state (fixed bits 0x12, hardware.md §2). */
export function statusByte(
  n: number,
  s: Pick<EmulatorState, 'paperOut' | 'paperNearEnd' | 'coverOpen' | 'offline' | 'cutterError'>,
): number {
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

export class EmulatedPrinter {
  readonly jobs: PrintJob[] = [];
  readonly statusQueries: number[] = [];
  readonly state: EmulatorState = { ...INITIAL };
  private readonly links = new Set<PrinterLink>();
  private waiters: Array<() => void> = [];

  constructor(private readonly onJob?: (job: PrintJob) => void) {}

  get stopped(): boolean {
    return this.state.paperOut || this.state.coverOpen;
  }

  /** A new link to the printer; `write` carries its replies back. */
  connect(write: (bytes: Uint8Array) => void): PrinterLink {
    const link = new PrinterLink(this, write);
    this.links.add(link);
    return link;
  }

  disconnect(link: PrinterLink): void {
    this.links.delete(link);
  }

  printed(job: PrintJob): void {
    const s = this.state;
    job.printedWhileFaulted = s.paperOut || s.coverOpen || s.offline || s.cutterError;
    this.jobs.push(job);
    this.onJob?.(job);
    const w = this.waiters;
    this.waiters = [];
    for (const wake of w) wake();
  }

  setState(patch: Partial<EmulatorState>): void {
    Object.assign(this.state, patch);
    if (!this.stopped) for (const l of this.links) l.resume();
  }

  waitForJobs(n: number, timeoutMs = WAIT_MS_DEFAULT): Promise<PrintJob[]> {
    return new Promise((res, rej) => {
      const check = (): boolean => {
        if (this.jobs.length < n) return false;
        clearTimeout(timer);
        res(this.jobs.slice(0, n));
        return true;
      };
      const timer = setTimeout(
        () => rej(new Error(`printer emulator: ${this.jobs.length} of ${n} jobs after ${timeoutMs} ms`)),
        timeoutMs,
      );
      const wait = (): void => {
        if (!check()) this.waiters.push(wait);
      };
      wait();
    });
  }
}

/** One link: its decoder and the bytes held while the printer is stopped. */
export class PrinterLink {
  held: number[] = [];
  /** held bytes already scanned for real-time DLE EOT */
  private scanned = 0;
  private replaying = false;
  readonly decoder: EscPosDecoder;

  constructor(
    private readonly printer: EmulatedPrinter,
    private readonly write: (bytes: Uint8Array) => void,
  ) {
    const state = printer.state;
    this.decoder = new EscPosDecoder({
      onJob: (job) => printer.printed(job),
      onStatusQuery: (n) => {
        if (!this.replaying) this.answer(n);
      },
      onTransmitStatus: () => {
        if (!state.silent && !state.ignoresTransmitStatus) write(Uint8Array.of(state.paperOut ? 0x0c : 0x00));
      },
    });
  }

  answer(n: number): void {
    this.printer.statusQueries.push(n);
    if (!this.printer.state.silent) this.write(Uint8Array.of(statusByte(n, this.printer.state)));
  }

  receive(chunk: Uint8Array): void {
    const state = this.printer.state;
    const stopped = (): boolean => this.printer.stopped;
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
