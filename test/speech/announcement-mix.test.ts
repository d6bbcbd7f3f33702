/**
 * The shipped speech clips, mixed the way the till plays them (one after the
 * other) into one WAV, and measured: every clip exists in the same format,
 * an announcement lasts as long as speech of its length should, and it is
 * sound, not silence. The mixed file is left in test-artifacts/ to listen to.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { announcementClips, CLIP_NAMES, type ClipName } from '../../shared/speech/announcement';

const SPEECH_DIR = new URL('../../assets/speech/', import.meta.url);
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

interface Pcm {
  rate_hz: number;
  channels: number;
  bits: number;
  samples: Int16Array;
}

function readWav(buf: Buffer): Pcm {
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  let fmt: Omit<Pcm, 'samples'> | null = null;
  for (let at = 12; at + 8 <= buf.length;) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ')
      fmt = {
        channels: buf.readUInt16LE(body + 2),
        rate_hz: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
    if (id === 'data') {
      if (!fmt) throw new Error('data before fmt');
      const copy = Buffer.from(buf.subarray(body, body + size));
      return { ...fmt, samples: new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2) };
    }
    at = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

function writeWav(p: Pcm): Buffer {
  const data = Buffer.from(p.samples.buffer, p.samples.byteOffset, p.samples.byteLength);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(p.channels, 22);
  h.writeUInt32LE(p.rate_hz, 24);
  h.writeUInt32LE((p.rate_hz * p.channels * p.bits) / 8, 28);
  h.writeUInt16LE((p.channels * p.bits) / 8, 32);
  h.writeUInt16LE(p.bits, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

const clip = (name: ClipName): Pcm => readWav(readFileSync(new URL(`${name}.wav`, SPEECH_DIR)));

function mix(names: readonly ClipName[]): Pcm {
  const parts = names.map(clip);
  const total = parts.reduce((n, p) => n + p.samples.length, 0);
  const samples = new Int16Array(total);
  let at = 0;
  for (const p of parts) {
    samples.set(p.samples, at);
    at += p.samples.length;
  }
  return { ...parts[0]!, samples };
}

/** Root mean square over the whole signal, as a fraction of full scale. */
const rms = (s: Int16Array): number => Math.sqrt(s.reduce((sum, v) => sum + v * v, 0) / s.length) / 32768;

describe('speech clips in assets/speech', () => {
  test('every clip the till may play is there, mono 11,025 Hz 16-bit, short and not silent', () => {
    for (const name of CLIP_NAMES) {
      const p = clip(name);
      expect({ name, rate: p.rate_hz, channels: p.channels, bits: p.bits }).toEqual({
        name,
        rate: 11_025,
        channels: 1,
        bits: 16,
      });
      const seconds = p.samples.length / p.rate_hz;
      expect(seconds, name).toBeGreaterThan(0.1);
      expect(seconds, name).toBeLessThan(4);
      expect(rms(p.samples), name).toBeGreaterThan(0.02);
    }
  });

  test('"微信收款一百二十八点五元" mixed to one WAV: 2–6 s long, speech-loud throughout', () => {
    const names = announcementClips({ status: 'paid', wallet: 'wechat', amount_fen: 12850 });
    expect(names).toEqual(['wechat', 'd1', 'bai', 'd2', 'shi', 'd8', 'dian', 'd5', 'yuan']);
    const mixed = mix(names);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'announcement-wechat-12850.wav');
    writeFileSync(file, writeWav(mixed));
    const back = readWav(readFileSync(file));
    const seconds = back.samples.length / back.rate_hz;
    console.log(`mixed announcement: ${file}, ${seconds.toFixed(2)} s, rms ${rms(back.samples).toFixed(3)}`);
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(6);
    expect(rms(back.samples)).toBeGreaterThan(0.05);
    // No stretch of a quarter second is silent: the clips join without holes.
    const window = Math.round(back.rate_hz / 4);
    for (let at = 0; at + window <= back.samples.length; at += window) {
      expect(
        rms(back.samples.subarray(at, at + window)),
        `window at ${(at / back.rate_hz).toFixed(2)} s`,
      ).toBeGreaterThan(0.005);
    }
  });
});
