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

/**
 * A printer answers two kinds of question on the same line: DLE EOT n replies
 * always have bit 4 set ((b & 0x93) === 0x12), GS r 1 replies (paper sensor
 * status, sent only once the job before it was processed) never do (bit 4 is
 * fixed 0, Epson GS r). Routing by that bit lets the driver wait for a job's
 * GS r reply while it polls DLE EOT on the same connection.
 */
export class PrinterReplies {
  readonly status = new ReplyReader();
  readonly transmit = new ReplyReader();

  push(chunk: Uint8Array): void {
    for (const b of chunk) (b & 0x10 ? this.status : this.transmit).push(Uint8Array.of(b));
  }

  end(): void {
    this.status.end();
    this.transmit.end();
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
