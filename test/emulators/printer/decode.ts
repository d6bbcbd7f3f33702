/**
 * An ESC/POS stream walker: text (GB18030 inside FS & … FS ., ASCII outside),
 * GS ( k QR, GS v 0 rasters (read back with jsQR), cuts, drawer kicks and
 * DLE EOT queries. Incremental: TCP may split a command across chunks, so an
 * incomplete command waits for more bytes. Commands it does not know are
 * skipped by their documented length and listed in the job.
 */
import iconv from 'iconv-lite';
import { finishJob, type DrawerKick, type JobElement, type PrintJob } from './job';
import { decodeRasterQr } from './raster';
import { commandLength } from './lengths';

export interface DecoderEvents {
  onJob?: (job: PrintJob) => void;
  /** DLE EOT n arrived; answer it with one byte */
  onStatusQuery?: (n: number) => void;
  /** GS r n (transmit status) arrived */
  onTransmitStatus?: (n: number) => void;
}

const ALIGN = ['left', 'center', 'right'] as const;
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

export class EscPosDecoder {
  private pending = new Uint8Array(0);
  private kanji = false;
  private bold = false;
  private widthScale = 1;
  private heightScale = 1;
  private align: 'left' | 'center' | 'right' = 'left';
  private line = '';
  private lineStyle: Omit<JobElement & { kind: 'text' }, 'text'> | null = null;
  private elements: JobElement[] = [];
  private kicks: DrawerKick[] = [];
  private unknown: string[] = [];
  private qrStore: string | null = null;
  /** The LF that encoders send right after a QR or image ends the graphic's line; it is not a blank text line. */
  private afterGraphic = false;

  constructor(private readonly events: DecoderEvents = {}) {}

  push(chunk: Uint8Array): void {
    const buf = new Uint8Array(this.pending.length + chunk.length);
    buf.set(this.pending, 0);
    buf.set(chunk, this.pending.length);
    let i = 0;
    while (i < buf.length) {
      const used = this.step(buf, i);
      if (used === 0) break;
      i += used;
    }
    this.pending = buf.slice(i);
  }

  /** Bytes that were not a whole command yet. */
  get leftover(): number {
    return this.pending.length;
  }

  /** True when the current (unfinished) job has printed something. */
  get hasUnfinishedJob(): boolean {
    return (
      this.line !== '' ||
      this.kicks.length > 0 ||
      this.elements.some((e) => e.kind !== 'text' || e.text.trim() !== '')
    );
  }

  private resetStyle(): void {
    this.kanji = false;
    this.bold = false;
    this.widthScale = 1;
    this.heightScale = 1;
    this.align = 'left';
  }

  private addText(s: string): void {
    if (this.lineStyle === null)
      this.lineStyle = {
        kind: 'text',
        bold: this.bold,
        widthScale: this.widthScale,
        heightScale: this.heightScale,
        align: this.align,
      };
    this.line += s;
  }

  private endLine(printEmpty: boolean): void {
    if (this.line === '' && !printEmpty) return;
    const style = this.lineStyle ?? {
      kind: 'text',
      bold: this.bold,
      widthScale: this.widthScale,
      heightScale: this.heightScale,
      align: this.align,
    };
    this.elements.push({ ...style, text: this.line });
    this.line = '';
    this.lineStyle = null;
  }

  private cut(kind: 'full' | 'partial'): void {
    this.endLine(false);
    const job = finishJob(this.elements, kind, this.kicks, this.unknown);
    this.elements = [];
    this.kicks = [];
    this.unknown = [];
    this.events.onJob?.(job);
  }

  /** Consumes one command or character at buf[i]; returns bytes used, 0 when incomplete. */
  private step(buf: Uint8Array, i: number): number {
    const b = buf[i] ?? 0;
    if (this.afterGraphic && b !== 0x0d) {
      this.afterGraphic = false;
      if (b === 0x0a && this.line === '') return 1;
    }
    if (b >= 0x20 && b < 0x7f) {
      this.addText(String.fromCharCode(b));
      return 1;
    }
    if (b >= 0x80) return this.multibyte(buf, i);
    if (b === 0x0a) {
      this.endLine(true);
      return 1;
    }
    if (b === 0x09) {
      this.addText(' ');
      return 1;
    }
    if (b !== 0x10 && b !== 0x1b && b !== 0x1c && b !== 0x1d) return 1; // CR, NUL, FF…: no visible effect here
    const len = commandLength(buf, i);
    if (len === null) return 0;
    this.command(buf.subarray(i, i + len));
    return len;
  }

  private multibyte(buf: Uint8Array, i: number): number {
    const b = buf[i] ?? 0;
    if (!this.kanji) {
      // Outside Chinese mode the printer would print code-page glyphs: flag it, it is an encoder bug for us.
      this.addText('\uFFFD');
      return 1;
    }
    if (b === 0x80 || b === 0xff) {
      this.addText('\uFFFD');
      return 1;
    }
    if (i + 1 >= buf.length) return 0;
    const b2 = buf[i + 1] ?? 0;
    const n = b2 >= 0x30 && b2 <= 0x39 ? 4 : 2;
    if (i + n > buf.length) return 0;
    this.addText(iconv.decode(Buffer.from(buf.subarray(i, i + n)), 'gb18030'));
    return n;
  }

