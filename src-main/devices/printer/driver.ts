/**
 * The receipt printer as the till sees it: printReceipt(doc) checks DLE EOT
 * status first (between jobs, never inside one: hardware.md §2), refuses with
 * a typed PrinterError when the printer cannot print, else lays out, encodes
 * and sends the whole job on a fresh connection.
 *
 * When it resolves: where the profile has transmit_status, the job ends with
 * GS r 1 and printReceipt resolves only on its reply, which the printer sends
 * after processing the job. While waiting it polls DLE EOT (real-time, safe
 * now that every byte of the job is out): a printer that ran out of paper or
 * had its cover opened mid-job keeps the rest of the job in its buffer and
 * goes on after the fault is cleared, so the driver keeps the connection,
 * reports the fault through onHeld, and waits (bounded by heldMsMax). If the
 * printer stops answering or never confirms, the job may or may not have
 * printed: that is 'write_failed', and a person decides (reprint). Without
 * transmit_status (or on a write-only link) it resolves once the last byte
 * was written. Retrying and keeping the job belong to the print queue.
 */
import { layoutReceipt } from '../../../shared/receipt/layout';
import type { ReceiptDoc } from '../../../shared/receipt/model';
import { encodeReceipt } from './escpos';
import { PrinterError } from './errors';
import type { PrinterProfile } from './profiles';
import {
  isValidStatusByte,
  parseStatus,
  statusProblem,
  type PrinterStatus,
  type StatusProblem,
  type StatusQuery,
  type StatusReplies,
} from './status';
import { GS_R_PAPER, type PrinterTransport, type TransportFactory } from './transport';

export interface PrinterOptions {
  connect: TransportFactory;
  profile: PrinterProfile;
  statusTimeoutMs?: number;
  /** How long a job the printer holds (paper out or cover open mid-job) may wait for the fault to be cleared. */
  heldMsMax?: number;
  /** How long a sent job may go without its GS r reply while the printer reports no fault. */
  confirmMsMax?: number;
  /** How often DLE EOT is polled while waiting for the GS r reply. */
  confirmPollMs?: number;
}

export interface PrintOptions {
  /** Pulse the cash drawer (a cash sale's first print; never a reprint). */
  kickDrawer: boolean;
  /** The job is in the printer but the printer stopped (paper out, cover open); called on every poll while it waits. */
  onHeld?: (problem: StatusProblem, message: string) => void;
}

export const HELD_MS_MAX_DEFAULT = 30 * 60_000;
export const CONFIRM_MS_MAX_DEFAULT = 15_000;
export const CONFIRM_POLL_MS_DEFAULT = 250;

export interface ReceiptPrinterDevice {
  readonly profile: PrinterProfile;
  printReceipt(doc: ReceiptDoc, opts: PrintOptions): Promise<void>;
  /** Sends pre-encoded bytes (a test page, a drawer kick alone) after the same status check and confirmation. */
  printBytes(bytes: Uint8Array, opts?: Pick<PrintOptions, 'onHeld'>): Promise<void>;
  /**
   * Asks DLE EOT 1–4; rejects with 'printer_offline' when the printer cannot
   * be reached or does not answer (also on a write-only transport).
   */
  status(): Promise<PrinterStatus>;
  /** The status seen before the last job (paperNearEnd is worth a warning), or null before any. */
  readonly lastStatus: PrinterStatus | null;
}

const QUERIES: readonly StatusQuery[] = [1, 2, 3, 4];

async function readStatus(t: PrinterTransport, timeoutMs: number | undefined): Promise<PrinterStatus> {
  if (!t.canQuery)
    throw new PrinterError('printer_offline', 'this printer connection is write-only: status cannot be read');
  const replies: StatusReplies = {};
  for (const n of QUERIES) {
    const b = await t.query(n, timeoutMs);
    if (b === null)
      throw new PrinterError('printer_offline', `no reply to DLE EOT ${n}: printer off, busy or not ESC/POS`);
    if (!isValidStatusByte(b))
      throw new PrinterError(
        'printer_offline',
        `DLE EOT ${n} answered 0x${b.toString(16)}: not an ESC/POS status reply`,
      );
    replies[n] = b;
  }
  return parseStatus(replies);
}

