import { expect, test } from 'vitest';
import { parsePrinterSpec } from './spec';

test.each([
  ['tcp://192.168.1.50', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
  ['tcp://printer.local:9101', { kind: 'tcp', host: 'printer.local', port: 9101 }],
  ['tcp://[::1]:9100', { kind: 'tcp', host: '::1', port: 9100 }],
  ['serial:/dev/ttyUSB0', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }],
  ['serial:COM3?baud=115200', { kind: 'serial', path: 'COM3', baudRate: 115200 }],
  ['file:/dev/usb/lp0', { kind: 'file', path: '/dev/usb/lp0' }],
])('%s', (spec, parsed) => {
  expect(parsePrinterSpec(spec)).toEqual(parsed);
});

test.each([
  '',
  'tcp://',
  'tcp://host:0',
  'tcp://host:70000',
  'http://host',
  'serial:/dev/ttyS0?baud=12345',
  'file:relative/lp0',
  'usb:lp0',
])('refuses %j', (spec) => {
  expect(parsePrinterSpec(spec)).toBeNull();
});
