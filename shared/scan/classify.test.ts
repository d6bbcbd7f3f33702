import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyScan, eanCheckDigit, SCAN_LENGTH_MAX, type ScanResult } from './classify';

const kind = (s: string): ScanResult['kind'] => classifyScan(s).kind;

describe('product barcodes: EAN-13 and EAN-8 with their check digit', () => {
  test.each(['6901234567892', '6920152400234', '4006381333931', '6950000000019'])('EAN-13 %s', (code) => {
    expect(classifyScan(code)).toEqual({ kind: 'product', symbology: 'ean13', code });
  });
  test('EAN-8 96385074', () =>
    expect(classifyScan('96385074')).toEqual({ kind: 'product', symbology: 'ean8', code: '96385074' }));
  test.each(['6901234567893', '6920152400230', '96385075'])(
    'a wrong check digit is a misread: %s',
    (code) => {
      const r = classifyScan(code);
      expect(r).toMatchObject({ kind: 'unknown', reason: 'bad_check_digit' });
      expect(r.kind === 'unknown' && r.message).toMatch(/should be \d/);
    },
  );
  test('check digit helper', () => expect(eanCheckDigit('690123456789')).toBe(2));
});

describe('buyer payment codes, by prefix and length (payments.md)', () => {
  test.each([
    ['134567890123456789', 'wechat'],
    ['100000000000000000', 'wechat'],
    ['159999999999999999', 'wechat'],
    ['6225123456789012345', 'unionpay'],
    ['2812345678901234', 'alipay'], // 16 digits
    ['285551234567890123', 'alipay'], // 18
    ['300000000000000000000001', 'alipay'], // 24
    ['250000000000000000', 'alipay'],
  ])('%s → %s', (code, provider) => {
    expect(classifyScan(code)).toEqual({ kind: 'payment_code', provider, code });
  });
  test.each([
    ['164567890123456789', 'WeChat prefix is 10–15'],
    ['13456789012345678', '17 digits'],
    ['1345678901234567890', '19 digits not 62'],
    ['281234567890123', 'Alipay: 15 digits is too short'],
    ['3100000000000000', '31 is no Alipay prefix'],
    ['622512345678901234', 'UnionPay needs 19 digits'],
    ['2400000000000000', '24 is no Alipay prefix'],
  ])('%s is not a payment code (%s)', (code) => {
    expect(classifyScan(code)).toMatchObject({ kind: 'unknown', reason: 'unknown_number' });
  });
});

describe('our own receipts', () => {
  test('pay URL', () => {
    const url = 'https://pay.markettill.example/p/01JXKQ7Z3M-T01-124.eyJhIjo0MzkwfQ.Sig_AbC-123';
    expect(classifyScan(url)).toEqual({
      kind: 'pay_url',
      url,
      host: 'pay.markettill.example',
      token: '01JXKQ7Z3M-T01-124.eyJhIjo0MzkwfQ.Sig_AbC-123',
    });
    expect(classifyScan(url, { payHosts: ['pay.markettill.example'] }).kind).toBe('pay_url');
    expect(classifyScan(url, { payHosts: ['other.example'] })).toMatchObject({
      kind: 'unknown',
      reason: 'foreign_url',
    });
    expect(kind('http://127.0.0.1:8080/p/abcdefgh123')).toBe('pay_url'); // the demo's loopback server
    expect(classifyScan('http://pay.markettill.example/p/abcdefgh123')).toMatchObject({
      kind: 'unknown',
      reason: 'foreign_url',
    });
    expect(classifyScan('https://pay.markettill.example/q/abcdefgh123')).toMatchObject({
      kind: 'unknown',
      reason: 'foreign_url',
    });
    expect(classifyScan('weixin://wxpay/bizpayurl?pr=abc123')).toMatchObject({
      kind: 'unknown',
      reason: 'foreign_url',
    });
  });
  test('receipt number', () => {
    expect(classifyScan('TABC12-20261125-0001')).toEqual({
      kind: 'receipt_no',
      receipt_no: 'TABC12-20261125-0001',
      terminal_id: 'TABC12',
      business_day: '2026-11-25',
      seq: 1,
    });
    expect(classifyScan('tabc12-20261125-0042')).toMatchObject({
      kind: 'receipt_no',
      receipt_no: 'TABC12-20261125-0042',
      seq: 42,
    });
    expect(kind('TABC12-20261131-0001')).toBe('unknown'); // 31 November
    expect(kind('TABC12-20240229-0001')).toBe('receipt_no');
    expect(kind('TABC12-20250229-0001')).toBe('unknown');
  });
});

describe('suffixes, AIM prefixes and garbage', () => {
  test('surrounding whitespace and CR/LF are not part of the code; an AIM identifier is dropped', () => {
    expect(kind('6901234567892\r\n')).toBe('product');
    expect(kind(']E06901234567892')).toBe('product');
    expect(kind(']Q1https://pay.markettill.example/p/abcdefgh123')).toBe('pay_url');
  });
  test.each([
    ['', 'empty'],
    ['   \r\n', 'empty'],
    ['69012\x1b34567892', 'unprintable'],
    ['abc\ufffddef', 'unprintable'],
    ['hello world', 'unrecognised'],
    ['白菜', 'unrecognised'],
    ['1234', 'unknown_number'],
    ['1'.repeat(SCAN_LENGTH_MAX + 1), 'too_long'],
  ])('%j → %s', (input, reason) => {
    const r = classifyScan(input);
    expect(r).toMatchObject({ kind: 'unknown', reason });
    expect(r.kind === 'unknown' && r.text.length).toBeLessThanOrEqual(64);
  });
  test('never throws, always answers one of the kinds (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 700 }), (s) => {
        expect(['product', 'payment_code', 'pay_url', 'receipt_no', 'unknown']).toContain(
          classifyScan(s).kind,
        );
      }),
      { seed: 8, numRuns: 2000 },
    );
  });
});
