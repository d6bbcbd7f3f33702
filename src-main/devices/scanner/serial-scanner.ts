/**
 * A serial (RS-232 or USB-COM) barcode/QR scanner read in the core: bytes →
 * frames (line-framer.ts) → classified scans (shared/scan). Baud rate and
 * suffix are settings (Unitech ships 9600 CR, Honeywell RS-232 115200 CRLF;
 * hardware.md §4). Dropped frames are reported, never guessed at.
 */
import {
  classifyScan,
  SCAN_LENGTH_MAX,
  type ClassifyOptions,
  type ScanResult,
} from '../../../shared/scan/classify';
import type { SerialPortOpener } from '../printer/transport-serial';
import { SerialLink, type LinkState } from '../serial/serial-link';
import { LineFramer, type Suffix } from './line-framer';

export interface SerialScannerOptions {
  path: string;
  baudRate?: number;
  suffix?: Suffix;
  /** longest frame kept (bytes); longer ones are dropped whole */
  maxLength?: number;
  /** a frame with no suffix after this long is a partial frame, dropped */
  frameIdleMs?: number;
  classify?: ClassifyOptions;
  openPort?: SerialPortOpener;
  reconnectMsMin?: number;
  reconnectMsMax?: number;
}

export interface ScanEvent {
  source: 'serial' | 'wedge';
  /** the frame as read, suffix removed */
  raw: string;
  at_ms: number;
  result: ScanResult;
}

export interface SerialScannerEvents {
  onScan(scan: ScanEvent): void;
  /** a frame was dropped (too long, cut short) */
  onDropped?(reason: 'too_long' | 'partial', bytes: number): void;
  onState?(state: LinkState): void;
}

export const SCANNER_BAUD_DEFAULT = 9600;
export const FRAME_IDLE_MS_DEFAULT = 300;

export class SerialScanner {
  private readonly link: SerialLink;
  private readonly framer: LineFramer;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastScanMs: number | null = null;

  constructor(
    private readonly options: SerialScannerOptions,
    private readonly events: SerialScannerEvents,
  ) {
    this.framer = new LineFramer(
      options.suffix ?? 'CR',
      Math.min(options.maxLength ?? SCAN_LENGTH_MAX, SCAN_LENGTH_MAX),
    );
    this.link = new SerialLink(
      {
        path: options.path,
        baudRate: options.baudRate ?? SCANNER_BAUD_DEFAULT,
        openPort: options.openPort,
        reconnectMsMin: options.reconnectMsMin,
        reconnectMsMax: options.reconnectMsMax,
      },
      { onData: (chunk) => this.onData(chunk), onState: (s) => events.onState?.(s) },
    );
  }

  get state(): LinkState {
    return this.link.state;
  }

  get lastScanAtMs(): number | null {
    return this.lastScanMs;
  }

  start(): void {
    this.link.start();
  }

  async stop(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.link.stop();
  }

  private onData(chunk: Uint8Array): void {
    for (const e of this.framer.push(chunk)) {
      if (e.kind === 'dropped') {
        this.events.onDropped?.(e.reason, e.bytes);
        continue;
      }
      this.lastScanMs = Date.now();
      this.events.onScan({
        source: 'serial',
        raw: e.text,
        at_ms: this.lastScanMs,
        result: classifyScan(e.text, this.options.classify),
      });
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.framer.pending) {
      this.idleTimer = setTimeout(() => {
        const e = this.framer.idle();
        if (e?.kind === 'dropped') this.events.onDropped?.(e.reason, e.bytes);
      }, this.options.frameIdleMs ?? FRAME_IDLE_MS_DEFAULT);
      this.idleTimer.unref();
    }
  }
}
