/**
 * Buyers who may buy on account (赊账). The server's balance is true as of
 * the seq it reports; the till adds its own deltas recorded after that seq.
 */
import type { Db } from '../store/db';
import { stmt, tx } from '../store/sql';
import type { TillBuyer } from '../../shared/contract/till';

const SELECT_BUYER = `SELECT b.id, b.name, b.credit_limit_fen,
       b.balance_fen + COALESCE((SELECT SUM(d.delta_fen) FROM buyer_delta d WHERE d.buyer_id = b.id AND d.seq > b.balance_as_of_seq), 0) AS balance_fen
  FROM buyer b`;

export function listBuyers(db: Db): TillBuyer[] {
  return stmt(db, `${SELECT_BUYER} ORDER BY b.name`).all() as TillBuyer[];
}

export function getBuyer(db: Db, id: string): TillBuyer | null {
  return (stmt(db, `${SELECT_BUYER} WHERE b.id = ?`).get(id) as TillBuyer | undefined) ?? null;
}

export function recordBuyerDelta(db: Db, buyerId: string, seq: number, deltaFen: number): void {
  stmt(
    db,
    'INSERT INTO buyer_delta (buyer_id, seq, delta_fen) VALUES (?, ?, ?) ON CONFLICT(buyer_id, seq) DO UPDATE SET delta_fen = delta_fen + excluded.delta_fen',
  ).run(buyerId, seq, deltaFen);
}

export function replaceBuyers(
  db: Db,
  buyers: readonly {
    id: string;
    name: string;
    credit_limit_fen: number;
    balance_fen: number;
    as_of_seq: number;
  }[],
): void {
  tx(db, () => {
    const up = stmt(
      db,
      'INSERT INTO buyer (id, name, credit_limit_fen, balance_fen, balance_as_of_seq) VALUES (@id, @name, @credit_limit_fen, @balance_fen, @as_of_seq) ON CONFLICT(id) DO UPDATE SET name = excluded.name, credit_limit_fen = excluded.credit_limit_fen, balance_fen = excluded.balance_fen, balance_as_of_seq = excluded.balance_as_of_seq',
    );
    for (const b of buyers) up.run(b);
  });
}
