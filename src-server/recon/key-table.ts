/**
 * An order-number → slot table that holds a million keys in a few tens of
 * MB: keys are ASCII (WeChat order and refund numbers are [0-9A-Za-z_-|*]),
 * kept as bytes in one growing buffer, found by open addressing over an
 * Int32Array with FNV-1a hashes. A Map of a million strings costs ~250 MB
 * and seconds of garbage collection on this machine; this costs ~40 MB.
 * Non-ASCII keys (never seen from a real institution) go to a plain Map.
 */
function fnv1a(s: string): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

export class KeyTable {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private start = new Uint32Array(1024);
  private len = new Uint16Array(1024);
  private hashes = new Uint32Array(1024);
  private table = new Int32Array(2048).fill(-1);
  private readonly odd = new Map<string, number>();
  size = 0;

  private same(slot: number, key: string): boolean {
    if (this.len[slot] !== key.length) return false;
    const at = this.start[slot] ?? 0;
    for (let i = 0; i < key.length; i++) if (this.bytes[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  find(key: string): number | undefined {
    if (!ascii(key)) return this.odd.get(key);
    const mask = this.table.length - 1;
    for (let p = fnv1a(key) & mask; ; p = (p + 1) & mask) {
      const s = this.table[p] ?? -1;
      if (s === -1) return undefined;
      if (this.same(s, key)) return s;
    }
  }

  /** Adds a key and answers its slot (0, 1, 2 … in insertion order). */
  add(key: string): number {
    const slot = this.size++;
    this.room(slot, key.length);
    this.start[slot] = this.used;
    if (!ascii(key) || key.length > 0xffff) {
      this.odd.set(key, slot);
      return slot;
    }
    for (let i = 0; i < key.length; i++) this.bytes[this.used + i] = key.charCodeAt(i);
    this.used += key.length;
    this.len[slot] = key.length;
    const h = fnv1a(key);
    this.hashes[slot] = h;
    if (this.size * 2 > this.table.length) this.rehash();
    else this.place(slot, h);
    return slot;
  }

  key(slot: number): string {
    const at = this.start[slot] ?? 0;
    const n = this.len[slot] ?? 0;
    if (n === 0) for (const [k, v] of this.odd) if (v === slot) return k;
    return String.fromCharCode(...this.bytes.subarray(at, at + n));
  }

  private place(slot: number, h: number): void {
    const mask = this.table.length - 1;
    let p = h & mask;
    while (this.table[p] !== -1) p = (p + 1) & mask;
    this.table[p] = slot;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    for (let s = 0; s < this.size; s++) if ((this.len[s] ?? 0) > 0) this.place(s, this.hashes[s] ?? 0);
  }

  private room(slot: number, chars: number): void {
    if (slot >= this.start.length) {
      const n = this.start.length * 2;
      const s = new Uint32Array(n);
      s.set(this.start);
      this.start = s;
      const l = new Uint16Array(n);
      l.set(this.len);
      this.len = l;
      const h = new Uint32Array(n);
      h.set(this.hashes);
      this.hashes = h;
    }
    if (this.used + chars > this.bytes.length) {
      const b = new Uint8Array(Math.max(this.bytes.length * 2, this.used + chars));
      b.set(this.bytes);
      this.bytes = b;
    }
  }
}
