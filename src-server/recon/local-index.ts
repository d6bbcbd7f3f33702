/**
 * The server's payments (or refunds) of the days around a bill day, held
 * column-wise so a million of them fit in well under 100 MB: a compact key
 * table from order number to slot (key-table.ts), typed arrays for amount, state, day and a seen flag,
 * and interned stall / sub-merchant ids.
 */
import { shanghaiDayNo } from './days';
import { KeyTable } from './key-table';

export const LOCAL_INDEX_MAX = 20_000_000;

export class LocalIndex<S extends string> {
  private readonly keys = new KeyTable();
  private amount = new Float64Array(1024);
  private atMs = new Float64Array(1024);
  private state = new Uint8Array(1024);
  private day = new Int32Array(1024);
  private stall = new Uint32Array(1024);
  private sub = new Uint32Array(1024);
  private seenFlag = new Uint8Array(1024);
  /** refunds: the order each refunds (empty for payments) */
  private parent: string[] = [];
  private readonly names: string[] = [];
  private readonly nameNo = new Map<string, number>();
  size = 0;

  constructor(private readonly states: readonly S[]) {}

  private intern(s: string): number {
    let n = this.nameNo.get(s);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(s);
      this.nameNo.set(s, n);
    }
    return n;
  }

  private grow(): void {
    const cap = this.amount.length * 2;
    const g = <T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.amount = g(this.amount, (n) => new Float64Array(n));
    this.atMs = g(this.atMs, (n) => new Float64Array(n));
    this.state = g(this.state, (n) => new Uint8Array(n));
    this.day = g(this.day, (n) => new Int32Array(n));
    this.stall = g(this.stall, (n) => new Uint32Array(n));
    this.sub = g(this.sub, (n) => new Uint32Array(n));
    this.seenFlag = g(this.seenFlag, (n) => new Uint8Array(n));
  }

  add(r: {
    key: string;
    parent?: string;
    stall_id: string;
    sub_mchid: string;
    amount_fen: number;
    state: S;
    at_ms: number;
  }): void {
    if (this.keys.find(r.key) !== undefined)
      throw new Error(`order number ${r.key} twice in the local records`);
    if (this.size >= LOCAL_INDEX_MAX) throw new RangeError(`more than ${LOCAL_INDEX_MAX} local records`);
    if (this.size === this.amount.length) this.grow();
    const i = this.size++;
    if (this.keys.add(r.key) !== i) throw new Error('key table out of step');
    if (r.parent !== undefined) this.parent[i] = r.parent;
    this.amount[i] = r.amount_fen;
    this.atMs[i] = r.at_ms;
    this.state[i] = this.states.indexOf(r.state);
    this.day[i] = shanghaiDayNo(r.at_ms);
    this.stall[i] = this.intern(r.stall_id);
    this.sub[i] = this.intern(r.sub_mchid);
  }

  find(key: string): number | undefined {
    return this.keys.find(key);
  }
  key(i: number): string {
    return this.keys.key(i);
  }
  parentOf(i: number): string {
    return this.parent[i] ?? '';
  }
  amountOf(i: number): number {
    return this.amount[i] ?? 0;
  }
  atOf(i: number): number {
    return this.atMs[i] ?? 0;
  }
  stateOf(i: number): S {
    const s = this.states[this.state[i] ?? 0];
    if (s === undefined) throw new Error('bad state slot');
    return s;
  }
  dayOf(i: number): number {
    return this.day[i] ?? 0;
  }
  stallOf(i: number): string {
    return this.names[this.stall[i] ?? 0] ?? '';
  }
  subOf(i: number): string {
    return this.names[this.sub[i] ?? 0] ?? '';
  }
  markSeen(i: number): boolean {
    const was = this.seenFlag[i] === 1;
    this.seenFlag[i] = 1;
    return was;
  }
  seen(i: number): boolean {
    return this.seenFlag[i] === 1;
  }
}

export const PAY_STATES = ['paid', 'pending', 'ended', 'reversed'] as const;
export const REFUND_STATES = ['pending', 'succeeded', 'failed'] as const;
