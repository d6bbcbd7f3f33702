/**
 * Market-wide catalog templates: the office keeps one list of common produce
 * (code, name, unit, a suggested price); a stall copies the ones it sells into
 * its own catalog, where they are its own products from then on.
 */
import type { ServerDb } from '../db/database';
import { fastUlid } from '../db/ids';
import { ApiError } from '../http/errors';
import {
  productInputSchema,
  templateViewSchema,
  type ProductInput,
  type ProductView,
  type TemplateView,
} from '../../shared/api/catalog';
import { createProducts } from './products';
import type { TerminalEventHub } from '../terminals/event-hub';
import { cdb } from './schema';

export async function listTemplates(db: ServerDb): Promise<TemplateView[]> {
  const rows = await cdb(db).selectFrom('catalog_template').selectAll().orderBy('code').execute();
  return rows.map((r) => templateViewSchema.parse(r));
}

export async function createTemplate(
  db: ServerDb,
  input: ProductInput,
  nowMs: number,
): Promise<TemplateView> {
  const dup = await cdb(db)
    .selectFrom('catalog_template')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (dup) throw new ApiError('conflict', `the template code ${input.code} is already used`);
  const row = { id: fastUlid(nowMs), ...input };
  await cdb(db).insertInto('catalog_template').values(row).execute();
  return row;
}

/** Copies the named templates into the stall's catalog in one step; a code the stall already uses refuses the whole copy. */
export async function copyTemplates(
  db: ServerDb,
  events: TerminalEventHub,
  stallId: string,
  ids: readonly string[],
  who: { nowMs: number; by: string },
): Promise<ProductView[]> {
  const rows = await cdb(db)
    .selectFrom('catalog_template')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('code')
    .execute();
  const unknown = ids.find((id) => !rows.some((r) => r.id === id));
  if (unknown) throw new ApiError('not_found', `no template ${unknown}`);
  return createProducts(
    db,
    events,
    stallId,
    rows.map(({ id: _id, ...r }) => productInputSchema.parse(r)),
    who,
  );
}
