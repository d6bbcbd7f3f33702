import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_SHAPE, channelFromUserAgent, classifyAuthCode, type Channel } from './classify';

describe('payment code classification', () => {
  it.each([
    ['134567890123456789', 'WECHAT'],
    ['104567890123456789', 'WECHAT'],
    ['154567890123456789', 'WECHAT'],
    ['2812345678901234', 'ALIPAY'],
    ['301234567890123456789012', 'ALIPAY'],
    ['25123456789012345678', 'ALIPAY'],
    ['6212345678901234567', 'UNIONPAY'],
  ] as const)('%s is %s', (code, channel) => {
    expect(classifyAuthCode(code)).toBe(channel);
  });

  it.each([
    ['164567890123456789', 'prefix 16 is nobody'],
    ['13456789012345678', 'WeChat needs 18 digits'],
    ['1345678901234567890', 'WeChat 19 digits'],
    ['281234567890123', 'Alipay needs at least 16'],
    ['3012345678901234567890123', 'Alipay at most 24'],
    ['621234567890123456', 'UnionPay needs 19'],
    ['24123456789012345678', 'prefix 24 is nobody'],
    ['13456789012345678a', 'digits only'],
    ['', 'empty'],
  ])('%s is refused (%s)', (code) => {
    expect(classifyAuthCode(code)).toBeNull();
  });

  it('every code shape it issues classifies back to its channel', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Channel>('WECHAT', 'ALIPAY', 'UNIONPAY'),
        fc.nat(),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }),
        (ch, p, ds) => {
          const shape = CODE_SHAPE[ch];
          const prefix = shape.prefixes[p % shape.prefixes.length] ?? '';
          const code = prefix + ds.join('').slice(0, shape.length - prefix.length);
          expect(classifyAuthCode(code)).toBe(ch);
        },
      ),
    );
  });

  it('routes by User-Agent, Alipay first', () => {
    expect(channelFromUserAgent('Mozilla/5.0 (iPhone) MicroMessenger/8.0.47')).toBe('WECHAT');
    expect(channelFromUserAgent('Mozilla/5.0 AlipayClient/10.5.0 MicroMessenger')).toBe('ALIPAY');
    expect(channelFromUserAgent('Mozilla/5.0 (Linux) UnionPay/1.0 CloudPay')).toBe('UNIONPAY');
    expect(channelFromUserAgent('Mozilla/5.0 Safari')).toBeNull();
    expect(channelFromUserAgent(undefined)).toBeNull();
  });
});