export const PROBLEM_MESSAGES: Record<StatusProblem, string> = {
  cover_open: 'printer cover is open',
  paper_out: 'printer is out of paper',
  cutter_error: 'printer cutter is jammed',
  printer_error: 'printer reports an error',
  printer_offline: 'printer is offline',
};

export function createPrinter(options: PrinterOptions): ReceiptPrinterDevice {
  const { connect, profile, statusTimeoutMs } = options;
  const heldMsMax = options.heldMsMax ?? HELD_MS_MAX_DEFAULT;
  const confirmMsMax = options.confirmMsMax ?? CONFIRM_MS_MAX_DEFAULT;
  const confirmPollMs = options.confirmPollMs ?? CONFIRM_POLL_MS_DEFAULT;
  let lastStatus: PrinterStatus | null = null;

  async function withTransport<T>(use: (t: PrinterTransport) => Promise<T>): Promise<T> {
    const t = await connect();
    try {
      return await use(t);
    } finally {
      await t.close();
    }
  }

  async function awaitConfirmation(t: PrinterTransport, onHeld: PrintOptions['onHeld']): Promise<void> {
    const sentAt = Date.now();
    let calmSince = sentAt;
    for (;;) {
      if ((await t.readTransmitStatus(confirmPollMs)) !== null) return;
      let status: PrinterStatus;
      try {
        status = await readStatus(t, statusTimeoutMs);
      } catch (err) {
        throw new PrinterError(
          'write_failed',
          'the job was sent, then the printer stopped answering: it may or may not have printed',
          { cause: err },
        );
      }
      lastStatus = status;
      const problem = statusProblem(status);
      const now = Date.now();
      if (problem !== null) {
        onHeld?.(problem, PROBLEM_MESSAGES[problem]);
        calmSince = now;
        if (now - sentAt > heldMsMax)
          throw new PrinterError(
            'write_failed',
            `the printer held the job for over ${Math.round(heldMsMax / 1000)} s (${PROBLEM_MESSAGES[problem]}): it may or may not print it`,
          );
      } else if (now - calmSince > confirmMsMax) {
        throw new PrinterError(
          'write_failed',
          'the job was sent but the printer never confirmed it (GS r 1): it may or may not have printed',
        );
      }
    }
  }

  async function checkedSend(bytes: Uint8Array, onHeld: PrintOptions['onHeld']): Promise<void> {
    await withTransport(async (t) => {
      if (!t.canQuery) return t.write(bytes);
      const status = await readStatus(t, statusTimeoutMs);
      lastStatus = status;
      const problem = statusProblem(status);
      if (problem !== null) throw new PrinterError(problem, PROBLEM_MESSAGES[problem]);
      if (!profile.transmit_status) return t.write(bytes);
      const job = new Uint8Array(bytes.length + GS_R_PAPER.length);
      job.set(bytes);
      job.set(GS_R_PAPER, bytes.length);
      await t.write(job);
      await awaitConfirmation(t, onHeld);
    });
  }

  return {
    profile,
    get lastStatus() {
      return lastStatus;
    },
    async printReceipt(doc, opts) {
      // Layout and encoding first: a bad document fails before touching the printer.
      const bytes = encodeReceipt(layoutReceipt(doc, profile.paper), profile, {
        kickDrawer: opts.kickDrawer,
      });
      await checkedSend(bytes, opts.onHeld);
    },
    printBytes: (bytes, opts) => checkedSend(bytes, opts?.onHeld),
    status() {
      return withTransport((t) => readStatus(t, statusTimeoutMs)).then((s) => {
        lastStatus = s;
        return s;
      });
    },
  };
}

/** A cash tender means the drawer must open on the sale's first print. */
export function hasCashTender(doc: ReceiptDoc): boolean {
  return doc.tenders.some((t) => t.kind === 'cash');
}
