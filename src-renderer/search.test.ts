import { describe, expect, it } from 'vitest';
import { buildIndex, initialsOf, productByCode, searchProducts } from './search';
import { PRODUCTS } from './test-support/fake-core';

describe('product search', () => {
  const index = buildIndex(PRODUCTS);
  it('finds by pinyin initials, name, and code; keeps categories in catalog order', () => {
    expect(initialsOf('大白菜')).toBe('dbc');
    expect(searchProducts(index, 'xhs', null).map((p) => p.name)).toEqual(['西红柿']);
    expect(searchProducts(index, '白菜', null).map((p) => p.code)).toEqual(['V001']);
    expect(searchProducts(index, 'v00', null)).toHaveLength(2);
    expect(searchProducts(index, '', '叶菜').map((p) => p.name)).toEqual(['大白菜']);
    expect(index.categories).toEqual(['叶菜', '茄果', '葱蒜']);
    expect(productByCode(index, '6901234567892')?.name).toBe('蒜头（网袋）');
  });
});
