/**
 * Serial bytes → scanned codes. A code ends with the configured suffix (CR,
 * LF or CRLF); a frame is emitted on the suffix's last byte, and CR/LF left
 * at a frame's edges are dropped, so a scanner sending CRLF to a till set to
 * CR (or the other way round) still reads right. Limits: a frame longer than
 * maxLength is dropped up to its end; bytes left without a suffix for
 * idleMs are a partial frame (noise, a cable pulled mid-code) and dropped.
 * NUL and 0xFF (line noise when a port opens or a cable moves) are removed.
 */

export type Suffix = 'CR' | 'LF' | 'CRLF';

export type FrameEvent =
  | { kind: 'frame'; text: string }
  /** a frame was dropped: too long, or cut short */
  | { kind: 'dropped'; reason: 'too_long' | 'partial'; bytes: number };

const CR = 0x0d;
const LF = 0x0a;

export class LineFramer {
  private buf: number[] = [];
  private overflowed = 0;
  private readonly end: number;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    suffix: Suffix,
    private readonly maxLength: number,
  ) {
    this.end = suffix === 'CR' ? CR : LF;
  }

  push(chunk: Uint8Array): FrameEvent[] {
    const out: FrameEvent[] = [];
    for (const b of chunk) {
      if (b === this.end) {
        const e = this.finish();
        if (e) out.push(e);
        continue;
      }
      if (b === 0x00 || b === 0xff) continue;
      if (this.overflowed > 0) {
        this.overflowed++;
        continue;
      }
      if ((b === CR || b === LF) && this.buf.length === 0) continue;
      this.buf.push(b);
      if (this.buf.length > this.maxLength) {
        this.overflowed = this.buf.length;
        this.buf = [];
      }
    }
    return out;
  }

  /** Call when no byte came for the idle time: a frame without its suffix is dropped. */
  idle(): FrameEvent | null {
    if (this.overflowed > 0) return this.finish();
    if (this.buf.length === 0) return null;
    const bytes = this.buf.length;
    this.buf = [];
    return { kind: 'dropped', reason: 'partial', bytes };
  }

  get pending(): boolean {
    return this.buf.length > 0 || this.overflowed > 0;
  }

  private finish(): FrameEvent | null {
    if (this.overflowed > 0) {
      const bytes = this.overflowed;
      this.overflowed = 0;
      return { kind: 'dropped', reason: 'too_long', bytes };
    }
    let bytes = this.buf;
    this.buf = [];
    while (bytes.length > 0 && (bytes.at(-1) === CR || bytes.at(-1) === LF)) bytes = bytes.slice(0, -1);
    if (bytes.length === 0) return null;
    return { kind: 'frame', text: this.decoder.decode(Uint8Array.from(bytes)) };
  }
}
