import net from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { connectTcp } from './transport-tcp';

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  // A server socket that never reads never sees the client's FIN: destroy it, or close() waits forever.
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(onSocket: (s: net.Socket) => void): Promise<number> {
  const server = net.createServer((s) => {
    sockets.add(s);
    onSocket(s);
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

test('write resolves after the bytes are out; query reads exactly one reply byte', async () => {
  const received: number[] = [];
  const port = await listen((s) =>
    s.on('data', (d: Buffer) => {
      received.push(...d);
      if (d.includes(0x04)) s.write(Uint8Array.of(0x12, 0x99)); // reply plus a stray byte
    }),
  );
  const t = await connectTcp({ host: '127.0.0.1', port });
  await t.write(Uint8Array.of(0x1b, 0x40));
  expect(await t.query(1, 500)).toBe(0x12);
  // the stray byte from before the question is not taken as the next answer
  expect(await t.query(4, 500)).toBe(0x12);
  await t.close();
  expect(received.slice(0, 5)).toEqual([0x1b, 0x40, 0x10, 0x04, 0x01]);
});

test('query resolves null when nothing answers in time', async () => {
  const port = await listen(() => {});
  const t = await connectTcp({ host: '127.0.0.1', port });
  const started = Date.now();
  expect(await t.query(1, 100)).toBeNull();
  expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  await t.close();
});

test('connection refused → printer_offline', async () => {
  const port = await listen(() => {});
  await new Promise((r) => servers.pop()?.close(r));
  await expect(connectTcp({ host: '127.0.0.1', port })).rejects.toMatchObject({
    name: 'PrinterError',
    code: 'printer_offline',
  });
});

test('a printer that hangs up mid-job → write_failed', async () => {
  const port = await listen((s) => s.on('data', () => s.destroy()));
  const t = await connectTcp({ host: '127.0.0.1', port, writeTimeoutMs: 2000 });
  const big = new Uint8Array(8 * 1024 * 1024);
  await expect(
    (async () => {
      for (let i = 0; i < 20; i++) await t.write(big);
    })(),
  ).rejects.toMatchObject({ code: 'write_failed' });
  await t.close();
});

test('a printer that stops reading (paper out mid-job) → write_failed after the write timeout', async () => {
  const port = await listen((s) => s.pause());
  const t = await connectTcp({ host: '127.0.0.1', port, writeTimeoutMs: 300 });
  await expect(t.write(new Uint8Array(64 * 1024 * 1024))).rejects.toMatchObject({ code: 'write_failed' });
  await t.close();
});
