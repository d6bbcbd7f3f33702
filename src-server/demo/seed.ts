/**
 * Demo data: one market, three stalls with catalogs priced per 斤, kg and
 * piece, a staff login, and one terminal waiting to be enrolled.
 */
import { initialsOf } from '../../shared/pinyin';
import { cdb } from '../catalog/schema';
import type { ServerDb } from '../db/database';
import { hashPassword } from '../staff/password';
import { createTerminal } from '../terminals/terminals';

export const DEMO_STAFF = { username: 'admin', password: 'market-demo' } as const;
/** The owner of stall S01 (老王蔬菜批发): sees only that stall. */
export const DEMO_OWNER = { username: 'laowang', password: 'market-demo', stall_id: 'S01' } as const;

/** The market's catalog templates a stall may copy (code, name, unit, suggested price in fen, category). */
const TEMPLATES = [
  ['T001', '菠菜', 'jin', 350, '叶菜'],
  ['T002', '生菜', 'jin', 300, '叶菜'],
  ['T003', '胡萝卜', 'jin', 150, '根茎'],
  ['T004', '洋葱', 'kg', 380, '根茎'],
  ['T005', '青椒', 'jin', 400, '茄果'],
  ['T006', '茄子', 'jin', 280, '茄果'],
  ['T007', '生姜', 'kg', 1200, '葱蒜'],
  ['T008', '鸡蛋（箱）', 'piece', 16800, '禽蛋'],
] as const;

const STALLS = [
  {
    id: 'S01',
    name: '老王蔬菜批发',
    products: [
      ['V001', '大白菜', 'jin', 120, '叶菜'],
      ['V002', '土豆', 'jin', 180, '根茎'],
      ['V003', '西红柿', 'kg', 640, '茄果'],
      ['V004', '黄瓜', 'jin', 250, '茄果'],
      ['V005', '大葱', 'kg', 480, '葱蒜'],
      ['V006', '蒜头（网袋）', 'piece', 1500, '葱蒜'],
    ],
  },
  {
    id: 'S02',
    name: '李记水果行',
    products: [
      ['F001', '富士苹果', 'jin', 450, '仁果'],
      ['F002', '香蕉', 'kg', 680, '热带'],
      ['F003', '西瓜', 'jin', 160, '瓜类'],
      ['F004', '橙子（箱）', 'piece', 8800, '柑橘'],
    ],
  },
  {
    id: 'S03',
    name: '张家豆制品',
    products: [
      ['D001', '老豆腐', 'jin', 300, '豆腐'],
      ['D002', '豆芽', 'kg', 400, '芽菜'],
      ['D003', '腐竹（包）', 'piece', 1200, '干货'],
    ],
  },
] as const;

export async function seedDemo(
  db: ServerDb,
  nowMs: number,
): Promise<{ terminal_id: string; pairing_code: string } | null> {
  const existing = await db.selectFrom('market').select('id').executeTakeFirst();
  if (existing) return null;
  await db
    .insertInto('market')
    .values({ id: 'M01', name: '城南农产品批发市场', time_zone: 'Asia/Shanghai', day_cutoff_hour: 4 })
    .execute();
  for (const s of STALLS) {
    await db
      .insertInto('stall')
      .values({ id: s.id, market_id: 'M01', name: s.name, sub_mchid: null, settlement_account: null })
      .execute();
    await db
      .insertInto('product')
      .values(
        s.products.map(([code, name, unit, price, category]) => ({
          id: `${s.id}-${code}`,
          stall_id: s.id,
          code,
          name,
          unit,
          unit_price_fen: price,
          category,
          pinyin: initialsOf(name),
        })),
      )
      .execute();
  }
  await db
    .insertInto('staff_user')
    .values({
      id: 'U01',
      username: DEMO_STAFF.username,
      password_hash: await hashPassword(DEMO_STAFF.password),
      role: 'admin',
      stall_id: null,
    })
    .execute();
  await db
    .insertInto('staff_user')
    .values({
      id: 'U-OWNER-S01',
      username: DEMO_OWNER.username,
      password_hash: await hashPassword(DEMO_OWNER.password),
      role: 'stall_owner',
      stall_id: DEMO_OWNER.stall_id,
    })
    .execute();
  await cdb(db)
    .insertInto('catalog_template')
    .values(
      TEMPLATES.map(([code, name, unit, price, category]) => ({
        id: `TPL-${code}`,
        code,
        name,
        unit,
        unit_price_fen: price,
        category,
        ean: null,
      })),
    )
    .execute();
  const t = await createTerminal(db, 'S01', '1号收银台', nowMs);
  return { terminal_id: t.terminal_id, pairing_code: t.pairing_code };
}
