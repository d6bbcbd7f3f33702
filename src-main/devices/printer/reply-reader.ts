/**
 * Collects the bytes a printer sends back and hands out one status reply at a
 * time, with a timeout. Shared by the transports that can read (TCP, serial).
 */

/** Stray bytes kept at most (an ASB burst, noise); older ones are dropped. */
const BUFFER_BYTES_MAX = 64;

export class ReplyReader {
  private buf: number[] = [];
  private waiter: ((b: number | null) => void) | null = null;
  private ended = false;

  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      const w = this.waiter;
      if (w !== null) {
        this.waiter = null;
        w(b);
      } else {
        this.buf.push(b);
        if (this.buf.length > BUFFER_BYTES_MAX) this.buf.shift();
      }
    }
  }

  /** Forget bytes that arrived before the question we are about to ask. */
  clear(): void {
    this.buf = [];
  }

  /** No more bytes will come (connection closed): answer any waiter with null. */
  end(): void {
    this.ended = true;
    const w = this.waiter;
    this.waiter = null;
    w?.(null);
  }

  read(timeoutMs: number): Promise<number | null> {
    const b = this.buf.shift();
    if (b !== undefined) return Promise.resolve(b);
    if (this.ended) return Promise.resolve(null);
    if (this.waiter !== null) throw new Error('ReplyReader: one read at a time');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(null);
      }, timeoutMs);
      this.waiter = (v) => {
        clearTimeout(timer);
        resolve(v);
      };
    });
  }
}

/** Runs async steps one after another, so two status queries never interleave. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(step: () => Promise<T>): Promise<T> {
    const next = this.tail.then(step, step);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
