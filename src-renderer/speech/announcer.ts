/**
 * Turns tenders that end into announcements, once each: cash is said when the
 * sale commits (it is paid then); a QR or payment-code tender when the
 * payment flow reports it paid or failed. On-account tenders take no money
 * and are not announced.
 */
import type { MethodInput, MethodOutput } from '../../shared/contract/methods';
import { classifyScan } from '../../shared/scan/classify';
import type { SpokenWallet, SpokenOutcome } from '../../shared/speech/announcement';
import { partsTotal, useCheckout } from '../stores/checkout';
import { usePaymentWait } from '../stores/payment-wait';
import { useSpeech } from './speech-store';

type Committed = MethodInput<'sale-complete'>['tenders'][number];
type Result = MethodOutput<'sale-complete'>;
type WaitTender = MethodOutput<'sale-detail'>['tenders'][number];

export interface Ended {
  /** sale id and tender, so that each tender is said once however often it is seen */
  key: string;
  outcome: SpokenOutcome;
}

/** The wallet of a payment-code tender from its code's prefix; a QR tender's payer is not known to the till. */
function walletOf(kind: string, committed: readonly Committed[], nth: number): SpokenWallet {
  if (kind !== 'payment_code') return 'qr';
  const t = committed.filter((c) => c.kind === 'payment_code')[nth];
  const scan = t?.kind === 'payment_code' ? classifyScan(t.code) : null;
  return scan?.kind === 'payment_code' ? scan.provider : 'qr';
}

/** Every tender of this sale that has ended so far, with what to say. */
export function endedTenders(
  result: Result,
  committed: readonly Committed[],
  waiting: readonly WaitTender[],
): Ended[] {
  const out: Ended[] = [];
  if (committed.some((c) => c.kind === 'cash')) {
    out.push({
      key: `${result.sale_id}:cash`,
      outcome: { status: 'paid', wallet: 'cash', amount_fen: result.total_fen - partsTotal(committed) },
    });
  }
  const seen = new Map<string, number>();
  for (const t of waiting) {
    if (t.kind !== 'qr' && t.kind !== 'payment_code') continue;
    const nth = seen.get(t.kind) ?? 0;
    seen.set(t.kind, nth + 1);
    if (t.status === 'pending') continue;
    const key = `${result.sale_id}:${t.tender_no}`;
    out.push(
      t.status === 'paid'
        ? {
            key,
            outcome: { status: 'paid', wallet: walletOf(t.kind, committed, nth), amount_fen: t.amount_fen },
          }
        : { key, outcome: { status: 'failed' } },
    );
  }
  return out;
}

/** Says each ended tender once, from now until the returned function is called. */
export function startAnnouncer(): () => void {
  const said = new Set<string>();
  const check = (): void => {
    const { result, committed, phase } = useCheckout.getState();
    if (phase !== 'done' || !result) return;
    const wait = usePaymentWait.getState();
    const waiting = wait.saleId === result.sale_id ? wait.tenders : [];
    for (const e of endedTenders(result, committed, waiting)) {
      if (said.has(e.key)) continue;
      said.add(e.key);
      useSpeech.getState().announce(e.outcome);
    }
  };
  const offCheckout = useCheckout.subscribe(check);
  const offWait = usePaymentWait.subscribe(check);
  return () => {
    offCheckout();
    offWait();
  };
}
