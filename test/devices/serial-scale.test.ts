/** Serial scales over real socat pty pairs: only confirmed stable weights count; noise, unstable and malformed frames never do. */
import type { SerialPort } from 'serialport';
import { afterEach, expect, test } from 'vitest';
import { aclasFrame } from '../../src-main/devices/scale/framers';
import { SerialScale, type ScaleNow } from '../../src-main/devices/scale/serial-scale';
import { until } from './queue-helpers';
import { closePort, openDevice, ptyPair, send, type PtyPair } from './socat';

let pair: PtyPair | null = null;
let device: SerialPort | null = null;
let scale: SerialScale | null = null;
afterEach(async () => {
  await scale?.stop();
  if (device) await closePort(device);
  await pair?.close();
  pair = device = scale = null;
});

async function setUp(protocol: 'st-gs-line' | 'aclas-os2x') {
  pair = await ptyPair();
  const weights: number[] = [];
  const changes: ScaleNow['state'][] = [];
  const bad: string[] = [];
  scale = new SerialScale(
    { path: pair.a, protocol },
    {
      onWeight: (w) => weights.push(w.weight_g),
      onChange: (n) => changes.push(n.state),
      onBadFrame: (r) => bad.push(r),
    },
  );
  scale.start();
  await until(() => scale!.state.state === 'open', 3000, 'scale open');
  device = await openDevice(pair.b);
  return { weights, changes, bad, dev: device };
}

test('ST,GS line scale: unstable frames, noise and malformed lines are ignored; a weight counts once two stable frames agree', async () => {
  const { weights, changes, bad, dev } = await setUp('st-gs-line');
  await send(dev, 'US,GS,+0000.800kg\r\nUS,GS,+0001.240kg\r\n\x00\x13garbage##\r\nST,GS,+0001.250kg\r\n');
  await until(() => changes.includes('unstable') && bad.length > 0, 3000, 'unstable and bad');
  await new Promise((r) => setTimeout(r, 50));
  expect(weights).toEqual([]); // one stable frame is not yet a weight
  await send(dev, 'ST,GS,+0001.250kg\r\nST,GS,+0001.250kg\r\nST,GS,+0001.2');
  await until(() => weights.length === 1, 3000, 'stable weight');
  expect(weights).toEqual([1250]);
  expect(scale!.current()).toMatchObject({ state: 'stable', weight_g: 1250, net: false });
  await send(dev, '50kg\r\nUS,GS,+0002.100kg\r\n');
  await until(() => scale!.current().state === 'unstable', 3000, 'moving again');
  await send(dev, 'OL,GS,+9999.999kg\r\n');
  await until(() => scale!.current().state === 'overload', 3000, 'overload');
  expect(weights).toEqual([1250]);
  expect(scale!.canTare).toBe(false);
  await expect(scale!.tare()).rejects.toThrow(/no tare command/);
});

test('Aclas OS2X scale: checksummed frames with noise between them; zero and tare go to the scale', async () => {
  const { weights, bad, dev } = await setUp('aclas-os2x');
  const corrupt = aclasFrame('S', '9.999');
  corrupt[12] = corrupt[12]! ^ 0xff;
  const received: number[] = [];
  dev.on('data', (d: Buffer) => received.push(...d));
  await send(
    dev,
    Uint8Array.from([
      ...aclasFrame('U', '0.480'),
      0x20,
      0x7f,
      ...corrupt,
      ...aclasFrame('S', '0.500'),
      0x00,
      ...aclasFrame('S', '0.500'),
      ...aclasFrame('S', '0.500'),
    ]),
  );
  await until(() => weights.length === 1, 3000, 'stable weight');
  expect(weights).toEqual([500]);
  expect(bad).toContain('checksum mismatch');
  await scale!.zero();
  await scale!.tare();
  await until(() => received.length >= 10, 3000, 'commands at the scale');
  expect(Buffer.from(received).toString('latin1')).toBe('<ZK>\t<TK>\t');
});

test('a scale that stops sending is no_data after staleMs', async () => {
  pair = await ptyPair();
  scale = new SerialScale({ path: pair.a, protocol: 'st-gs-line', staleMs: 100 });
  scale.start();
  await until(() => scale!.state.state === 'open', 3000, 'open');
  device = await openDevice(pair.b);
  await send(device, 'ST,GS,+0001.000kg\r\nST,GS,+0001.000kg\r\n');
  await until(() => scale!.current().state === 'stable', 3000, 'stable');
  await new Promise((r) => setTimeout(r, 150));
  expect(scale.current()).toEqual({ state: 'no_data' });
});
