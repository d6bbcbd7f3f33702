import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { DAY_MS, shanghaiDate, shanghaiMidnight } from '../clock';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { newToken } from '../ids';
import { getMerchant } from '../merchants/store';
import { SimError } from '../protocol/errors';
import { buildBill, sha1, type BillType } from './generate';

/** A bill for day T exists from 09:00 on T+1. */
export const BILL_READY_MS_AFTER_MIDNIGHT = 9 * 3600_000;
/** Bills are kept this many days (WeChat: 3 months). */
export const BILL_HISTORY_DAYS = 90;
/** A download_url is good this long (WeChat: 5 minutes). */
export const DOWNLOAD_TTL_MS = 5 * 60_000;

const Query = z.object({
  bill_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sub_mchid: z
    .string()
    .regex(/^\d{8,12}$/)
    .optional(),
  bill_type: z.enum(['ALL', 'SUCCESS', 'REFUND']).default('ALL'),
  tar_type: z.literal('GZIP').optional(),
});

function getOrCreateBill(
  sim: Sim,
  date: string,
  type: BillType,
  sub: string | null,
): { csv: string; sha1: string } {
  const key = sub ?? '';
  const row = sim.db
    .prepare('SELECT csv, sha1 FROM bills WHERE bill_date = ? AND bill_type = ? AND sub_mchid = ?')
    .get(date, type, key) as { csv: string; sha1: string } | undefined;
  if (row !== undefined) return row;
  const csv = buildBill(sim, date, type, sub);
  const hash = sha1(csv);
  sim.db
    .prepare(
      'INSERT INTO bills (bill_date, bill_type, sub_mchid, csv, sha1, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(date, type, key, csv, hash, sim.clock.now());
  return { csv, sha1: hash };
}

export function registerBillRoutes(app: FastifyInstance, sim: Sim): void {
  app.get('/v3/bill/tradebill', async (req, reply) => {
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const q = Query.parse(req.query);
    if (q.tar_type !== undefined) throw new SimError('PARAM_ERROR', '本机构不提供 GZIP 压缩账单');
    if (q.sub_mchid !== undefined && getMerchant(sim.db, q.sub_mchid) === undefined)
      throw new SimError('NO_AUTH', '特约商户不存在');
    const start = shanghaiMidnight(q.bill_date);
    const now = sim.clock.now();
    if (start >= shanghaiMidnight(shanghaiDate(now)))
      throw new SimError('PARAM_ERROR', 'bill_date 须早于今天');
    if (now < start + DAY_MS + BILL_READY_MS_AFTER_MIDNIGHT)
      throw new SimError('STATEMENT_CREATING', '账单生成中，请在次日9点后获取');
    if (now - start > BILL_HISTORY_DAYS * DAY_MS)
      throw new SimError('NO_STATEMENT_EXIST', '仅能下载三个月以内的账单');
    const bill = getOrCreateBill(sim, q.bill_date, q.bill_type, q.sub_mchid ?? null);
    if (bill.csv.split('\n').length <= 4) throw new SimError('NO_STATEMENT_EXIST', '当日无交易，账单不存在');
    const token = newToken();
    sim.db
      .prepare(
        'INSERT INTO bill_tokens (token, bill_date, bill_type, sub_mchid, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(token, q.bill_date, q.bill_type, q.sub_mchid ?? '', now + DOWNLOAD_TTL_MS);
    return json(reply, 200, {
      hash_type: 'SHA1',
      hash_value: bill.sha1,
      download_url: `${sim.baseUrl()}/v3/billdownload/file?token=${token}`,
    });
  });

  app.get('/v3/billdownload/file', async (req, reply) => {
    signer(req);
    const { token } = z.object({ token: z.string().max(64) }).parse(req.query);
    const t = sim.db.prepare('SELECT * FROM bill_tokens WHERE token = ?').get(token) as
      { bill_date: string; bill_type: string; sub_mchid: string; expires_at: number } | undefined;
    if (t === undefined || sim.clock.now() > t.expires_at)
      throw new SimError('INVALID_REQUEST', '下载链接无效或已过期，请重新申请');
    const b = sim.db
      .prepare('SELECT csv FROM bills WHERE bill_date = ? AND bill_type = ? AND sub_mchid = ?')
      .get(t.bill_date, t.bill_type, t.sub_mchid) as { csv: string } | undefined;
    if (b === undefined) throw new SimError('NO_STATEMENT_EXIST', '账单不存在');
    return reply.status(200).type('text/csv; charset=utf-8').send(b.csv);
  });
}
