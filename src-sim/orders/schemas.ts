import { z } from 'zod';

/** 6–32 of [0-9A-Za-z_-|*], unique per sub-merchant (WeChat). */
export const OUT_TRADE_NO = z
  .string()
  .regex(/^[0-9A-Za-z_\-|*]{6,32}$/, 'out_trade_no 须为6-32位字母数字或_-|*');
/** Largest single order this institution accepts on the wallet rails (larger goes to the B2B gateway). */
export const MAX_ORDER_FEN = 10_000_000_000;
const AMOUNT = z.object({
  total: z.number().int().min(1).max(MAX_ORDER_FEN),
  currency: z.literal('CNY').optional(),
});
const MCHID = z.string().regex(/^\d{8,12}$/);

const base = {
  sp_appid: z.string().max(32).optional(),
  sp_mchid: MCHID,
  sub_appid: z.string().max(32).optional(),
  sub_mchid: MCHID,
  description: z.string().min(1).max(127),
  out_trade_no: OUT_TRADE_NO,
  attach: z.string().max(128).optional(),
  amount: AMOUNT,
  settle_info: z.object({ profit_sharing: z.boolean().optional() }).optional(),
  goods_tag: z.string().max(32).optional(),
};

export const PrepayBody = z.object({
  ...base,
  time_expire: z.string().optional(),
  notify_url: z.string().url().max(256),
  payer: z
    .object({ sp_openid: z.string().max(128).optional(), sub_openid: z.string().max(128).optional() })
    .optional(),
  scene_info: z
    .object({
      payer_client_ip: z.string().max(45).optional(),
      device_id: z.string().max(32).optional(),
      h5_info: z.object({ type: z.string().max(32) }).optional(),
      store_info: z.object({ out_id: z.string().max(32) }).optional(),
    })
    .optional(),
});
export type PrepayBody = z.infer<typeof PrepayBody>;

export const CodepayBody = z.object({
  ...base,
  payer: z.object({ auth_code: z.string().min(1).max(32) }),
  scene_info: z
    .object({
      device_id: z.string().max(32).optional(),
      store_info: z.object({ out_id: z.string().max(32) }).optional(),
    })
    .optional(),
});
export type CodepayBody = z.infer<typeof CodepayBody>;

export const MchBody = z.object({ sp_mchid: MCHID, sub_mchid: MCHID });
export const MchQuery = z.object({ sp_mchid: MCHID, sub_mchid: MCHID });
