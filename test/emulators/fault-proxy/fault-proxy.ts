/**
 * A TCP proxy between a terminal and the server on 127.0.0.1 that injects
 * network faults per HTTP request: drop the connection before the request
 * reaches the server, after the server got it but before the answer, in the
 * middle of the answer; delay; or blackhole (swallow it, never answer). `hold_answer`, outside the
 * random mix of FAULTS, lets the request reach the server and keeps its answer from the client (which
 * waits): a test can kill the client between the server's commit and its answer.
 */
import net from 'node:net';
import { startsEventStream, takeMessage } from './http-framing';

export const FAULTS = [
  'none',
  'drop_before_request',
  'drop_after_request',
  'drop_mid_response',
  'delay',
  'blackhole',
] as const;
export type Fault = (typeof FAULTS)[number] | 'hold_answer';

export interface FaultProxy {
  port: number;
  url: string;
  /** how many requests met each fault */
  counts: Record<Fault, number>;
  /** answers the server gave that `hold_answer` kept from the client */
  held: number;
  /** chooses the fault for each request (default: none) */
  setPolicy(choose: () => Fault): void;
  /** refuse every new connection, as if the network were down */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export const DELAY_MS = 150;

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let choose: () => Fault = () => 'none';
  let down = false;
  const counts = Object.fromEntries([...FAULTS, 'hold_answer'].map((f) => [f, 0])) as Record<Fault, number>;
  let held = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    sockets.add(client);
    if (down) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    let inbuf: Buffer = Buffer.alloc(0);
    let outbuf: Buffer = Buffer.alloc(0);
    // Faults decided per request, applied to that request's answer, in order.
    const pending: Fault[] = [];
    let dead = false;
    const kill = (): void => {
      dead = true;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => kill());
    upstream.on('error', () => kill());

    client.on('data', (chunk: Buffer) => {
      inbuf = Buffer.concat([inbuf, chunk]);
      for (let f = takeMessage(inbuf); f && !dead; f = takeMessage(inbuf)) {
        inbuf = f.rest;
        const fault = choose();
        counts[fault]++;
        if (fault === 'drop_before_request') return kill();
        if (fault === 'blackhole') {
          client.pause();
          return; // swallowed: the client's own timeout must save it
        }
        pending.push(fault);
        if (fault === 'delay') {
          const msg = f.message;
          setTimeout(() => !dead && upstream.write(msg), DELAY_MS);
        } else upstream.write(f.message);
      }
    });

    // Applies the request's fault to its answer; false when the connection was killed.
    const answer = (message: Buffer): boolean => {
      const fault = pending.shift() ?? 'none';
      if (fault === 'hold_answer') {
        held++;
        dead = true; // nothing more flows; the client waits for an answer that never comes
        return false;
      }
      if (fault === 'drop_mid_response')
        client.write(message.subarray(0, Math.max(1, Math.floor(message.length / 2))));
      if (fault === 'drop_after_request' || fault === 'drop_mid_response') {
        kill();
        return false;
      }
      client.write(message);
      return true;
    };
    let streaming = false;
    upstream.on('data', (chunk: Buffer) => {
      if (streaming) return void client.write(chunk);
      outbuf = Buffer.concat([outbuf, chunk]);
      while (!dead) {
        // An event stream never ends: its head takes the fault, then the connection flows through.
        if (startsEventStream(outbuf)) return void (streaming = answer(outbuf));
        const m = takeMessage(outbuf);
        if (!m) return;
        outbuf = m.rest;
        if (!answer(m.message)) return;
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    counts,
    get held() {
      return held;
    },
    setPolicy: (c) => void (choose = c),
    setDown: (d) => {
      down = d;
      if (d) for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