  private command(c: Uint8Array): void {
    const [b0, b1 = 0, b2 = 0, b3 = 0, b4 = 0] = c;
    const key = String.fromCharCode(b0 ?? 0, b1);
    switch (key) {
      case '\x10\x04':
        this.events.onStatusQuery?.(b2);
        return;
      case '\x10\x14':
        if (b2 === 1) this.kicks.push({ pin: b3, onMs: b4 * 100, offMs: b4 * 100 });
        return;
      case '\x1b@':
        this.endLine(false);
        // A job that printed nothing yet (bytes after the previous cut) is not a job.
        if (!this.hasUnfinishedJob) this.elements = [];
        this.resetStyle();
        return;
      case '\x1bE':
      case '\x1bG':
        this.bold = (b2 & 1) === 1;
        return;
      case '\x1b!':
        this.bold = (b2 & 0x08) !== 0;
        this.heightScale = b2 & 0x10 ? 2 : 1;
        this.widthScale = b2 & 0x20 ? 2 : 1;
        return;
      case '\x1ba':
        this.align = ALIGN[b2 % 48] ?? 'left';
        return;
      case '\x1bd':
        this.endLine(false);
        return;
      case '\x1bp':
        this.kicks.push({ pin: b2 & 1, onMs: b3 * 2, offMs: b4 * 2 });
        return;
      case '\x1bi':
      case '\x1bm':
        this.cut(key === '\x1bi' ? 'full' : 'partial');
        return;
      case '\x1b*':
        this.endLine(false);
        this.elements.push({
          kind: 'image',
          widthDots: b3 + b4 * 256,
          heightDots: b2 < 2 ? 8 : 24,
          qr: null,
        });
        return;
      case '\x1c&':
        this.kanji = true;
        return;
      case '\x1c.':
        this.kanji = false;
        return;
      case '\x1d!':
        this.widthScale = (b2 >> 4) + 1;
        this.heightScale = (b2 & 0x0f) + 1;
        return;
      case '\x1dV':
        this.cut(b2 === 0 || b2 === 48 || b2 === 65 || b2 === 97 ? 'full' : 'partial');
        return;
      case '\x1dv':
        this.raster(c);
        return;
      case '\x1d(':
        if (b2 === 0x6b) this.qr(c);
        return;
      case '\x1dr':
        this.events.onTransmitStatus?.(b2);
        return;
      default:
        if (!KNOWN_IGNORED.has(key)) this.unknown.push(hex(c));
    }
  }

  private raster(c: Uint8Array): void {
    const rowBytes = (c[4] ?? 0) + (c[5] ?? 0) * 256;
    const height = (c[6] ?? 0) + (c[7] ?? 0) * 256;
    this.endLine(false);
    this.elements.push({
      kind: 'image',
      widthDots: rowBytes * 8,
      heightDots: height,
      qr: decodeRasterQr(rowBytes, height, c.subarray(8)),
    });
    this.afterGraphic = true;
  }

  /** GS ( k pL pH cn fn …: cn 49 = QR; fn 80 stores the data (function 180), fn 81 prints it (181). */
  private qr(c: Uint8Array): void {
    const cn = c[5];
    const fn = c[6];
    if (cn !== 0x31) return;
    if (fn === 0x50) this.qrStore = Buffer.from(c.subarray(8)).toString('latin1');
    if (fn === 0x51 && this.qrStore !== null) {
      this.endLine(false);
      this.elements.push({ kind: 'qr', data: this.qrStore, source: 'native' });
      this.afterGraphic = true;
    }
  }
}

/** Commands that change nothing this emulator records (fonts, spacing, code pages, ASB, graphics setup…). */
const KNOWN_IGNORED = new Set([
  '\x1bM',
  '\x1bt',
  '\x1bR',
  '\x1b2',
  '\x1b3',
  '\x1bJ',
  '\x1b-',
  '\x1b{',
  '\x1bV',
  '\x1b ',
  '\x1b$',
  '\x1bc',
  '\x1bD',
  '\x1bU',
  '\x1bB',
  '\x1bL',
  '\x1bS',
  '\x1bT',
  '\x1bW',
  '\x1br',
  '\x1c!',
  '\x1c-',
  '\x1cC',
  '\x1cW',
  '\x1cS',
  '\x1cp',
  '\x1dB',
  '\x1da',
  '\x1dL',
  '\x1dW',
  '\x1dH',
  '\x1dh',
  '\x1dw',
  '\x1dk',
  '\x1df',
  '\x1dP',
  '\x1dI',
  '\x1d8',
  '\x1d*',
  '\x1d/',
  '\x1db',
  '\x1dE',
  '\x1d$',
  '\x1d\\',
  '\x1dT',
  '\x10\x05',
]);

/** Decodes a whole buffer: the jobs it holds (each ended by a cut) and the status queries in it. */
export function decodeEscPos(bytes: Uint8Array): {
  jobs: PrintJob[];
  statusQueries: number[];
  unfinished: boolean;
} {
  const jobs: PrintJob[] = [];
  const statusQueries: number[] = [];
  const d = new EscPosDecoder({ onJob: (j) => jobs.push(j), onStatusQuery: (n) => statusQueries.push(n) });
  d.push(bytes);
  return { jobs, statusQueries, unfinished: d.hasUnfinishedJob || d.leftover > 0 };
}
