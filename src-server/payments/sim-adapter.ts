/**
 * The simulator adapter: the institution port over WeChat Pay API v3 in
 * service-provider (partner) mode. Every request is signed with the market's
 * merchant API key and every answer's signature is checked with the platform
 * key before it is believed; an answer that does not verify counts as no answer.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { InstitutionSettings } from './config';
import type {
  CodepayOutcome,
  InstResult,
  Institution,
  NotificationVerdict,
  RefundView,
  ReturnView,
  SplitView,
  Transaction,
} from './institution';
import { parseNotification, toTransaction, txSchema } from './notification';
import {
  authorization,
  merchantKey,
  platformKey,
  verifySignature,
  type MerchantKey,
  type PlatformKey,
} from './wechat-v3';

export const INSTITUTION_TIMEOUT_MS = 10_000;
const UNKNOWN_CODES = new Set(['SYSTEM_ERROR', 'BANKERROR', 'FREQUENCY_LIMITED']);

const refundSchema = z.object({
  out_refund_no: z.string(),
  refund_id: z.string(),
  status: z.enum(['PROCESSING', 'SUCCESS', 'ABNORMAL', 'CLOSED']),
  amount: z.object({ refund: z.number().int(), refund_fee: z.number().int().nonnegative().optional() }),
});
const splitSchema = z.object({
  out_order_no: z.string(),
  state: z.enum(['PROCESSING', 'FINISHED']),
  receivers: z.array(
    z.object({
      account: z.string(),
      amount: z.number().int(),
      result: z.enum(['PENDING', 'SUCCESS', 'CLOSED']),
      fail_reason: z.string().optional(),
    }),
  ),
});
const returnSchema = z.object({
  out_return_no: z.string(),
  result: z.enum(['PROCESSING', 'SUCCESS', 'FAILED']),
});
const errorSchema = z.object({ code: z.string(), message: z.string() });

const toRefund = (r: z.infer<typeof refundSchema>): RefundView => ({
  out_refund_no: r.out_refund_no,
  refund_id: r.refund_id,
  status: r.status,
  amount_fen: r.amount.refund,
  refund_fee_fen: r.amount.refund_fee ?? 0,
});
const toSplit = (s: z.infer<typeof splitSchema>): SplitView => ({
  out_order_no: s.out_order_no,
  state: s.state,
  receivers: s.receivers.map((r) => ({
    account: r.account,
    amount_fen: r.amount,
    result: r.result,
    fail_reason: r.fail_reason ?? null,
  })),
});

export class SimInstitution implements Institution {
  readonly id: string;
  readonly market_account: string;
  private readonly key: MerchantKey;
  private readonly platform: PlatformKey;
  private readonly apiV3Key: Buffer;
  private readonly base: string;
  /** sub-merchants known to have the market as a receiver */
  private readonly receivers = new Set<string>();
  /** the institution's clock less ours, from the HTTP Date of its last signed answer (whole seconds: up to 1 s behind) */
  private offsetMs: number | null = null;

  constructor(
    private readonly s: InstitutionSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.id = s.id;
    this.market_account = s.sp_mchid;
    this.key = merchantKey(
      s.merchant_api.mchid,
      s.merchant_api.serial_no,
      readFileSync(s.merchant_api.private_key_file, 'utf8'),
    );
    this.platform = platformKey(s.platform_public_key_id, s.platform_public_key_pem);
    this.apiV3Key = Buffer.from(s.api_v3_key, 'utf8');
    this.base = s.base_url.replace(/\/+$/, '');
  }

  /** One signed call; the answer is parsed only after its signature verifies. */
  private async call<T>(
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<InstResult<T>> {
    const text = body === undefined ? '' : JSON.stringify(body);
    let res: Response;
    let raw: string;
    try {
      res = await fetch(this.base + url, {
        method,
        headers: {
          Authorization: authorization(this.key, method, url, text, this.now()),
          Accept: 'application/json',
          ...(text ? { 'Content-Type': 'application/json' } : {}),
        },
        body: text || undefined,
        signal: AbortSignal.timeout(INSTITUTION_TIMEOUT_MS),
      });
      raw = await res.text();
    } catch (err) {
      return { kind: 'unknown', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
    const v = verifySignature(this.platform, (n) => res.headers.get(n) ?? undefined, raw, this.now());
    if (!v.ok) return { kind: 'unknown', message: `answer to ${method} ${url} refused: ${v.reason}` };
    const date = Date.parse(res.headers.get('date') ?? '');
    if (Number.isSafeInteger(date)) this.offsetMs = date - this.now();
    let json: unknown = null;
    try {
      json = raw === '' ? null : JSON.parse(raw);
    } catch {
      return { kind: 'unknown', message: `answer to ${url} is not JSON` };
    }
    if (res.status >= 400) {
      const e = errorSchema.safeParse(json);
      const code = e.success ? e.data.code : `HTTP_${res.status}`;
      const message = e.success ? e.data.message : raw.slice(0, 200);
      if (res.status >= 500 || UNKNOWN_CODES.has(code))
        return { kind: 'unknown', message: `${code}: ${message}` };
      return { kind: 'refused', status: res.status, code, message };
    }
    const p = schema.safeParse(json);
    if (!p.success) return { kind: 'unknown', message: `answer to ${url} has an unexpected shape` };
    return { kind: 'ok', value: p.data };
  }

  private map<A, B>(r: InstResult<A>, f: (a: A) => B): InstResult<B> {
    return r.kind === 'ok' ? { kind: 'ok', value: f(r.value) } : r;
  }

  private base_fields(sub: string) {
    return { sp_appid: this.s.sp_appid, sp_mchid: this.s.sp_mchid, sub_mchid: sub };
  }

  async prepay(r: Parameters<Institution['prepay']>[0]): Promise<InstResult<{ pay_url: string }>> {
    const body = {
      ...this.base_fields(r.sub_mchid),
      description: r.description,
      out_trade_no: r.out_trade_no,
      time_expire: new Date(Math.floor(r.expires_ms / 60_000) * 60_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, '+00:00'),
      notify_url: r.notify_url,
      amount: { total: r.amount_fen, currency: 'CNY' },
      settle_info: { profit_sharing: true },
      scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
    };
    return this.map(
      await this.call(
        'POST',
        '/v3/pay/partner/transactions/h5',
        body,
        z.object({ h5_url: z.string().url() }),
      ),
      (v) => ({ pay_url: v.h5_url }),
    );
  }

  /** The simulator's † `POST /v3/pay/b2b/gateway` (body as native) → the 企业网银 page. */
  async gatewayPrepay(
    r: Parameters<Institution['gatewayPrepay']>[0],
  ): Promise<InstResult<{ pay_url: string }>> {
    const body = {
      ...this.base_fields(r.sub_mchid),
      description: r.description,
      out_trade_no: r.out_trade_no,
      notify_url: r.notify_url,
      amount: { total: r.amount_fen, currency: 'CNY' },
      settle_info: { profit_sharing: true },
    };
    return this.call('POST', '/v3/pay/b2b/gateway', body, z.object({ pay_url: z.string().url() }));
  }

  async codepay(r: Parameters<Institution['codepay']>[0]): Promise<InstResult<CodepayOutcome>> {
    const body = {
      ...this.base_fields(r.sub_mchid),
      description: r.description,
      out_trade_no: r.out_trade_no,
      payer: { auth_code: r.auth_code },
      amount: { total: r.amount_fen, currency: 'CNY' },
      settle_info: { profit_sharing: true },
      scene_info: { store_info: { out_id: r.store_id.slice(0, 32) } },
    };
    const ans = await this.call(
      'POST',
      '/v3/pay/partner/transactions/codepay',
      body,
      z.union([txSchema, z.object({ trade_state: z.literal('USERPAYING') })]),
    );
    return this.map(ans, (v): CodepayOutcome =>
      'out_trade_no' in v && v.trade_state === 'SUCCESS'
        ? { state: 'paid', tx: toTransaction(v) }
        : { state: 'userpaying' },
    );
  }

  private q(sub: string): string {
    return `sp_mchid=${this.s.sp_mchid}&sub_mchid=${sub}`;
  }

  async query(sub: string, no: string): Promise<InstResult<Transaction>> {
    return this.map(
      await this.call(
        'GET',
        `/v3/pay/partner/transactions/out-trade-no/${encodeURIComponent(no)}?${this.q(sub)}`,
        undefined,
        txSchema,
      ),
      toTransaction,
    );
  }

  async reverse(sub: string, no: string): Promise<InstResult<void>> {
    return this.map(
      await this.call(
        'POST',
        `/v3/pay/partner/transactions/out-trade-no/${encodeURIComponent(no)}/reverse`,
        { sp_mchid: this.s.sp_mchid, sub_mchid: sub },
        z.unknown(),
      ),
      () => undefined,
    );
  }

  async close(sub: string, no: string): Promise<InstResult<void>> {
    return this.map(
      await this.call(
        'POST',
        `/v3/pay/partner/transactions/out-trade-no/${encodeURIComponent(no)}/close`,
        { sp_mchid: this.s.sp_mchid, sub_mchid: sub },
        z.unknown(),
      ),
      () => undefined,
    );
  }

  async refund(r: Parameters<Institution['refund']>[0]): Promise<InstResult<RefundView>> {
    const body = {
      sub_mchid: r.sub_mchid,
      out_trade_no: r.out_trade_no,
      out_refund_no: r.out_refund_no,
      reason: r.reason.slice(0, 80) || undefined,
      notify_url: r.notify_url,
      amount: { refund: r.amount_fen, total: r.total_fen, currency: 'CNY' },
    };
    return this.map(await this.call('POST', '/v3/refund/domestic/refunds', body, refundSchema), toRefund);
  }

  async queryRefund(sub: string, no: string): Promise<InstResult<RefundView>> {
    return this.map(
      await this.call(
        'GET',
        `/v3/refund/domestic/refunds/${encodeURIComponent(no)}?sub_mchid=${sub}`,
        undefined,
        refundSchema,
      ),
      toRefund,
    );
  }

  async addReceiver(sub: string, account: string): Promise<InstResult<void>> {
    const key = `${sub}:${account}`;
    if (this.receivers.has(key)) return { kind: 'ok', value: undefined };
    const r = await this.call(
      'POST',
      '/v3/profitsharing/receivers/add',
      {
        sub_mchid: sub,
        appid: this.s.sp_appid,
        type: 'MERCHANT_ID',
        account,
        relation_type: 'SERVICE_PROVIDER',
      },
      z.unknown(),
    );
    if (r.kind === 'ok') this.receivers.add(key);
    return this.map(r, () => undefined);
  }

  async unsplitAmount(sub: string, transactionId: string): Promise<InstResult<number>> {
    return this.map(
      await this.call(
        'GET',
        `/v3/profitsharing/transactions/${encodeURIComponent(transactionId)}/amounts?sub_mchid=${sub}`,
        undefined,
        z.object({ unsplit_amount: z.number().int() }),
      ),
      (v) => v.unsplit_amount,
    );
  }

  async split(r: Parameters<Institution['split']>[0]): Promise<InstResult<SplitView>> {
    const body = {
      sub_mchid: r.sub_mchid,
      appid: this.s.sp_appid,
      transaction_id: r.transaction_id,
      out_order_no: r.out_order_no,
      receivers: r.receivers.map((x) => ({
        type: 'MERCHANT_ID',
        account: x.account,
        amount: x.amount_fen,
        description: x.description,
      })),
      unfreeze_unsplit: r.unfreeze_unsplit,
    };
    return this.map(await this.call('POST', '/v3/profitsharing/orders', body, splitSchema), toSplit);
  }

  async querySplit(sub: string, no: string, transactionId: string): Promise<InstResult<SplitView>> {
    return this.map(
      await this.call(
        'GET',
        `/v3/profitsharing/orders/${encodeURIComponent(no)}?sub_mchid=${sub}&transaction_id=${encodeURIComponent(transactionId)}`,
        undefined,
        splitSchema,
      ),
      toSplit,
    );
  }

  async unfreeze(sub: string, transactionId: string, no: string): Promise<InstResult<SplitView>> {
    return this.map(
      await this.call(
        'POST',
        '/v3/profitsharing/orders/unfreeze',
        { sub_mchid: sub, transaction_id: transactionId, out_order_no: no, description: '解冻给摊位' },
        splitSchema,
      ),
      toSplit,
    );
  }

  async returnSplit(r: Parameters<Institution['returnSplit']>[0]): Promise<InstResult<ReturnView>> {
    const body = {
      sub_mchid: r.sub_mchid,
      out_order_no: r.out_order_no,
      out_return_no: r.out_return_no,
      return_mchid: r.return_mchid,
      amount: r.amount_fen,
      description: '退款回退市场服务费',
    };
    return this.call('POST', '/v3/profitsharing/return-orders', body, returnSchema);
  }

  async queryReturn(sub: string, no: string): Promise<InstResult<ReturnView>> {
    return this.call(
      'GET',
      `/v3/profitsharing/return-orders/${encodeURIComponent(no)}?sub_mchid=${sub}`,
      undefined,
      returnSchema,
    );
  }

  clockOffsetMs(): number | null {
    return this.offsetMs;
  }

  verifyNotification(
    get: (name: string) => string | undefined,
    rawBody: string,
    nowMs: number,
  ): NotificationVerdict {
    const v = verifySignature(this.platform, get, rawBody, nowMs);
    if (!v.ok) return v;
    return parseNotification(rawBody, this.apiV3Key);
  }
}
