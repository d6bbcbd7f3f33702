/**
 * Telling a keyboard-wedge scanner from a person typing, by timing alone
 * (hardware.md §4: scanners type 1–10 ms apart, Zebra up to ~80 ms; people
 * rarely under 30 ms between keys). Pure: the renderer feeds it keydown
 * events with their timestamps and does what it answers.
 *
 * - A burst of keys each within maxInterKeyMs of the previous, at least
 *   minLength long and ended by Enter (or Tab), is a scan. Once burstKeys
 *   keys came that fast, the rest of the burst is swallowed (preventDefault),
 *   so the code does not land in the focused field; the first keys may have
 *   landed — 'scan' says how many, so the renderer can take them back out.
 * - A busy PC stalls the keys it passes on: a gap far longer than any
 *   scanner's can open inside a burst, or before its Enter. Once a burst is
 *   swallowing, its keys are in no field any more, so ending it on such a gap
 *   would lose the scan outright (bench ui once missed 1 of 200 this way):
 *   a swallowing burst lasts across gaps up to stallMsMax and its suffix
 *   still makes it a scan. Only a burst already known to be a scanner's
 *   (burstKeys fast keys) gets this slack; typing never does.
 * - A Chinese IME must keep working: while a composition is open (the event's
 *   isComposing, key 'Process' / keyCode 229, or between compositionstart and
 *   compositionend) every key passes untouched and the burst is dropped. The
 *   detector never swallows a key it has not seen come fast, so ordinary
 *   typing is never eaten.
 */

export interface WedgeOptions {
  /** longest gap between two keys of one scan */
  maxInterKeyMs?: number;
  /** shortest code accepted as a scan (onscan.js uses 6; EAN-8 is 8) */
  minLength?: number;
  /** longest code kept; a longer burst is dropped */
  maxLength?: number;
  /** fast keys in a row before the rest of a burst is swallowed */
  burstKeys?: number;
  /** keys that end a scan */
  suffixKeys?: readonly string[];
  /** longest stall of the PC inside a burst that is already swallowing (or before its suffix) */
  stallMsMax?: number;
}

export interface WedgeKey {
  /** KeyboardEvent.key */
  key: string;
  /** KeyboardEvent.timeStamp (ms) */
  timeMs: number;
  isComposing?: boolean;
  keyCode?: number;
  /** Ctrl, Alt or Meta held: a shortcut, never part of a scan */
  modifier?: boolean;
}

export type WedgeDecision =
  /** not (yet) a scan: let the key do what it does */
  | { action: 'pass' }
  /** part of a scanner burst: preventDefault */
  | { action: 'swallow' }
  /** the suffix ended a scan: preventDefault it; `typedChars` characters of it went into the focused field before the burst was recognised */
  | { action: 'scan'; code: string; typedChars: number };

export const WEDGE_DEFAULTS: Required<WedgeOptions> = {
  maxInterKeyMs: 30,
  minLength: 6,
  maxLength: 512,
  burstKeys: 3,
  suffixKeys: ['Enter', 'Tab'],
  stallMsMax: 1_000,
};

const PASS: WedgeDecision = { action: 'pass' };

export class WedgeDetector {
  private readonly o: Required<WedgeOptions>;
  private chars: string[] = [];
  private lastMs = -Infinity;
  private typed = 0;
  private composing = false;

  constructor(options: WedgeOptions = {}) {
    this.o = { ...WEDGE_DEFAULTS, ...options };
  }

  compositionStart(): void {
    this.composing = true;
    this.reset();
  }

  compositionEnd(): void {
    this.composing = false;
    this.reset();
  }

  reset(): void {
    this.chars = [];
    this.typed = 0;
    this.lastMs = -Infinity;
  }

  key(ev: WedgeKey): WedgeDecision {
    if (this.composing || ev.isComposing === true || ev.key === 'Process' || ev.keyCode === 229) {
      this.reset();
      return PASS;
    }
    const gap = ev.timeMs - this.lastMs;
    const swallowing = this.chars.length > this.o.burstKeys;
    const fast = gap >= 0 && gap <= (swallowing ? this.o.stallMsMax : this.o.maxInterKeyMs);
    if (this.o.suffixKeys.includes(ev.key)) {
      const code = this.chars.join('');
      const typed = this.typed;
      const isScan = fast && code.length >= this.o.minLength;
      this.reset();
      return isScan ? { action: 'scan', code, typedChars: typed } : PASS;
    }
    if (ev.modifier === true || ev.key.length !== 1) {
      // Shift arrives as its own key between characters of a scan; anything else ends the burst.
      if (ev.key !== 'Shift') this.reset();
      return PASS;
    }
    if (!fast) this.reset();
    this.lastMs = ev.timeMs;
    if (this.chars.length >= this.o.maxLength) {
      this.reset();
      return PASS;
    }
    this.chars.push(ev.key);
    if (this.chars.length > this.o.burstKeys) return { action: 'swallow' };
    this.typed++;
    return PASS;
  }
}
