/**
 * The receipt printer as the till sees it: printReceipt(doc) checks DLE EOT
 * status first (between jobs, never inside one: hardware.md §2), refuses with
 * a typed PrinterError when the printer cannot print, else lays out, encodes
 * and sends the whole job on a fresh connection, and resolves once the last
 * byte was written. Retrying and keeping the job belong to the print queue.
 */
import { layoutReceipt } from '../../../shared/receipt/layout';
import type { ReceiptDoc } from '../../../shared/receipt/model';
import { encodeReceipt } from './escpos';
import { PrinterError } from './errors';
import type { PrinterProfile } from './profiles';
import { isValidStatusByte, parseStatus, statusProblem, type PrinterStatus, type StatusQuery, type StatusReplies } from './status';
import type { PrinterTransport, TransportFactory } from './transport';

export interface PrinterOptions {
  connect: TransportFactory;
  profile: PrinterProfile;
  statusTimeoutMs?: number;
}

export interface ReceiptPrinterDevice {
  readonly profile: PrinterProfile;
  /** kickDrawer: pulse the cash drawer (a cash sale's first print; never a reprint). */
  printReceipt(doc: ReceiptDoc, opts: { kickDrawer: boolean }): Promise<void>;
  /** Sends pre-encoded bytes (a test page, a drawer kick alone) after the same status check. */
  printBytes(bytes: Uint8Array): Promise<void>;
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
  if (!t.canQuery) throw new PrinterError('printer_offline', 'this printer connection is write-only: status cannot be read');
  const replies: StatusReplies = {};
  for (const n of QUERIES) {
    const b = await t.query(n, timeoutMs);
    if (b === null) throw new PrinterError('printer_offline', `no reply to DLE EOT ${n}: printer off, busy or not ESC/POS`);
    if (!isValidStatusByte(b)) throw new PrinterError('printer_offline', `DLE EOT ${n} answered 0x${b.toString(16)}: not an ESC/POS status reply`);
    replies[n] = b;
  }
  return parseStatus(replies);
}

const MESSAGES: Record<Exclude<ReturnType<typeof statusProblem>, null>, string> = {
  cover_open: 'printer cover is open',
  paper_out: 'printer is out of paper',
  cutter_error: 'printer cutter is jammed',
  printer_error: 'printer reports an error',
  printer_offline: 'printer is offline',
};

export function createPrinter(options: PrinterOptions): ReceiptPrinterDevice {
  const { connect, profile, statusTimeoutMs } = options;
  let lastStatus: PrinterStatus | null = null;

  async function withTransport<T>(use: (t: PrinterTransport) => Promise<T>): Promise<T> {
    const t = await connect();
    try {
      return await use(t);
    } finally {
      await t.close();
    }
  }

  async function checkedSend(bytes: Uint8Array): Promise<void> {
    await withTransport(async (t) => {
      if (!t.canQuery) return t.write(bytes);
      const status = await readStatus(t, statusTimeoutMs);
      lastStatus = status;
      const problem = statusProblem(status);
      if (problem !== null) throw new PrinterError(problem, MESSAGES[problem]);
      await t.write(bytes);
    });
  }

  return {
    profile,
    get lastStatus() {
      return lastStatus;
    },
    async printReceipt(doc, opts) {
      // Layout and encoding first: a bad document fails before touching the printer.
      const bytes = encodeReceipt(layoutReceipt(doc, profile.paper), profile, { kickDrawer: opts.kickDrawer });
      await checkedSend(bytes);
    },
    printBytes: checkedSend,
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
