import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { SimError } from '../protocol/errors';
import { DIFF_HEADER, UploadBody, diffDay } from './diff';

/** A day's upload can be large; other routes keep the small default. */
const UPLOAD_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export function registerReconRoutes(app: FastifyInstance, sim: Sim): void {
  app.post('/v3/sim/recon/uploads', { bodyLimit: UPLOAD_BODY_LIMIT_BYTES }, async (req, reply) => {
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const b = UploadBody.parse(req.body);
    const diff = diffDay(sim, b);
    const id = `RU${randomUUID().replaceAll('-', '').slice(0, 24).toUpperCase()}`;
    sim.db
      .prepare(
        'INSERT INTO recon_uploads (upload_id, bill_date, sub_mchid, row_count, diff_csv, diff_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        b.bill_date,
        b.sub_mchid ?? '',
        b.rows.length,
        [DIFF_HEADER, ...diff].join('\n') + '\n',
        diff.length,
        sim.clock.now(),
      );
    return json(reply, 200, { upload_id: id, row_count: b.rows.length, diff_count: diff.length });
  });

  app.get('/v3/sim/recon/uploads/:id/diff', async (req, reply) => {
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const { id } = z.object({ id: z.string().max(64) }).parse(req.params);
    const row = sim.db.prepare('SELECT diff_csv FROM recon_uploads WHERE upload_id = ?').get(id) as
      { diff_csv: string } | undefined;
    if (row === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '对账上传不存在');
    return reply.status(200).type('text/csv; charset=utf-8').send(row.diff_csv);
  });
}
