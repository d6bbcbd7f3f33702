/**
 * A serial scale in continuous-output mode: readings from the protocol's
 * framer, of which only stable ones count. A stable weight is accepted when
 * `confirmFrames` consecutive stable frames agree (the line family has no
 * checksum; two equal frames at ~7 Hz cost ~150 ms). current() says what the
 * till may use now: a stable weight, or why not (unstable, overload, no data).
 */
import type { SerialPortOpener } from '../printer/transport-serial';
import { SerialLink, type LinkState } from '../serial/serial-link';
import { framerFor, type ScaleFramer, type ScaleProtocol, type ScaleReading } from './framers';

export interface SerialScaleOptions {
  path: string;
  baudRate?: number;
  protocol: ScaleProtocol;
  confirmFrames?: number;
  /** a reading older than this is no reading (the scale stopped sending) */
  staleMs?: number;
  openPort?: SerialPortOpener;
  reconnectMsMin?: number;
  reconnectMsMax?: number;
}

export type ScaleNow =
  | { state: 'stable'; weight_g: number; net: boolean; at_ms: number }
  /** the load is still moving: wait */
  | { state: 'unstable' }
  | { state: 'overload' }
  /** nothing heard lately (or only bad frames) */
  | { state: 'no_data' };

export interface SerialScaleEvents {
  /** a newly accepted stable weight (not repeated while it stays the same) */
  onWeight?(w: Extract<ScaleNow, { state: 'stable' }>): void;
  /** every change of current(), for the live display */
  onChange?(now: ScaleNow): void;
  onBadFrame?(reason: string): void;
  onState?(state: LinkState): void;
}

export const SCALE_BAUD_DEFAULT = 9600;

export class ScaleCommandError extends Error {
  override readonly name = 'ScaleCommandError';
}

export class SerialScale {
  private readonly link: SerialLink;
  private readonly framer: ScaleFramer;
  private now: ScaleNow = { state: 'no_data' };
  private lastAt = 0;
  private candidate: { weight_g: number; net: boolean; count: number } | null = null;
  private badFrames = 0;

  constructor(
    private readonly options: SerialScaleOptions,
    private readonly events: SerialScaleEvents = {},
  ) {
    this.framer = framerFor(options.protocol);
    this.link = new SerialLink(
      {
        path: options.path,
        baudRate: options.baudRate ?? SCALE_BAUD_DEFAULT,
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

  /** Bad frames seen since start (noise, wrong protocol or baud rate). */
  get badFrameCount(): number {
    return this.badFrames;
  }

  current(): ScaleNow {
    if (this.now.state !== 'no_data' && Date.now() - this.lastAt > (this.options.staleMs ?? 1000))
      return { state: 'no_data' };
    return this.now;
  }

  get canZero(): boolean {
    return this.framer.commands.zero !== undefined;
  }

  get canTare(): boolean {
    return this.framer.commands.tare !== undefined;
  }

  zero(): Promise<void> {
    return this.command('zero');
  }

  tare(): Promise<void> {
    return this.command('tare');
  }

  start(): void {
    this.link.start();
  }

  stop(): Promise<void> {
    return this.link.stop();
  }

  private command(which: 'zero' | 'tare'): Promise<void> {
    const bytes = this.framer.commands[which];
    if (bytes === undefined)
      return Promise.reject(
        new ScaleCommandError(
          `the ${this.options.protocol} protocol has no ${which} command: use the scale's own key`,
        ),
      );
    return this.link.write(bytes);
  }

  private onData(chunk: Uint8Array): void {
    for (const r of this.framer.push(chunk)) this.take(r);
  }

  private take(r: ScaleReading): void {
    if (r.kind === 'bad_frame') {
      this.badFrames++;
      this.events.onBadFrame?.(r.reason);
      return;
    }
    this.lastAt = Date.now();
    if (r.kind === 'overload') return this.set({ state: 'overload' }, null);
    if (!r.stable) return this.set({ state: 'unstable' }, null);
    const same =
      this.candidate !== null && this.candidate.weight_g === r.weight_g && this.candidate.net === r.net;
    this.candidate = {
      weight_g: r.weight_g,
      net: r.net,
      count: same && this.candidate ? this.candidate.count + 1 : 1,
    };
    if (this.candidate.count < (this.options.confirmFrames ?? 2)) {
      // A new stable value not yet confirmed: the old one no longer holds.
      if (this.now.state === 'stable' && this.now.weight_g !== r.weight_g)
        this.set({ state: 'unstable' }, this.candidate);
      return;
    }
    if (this.now.state === 'stable' && this.now.weight_g === r.weight_g && this.now.net === r.net) return;
    const w = { state: 'stable' as const, weight_g: r.weight_g, net: r.net, at_ms: this.lastAt };
    this.set(w, this.candidate);
    this.events.onWeight?.(w);
  }

  private set(now: ScaleNow, candidate: SerialScale['candidate']): void {
    this.candidate = candidate;
    const changed =
      now.state !== this.now.state ||
      (now.state === 'stable' && this.now.state === 'stable' && now.weight_g !== this.now.weight_g);
    this.now = now;
    if (changed) this.events.onChange?.(now);
  }
}
