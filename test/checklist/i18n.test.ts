import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPercent, MESSAGES, resolveLocale, t } from '../../server/src/i18n/index';
import { CATEGORIES, SUBJECTS } from '../../server/src/engine/types';

test('English and pt-BR tables have the same keys', () => {
  assert.deepEqual(Object.keys(MESSAGES['pt-BR']).sort(), Object.keys(MESSAGES.en).sort());
});

test('every pt-BR string is non-empty and keeps the placeholders of its English string', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
  for (const [key, english] of Object.entries(MESSAGES.en)) {
    const portuguese = MESSAGES['pt-BR'][key as keyof typeof MESSAGES.en];
    assert.ok(portuguese.trim().length > 0, key);
    assert.deepEqual(placeholders(portuguese), placeholders(english), key);
  }
});

test('category names follow the seed', () => {
  const expected = ['Deployment', 'Segurança', 'Monitoramento', 'Performance', 'Backup', 'Testes', 'Documentação'];
  assert.deepEqual(
    CATEGORIES.map((category) => t('pt-BR', `category.${category}`)),
    expected,
  );
  assert.deepEqual(
    CATEGORIES.map((category) => t('en', `category.${category}`)),
    [...CATEGORIES],
  );
});

test('t interpolates and leaves unknown placeholders alone', () => {
  assert.equal(t('en', 'report.counts', { satisfied: 3, applicable: 4 }), '3 of 4 applicable items satisfied');
  assert.equal(t('pt-BR', 'report.counts', { satisfied: 3, applicable: 4 }), '3 de 4 itens aplicáveis atendidos');
  assert.equal(t('en', 'report.counts', { satisfied: 3 }), '3 of {{applicable}} applicable items satisfied');
});

test('locale helpers', () => {
  assert.equal(resolveLocale('pt-br'), 'pt-BR');
  assert.equal(resolveLocale('pt'), 'pt-BR');
  assert.equal(resolveLocale('en-US'), 'en');
  assert.equal(resolveLocale(undefined), 'en');
  assert.equal(formatPercent('en', 87.5), '87.5');
  assert.equal(formatPercent('pt-BR', 87.5), '87,5');
});

test('every subject a rule can inspect has its singular, its count and its plural noun in both languages', () => {
  for (const subject of SUBJECTS) {
    for (const locale of ['en', 'pt-BR'] as const) {
      for (const form of ['one', 'other', 'plural'] as const) {
        const key = `subject.${subject}.${form}` as keyof typeof MESSAGES.en;
        assert.ok(MESSAGES[locale][key], `${locale} ${key}`);
      }
      assert.match(t(locale, `subject.${subject}.one` as keyof typeof MESSAGES.en), /^1 \S/, `${locale} ${subject}.one`);
      assert.match(t(locale, `subject.${subject}.other` as keyof typeof MESSAGES.en, { n: 3 }), /^3 \S/, `${locale} ${subject}.other`);
      assert.doesNotMatch(t(locale, `subject.${subject}.plural` as keyof typeof MESSAGES.en), /\d|\{\{/, `${locale} ${subject}.plural is a noun`);
    }
  }
});
