/** The three sets of books after a payments run, read straight from each party's own database. */
import type { PayStack } from './stack';

export interface Books {
  /** what the buyers paid for the stall, less what went back to them */
  till_net_fen: number;
  sim_net_fen: number;
  server_net_fen: number;
  /** what the institution holds for (or paid out to) the stall */
  sim_stall_fen: number;
  server_stall_fen: number;
  /** the market's fee share at the institution */
  sim_market_fen: number;
  server_market_fen: number;
  sim_balanced: boolean;
}

const num = (v: unknown): number => Number((v as { n: number | null } | undefined)?.n ?? 0);

export function readBooks(s: PayStack, marketMchid: string): Books {
  const till = s.core.db;
  const paid = num(
    till
      .prepare(
        "SELECT SUM(amount_fen) AS n FROM tender WHERE kind IN ('qr', 'payment_code') AND status = 'paid'",
      )
      .get(),
  );
  const back = num(
    till
      .prepare(
        "SELECT SUM(rt.amount_fen) AS n FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id JOIN tender t ON t.sale_id = r.sale_id AND t.tender_no = rt.tender_no WHERE t.kind IN ('qr', 'payment_code')",
      )
      .get(),
  );
  const sim = s.simDb();
  const simNet = num(
    sim
      .prepare(
        "SELECT SUM(amount_fen - refunded_fen) AS n FROM orders WHERE paid_at IS NOT NULL AND state IN ('SUCCESS', 'REFUND')",
      )
      .get(),
  );
  const holds = (mchid: string): number =>
    -num(
      sim
        .prepare(
          "SELECT SUM(p.amount_fen) AS n FROM postings p JOIN journal j ON j.id = p.journal_id WHERE p.account IN (?, ?) AND j.kind <> 'SETTLE'",
        )
        .get(`mch:${mchid}:frozen`, `mch:${mchid}:pending_settle`),
    );
  const srv = s.serverDb();
  const acct = (id: string): number =>
    num(srv.prepare('SELECT SUM(amount_fen) AS n FROM ledger_posting WHERE account_id = ?').get(id));
  const byType = (t: string): number =>
    num(
      srv
        .prepare(
          "SELECT SUM(p.amount_fen) AS n FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id WHERE e.txn_type = ? AND p.amount_fen > 0 AND p.book = 'memo'",
        )
        .get(t),
    );
  const reserve = num(
    sim.prepare("SELECT SUM(amount_fen) AS n FROM postings WHERE account = 'inst:reserve'").get(),
  );
  const claims = -num(
    sim.prepare("SELECT SUM(amount_fen) AS n FROM postings WHERE account <> 'inst:reserve'").get(),
  );
  return {
    till_net_fen: paid - back,
    sim_net_fen: simNet,
    server_net_fen: byType('payment_success') - byType('refund_qr'),
    sim_stall_fen: holds(s.subMchid),
    server_stall_fen: acct('memo:M1201:S01') + acct('memo:M1202:S01') + acct('memo:M1203:S01'),
    sim_market_fen: holds(marketMchid),
    server_market_fen: acct('gl:1012'),
    sim_balanced: reserve === claims,
  };
}
