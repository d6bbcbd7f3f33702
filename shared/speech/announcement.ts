/**
 * What the till says when a tender ends (语音播报): a wallet phrase, then the
 * amount as spoken tokens (amount-words.ts), or the failure phrase. The
 * answer is a list of clip names; the clips are WAV files in assets/speech/
 * generated once by bin/speech-clips.ts, so the till speaks offline.
 */
import { amountTokens, type AmountToken } from './amount-words';

/** Who took the money: the wallet for QR and payment-code tenders ('qr' when the till does not know which), or cash. */
export type SpokenWallet = 'wechat' | 'alipay' | 'unionpay' | 'qr' | 'cash';

/** The phrases, each one clip; their text is what the clip generator says. */
export const PHRASE_TEXT = {
  wechat: '微信收款',
  alipay: '支付宝收款',
  unionpay: '云闪付收款',
  qr: '扫码收款',
  cash: '现金收款',
  failed: '付款失败，请重新付款',
} as const satisfies Record<SpokenWallet | 'failed', string>;
export type PhraseClip = keyof typeof PHRASE_TEXT;

/** The clip of each amount token, by an ASCII name that is also its file name. */
export const TOKEN_CLIP = {
  零: 'd0',
  一: 'd1',
  二: 'd2',
  三: 'd3',
  四: 'd4',
  五: 'd5',
  六: 'd6',
  七: 'd7',
  八: 'd8',
  九: 'd9',
  十: 'shi',
  百: 'bai',
  千: 'qian',
  万: 'wan',
  亿: 'yi',
  点: 'dian',
  元: 'yuan',
} as const satisfies Record<AmountToken, string>;
export type TokenClip = (typeof TOKEN_CLIP)[AmountToken];
export type ClipName = PhraseClip | TokenClip;

/** Every clip the till may play, with the text it says: the generator's list and the player's preload list. */
export const CLIP_TEXT: Readonly<Record<ClipName, string>> = {
  ...PHRASE_TEXT,
  ...(Object.fromEntries(Object.entries(TOKEN_CLIP).map(([token, clip]) => [clip, token])) as Record<
    TokenClip,
    string
  >),
};
export const CLIP_NAMES = Object.keys(CLIP_TEXT) as ClipName[];

export type SpokenOutcome =
  { status: 'paid'; wallet: SpokenWallet; amount_fen: number } | { status: 'failed' };

/** The clips to play, in order: paid 128.50 by WeChat → wechat d1 bai d2 shi d8 dian d5 yuan. */
export function announcementClips(outcome: SpokenOutcome): ClipName[] {
  if (outcome.status === 'failed') return ['failed'];
  return [outcome.wallet, ...amountTokens(outcome.amount_fen).map((t) => TOKEN_CLIP[t])];
}

/** The same announcement as text, for the screen and for tests: "微信收款一百二十八点五元". */
export function announcementText(outcome: SpokenOutcome): string {
  return announcementClips(outcome)
    .map((c) => CLIP_TEXT[c])
    .join('');
}
