/**
 * The institution port: what the settlement server asks of a licensed payment
 * institution, whatever its protocol. One adapter per institution
 * (`sim-adapter.ts` speaks the simulator's WeChat-v3 partner protocol).
 * Every call answers a value: `ok`, a definite refusal (`refused`, the
 * institution said no and nothing happened), or `unknown` (timeout, network,
 * SYSTEM_ERROR: the call may or may not have taken effect, so the caller
 * queries or retries with the same number).
 */
import type { TradeState } from '../../shared/pay/wechat-v3-wire';

export interface Transaction {
  out_trade_no: string;
  transaction_id: string | null;
  trade_state: TradeState;
  amount_fen: number;
  /** which wallet paid (WECHAT, ALIPAY, UNIONPAY), when the institution says */
  channel: string | null;
  /** when the institution says it was paid, on its own clock (epoch ms), when it says */
  success_ms?: number | null;
}

export type InstResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'refused'; status: number; code: string; message: string }
  | { kind: 'unknown'; message: string };

export type CodepayOutcome = { state: 'paid'; tx: Transaction } | { state: 'userpaying' };

export interface RefundView {
  out_refund_no: string;
  refund_id: string;
  status: 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
  amount_fen: number;
  /** the institution's channel fee given back on this refund, as it reports it */
  refund_fee_fen?: number;
}

export interface SplitView {
  out_order_no: string;
  state: 'PROCESSING' | 'FINISHED';
  receivers: {
    account: string;
    amount_fen: number;
    result: 'PENDING' | 'SUCCESS' | 'CLOSED';
    fail_reason: string | null;
  }[];
}

export interface ReturnView {
  out_return_no: string;
  result: 'PROCESSING' | 'SUCCESS' | 'FAILED';
}

/** A verified, decrypted notification. */
export type Notification =
  | { kind: 'transaction'; event_id: string; event_type: string; tx: Transaction; sub_mchid: string }
  | {
      kind: 'refund';
      event_id: string;
      event_type: string;
      out_refund_no: string;
      refund_status: string;
      sub_mchid: string;
    }
  | { kind: 'other'; event_id: string; event_type: string };

export type NotificationVerdict = { ok: true; notification: Notification } | { ok: false; reason: string };

export interface PrepayRequest {
  sub_mchid: string;
  out_trade_no: string;
  description: string;
  amount_fen: number;
  notify_url: string;
  expires_ms: number;
}

export interface Institution {
  readonly id: string;
  /** the market's own merchant number: the receiver of its fee share */
  readonly market_account: string;
  /** A payable order; the answer is the URL the buyer's phone is sent to. Idempotent by out_trade_no. */
  prepay(r: PrepayRequest): Promise<InstResult<{ pay_url: string }>>;
  /**
   * A large amount through the institution's B2B bank gateway (企业网银): no per-payer code cap; the answer is
   * the bank page the buyer is sent to. Idempotent by out_trade_no; notified like any paid order.
   */
  gatewayPrepay(r: PrepayRequest): Promise<InstResult<{ pay_url: string }>>;
  codepay(
    r: Omit<PrepayRequest, 'notify_url' | 'expires_ms'> & { auth_code: string; store_id: string },
  ): Promise<InstResult<CodepayOutcome>>;
  query(subMchid: string, outTradeNo: string): Promise<InstResult<Transaction>>;
  reverse(subMchid: string, outTradeNo: string): Promise<InstResult<void>>;
  close(subMchid: string, outTradeNo: string): Promise<InstResult<void>>;
  refund(r: {
    sub_mchid: string;
    out_trade_no: string;
    out_refund_no: string;
    amount_fen: number;
    total_fen: number;
    notify_url: string;
    reason: string;
  }): Promise<InstResult<RefundView>>;
  queryRefund(subMchid: string, outRefundNo: string): Promise<InstResult<RefundView>>;
  addReceiver(subMchid: string, account: string): Promise<InstResult<void>>;
  /** What of a paid order is still frozen for sharing: the amount less the institution's fee, less what was split or refunded. */
  unsplitAmount(subMchid: string, transactionId: string): Promise<InstResult<number>>;
  split(r: {
    sub_mchid: string;
    transaction_id: string;
    out_order_no: string;
    receivers: { account: string; amount_fen: number; description: string }[];
    unfreeze_unsplit: boolean;
  }): Promise<InstResult<SplitView>>;
  querySplit(subMchid: string, outOrderNo: string, transactionId: string): Promise<InstResult<SplitView>>;
  unfreeze(subMchid: string, transactionId: string, outOrderNo: string): Promise<InstResult<SplitView>>;
  returnSplit(r: {
    sub_mchid: string;
    out_order_no: string;
    out_return_no: string;
    return_mchid: string;
    amount_fen: number;
  }): Promise<InstResult<ReturnView>>;
  queryReturn(subMchid: string, outReturnNo: string): Promise<InstResult<ReturnView>>;
  /**
   * The institution's clock less ours (ms), as last seen on its answers; null before any. Its business
   * rules with a time in them (the split wait after payment) run on its clock, which a simulator's test
   * control may move.
   */
  clockOffsetMs?(): number | null;
  /** Verifies (signature, time window) and decrypts a notification from its raw body. */
  verifyNotification(
    get: (name: string) => string | undefined,
    rawBody: string,
    nowMs: number,
  ): NotificationVerdict;
}
