/**
 * A real pty pair from socat (hardware.md §3): the code under test opens
 * `a`, the test plays the device on `b`. Stable paths through link=.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SerialPort } from 'serialport';

export interface PtyPair {
  /** the till's end */
  a: string;
  /** the device's end */
  b: string;
  close(): Promise<void>;
}

/** `at`: the same link paths again (a device plugged back in); they must not exist now. close() removes their folder. */
export async function ptyPair(at?: { a: string; b: string }): Promise<PtyPair> {
  const dir = at ? dirname(at.a) : mkdtempSync(join(tmpdir(), 'mt-pty-'));
  mkdirSync(dir, { recursive: true });
  const a = at?.a ?? join(dir, 'a');
  const b = at?.b ?? join(dir, 'b');
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
    { stdio: 'ignore' },
  );
  const start = Date.now();
  while (!existsSync(a) || !existsSync(b)) {
    if (Date.now() - start > 5000) {
      child.kill();
      throw new Error('socat did not create the pty pair within 5 s');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    a,
    b,
    close: () =>
      new Promise((resolve) => {
        const done = (): void => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill();
      }),
  };
}

/** Opens the device's end of the pair. */
export async function openDevice(path: string, baudRate = 9600): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  return port;
}

export function send(port: SerialPort, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    port.drain((err) => (err ? reject(err) : resolve()));
  });
}

export function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
}
