import { describe, expect, it } from 'vitest';
import english from '../../../../public/_locales/en/messages.json';
import chinese from '../../../../public/_locales/zh_CN/messages.json';

const optionsKeys = (messages: Record<string, { message: string }>) => Object.keys(messages).filter((key) => key.startsWith('options'));

describe('options page strings', () => {
  const en: Record<string, { message: string }> = english;
  const zh: Record<string, { message: string }> = chinese;

  it('exist in English and Simplified Chinese alike', () => {
    expect(optionsKeys(en).length).toBeGreaterThan(0);
    expect(optionsKeys(zh)).toEqual(optionsKeys(en));
  });

  it('keep the same substitutions in each translation', () => {
    const substitutions = (text: string) => (text.match(/\$\d/g) ?? []).sort();
    for (const key of optionsKeys(en)) expect([key, substitutions(zh[key]?.message ?? '')]).toEqual([key, substitutions(en[key]?.message ?? '')]);
  });

  it('are translated into Chinese, not copied from English', () => {
    const untranslated = optionsKeys(en).filter((key) => zh[key]?.message === en[key]?.message || !/[\u4e00-\u9fff]/.test(zh[key]?.message ?? ''));
    expect(untranslated).toEqual([]);
  });
});
