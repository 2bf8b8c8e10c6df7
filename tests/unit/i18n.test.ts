import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { interpolate } from '../../src/i18n/i18n.svelte.ts';
import { zh } from '../../src/i18n/zh.ts';

describe('UI text', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)])
      expect(text, key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[])
      expect(names(en[key]), key).toEqual(names(zh[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{errors} 个错误，{x}', { errors: 3 })).toBe('3 个错误，{x}');
  });
});
