/** RuleContext.isEnabled: which other rules run in this analysis of a file (for rules that share one finding). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeFile, type AnalysisSettings } from '../../server/src/engine/analyze';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import { initKinds, kindSupport } from '../../server/src/kinds';

const meta = {
  kind: 'dockerfile' as const,
  title: 'Test rule',
  description: 'A rule for engine tests.',
  checklistItem: 'deployment/docker-images',
  severity: 'warning' as const,
  fixable: false,
  messages: { enabled: 'Enabled: {{ids}}.' },
  ptBR: { title: 'Regra de teste', description: 'Uma regra para testes.', messages: { enabled: 'Ativas: {{ids}}.' } },
};

const ASKED = ['dockerfile/test-asker', 'dockerfile/test-other', 'compose/test-compose', 'dockerfile/test-absent'];

/** Reports which of ASKED its context says run. */
const asker = defineRule<any>({
  meta: { ...meta, id: 'dockerfile/test-asker' },
  check(model, context) {
    context.report({ span: { start: 0, end: 0 }, messageId: 'enabled', data: { ids: ASKED.filter((id) => context.isEnabled?.(id)).join(' ') } });
  },
});
const other = defineRule<any>({ meta: { ...meta, id: 'dockerfile/test-other' }, check() {} });
const composeRule = defineRule<any>({ meta: { ...meta, kind: 'compose', id: 'compose/test-compose' }, check() {} });

function enabledIds(rules: Rule<any>[], settings?: AnalysisSettings): string {
  const model = kindSupport('dockerfile').parse('FROM alpine:3.20\n', '/w/Dockerfile');
  return analyzeFile({ model, rules, settings }).findings.find((finding) => finding.ruleId === 'dockerfile/test-asker')!.message;
}

describe('RuleContext.isEnabled', () => {
  before(() => initKinds());

  const cases: [string, Rule<any>[], AnalysisSettings | undefined, string][] = [
    ['every analyzed rule of the file kind', [asker, other, composeRule], undefined, 'Enabled: dockerfile/test-asker dockerfile/test-other.'],
    ['a rule switched off in settings does not run', [asker, other], { rules: { 'dockerfile/test-other': { severity: 'off' } } }, 'Enabled: dockerfile/test-asker.'],
    ['a rule not among the analyzed ones does not run', [asker], undefined, 'Enabled: dockerfile/test-asker.'],
    ['a severity change keeps it running', [asker, other], { rules: { 'dockerfile/test-other': { severity: 'hint' } } }, 'Enabled: dockerfile/test-asker dockerfile/test-other.'],
  ];
  for (const [name, rules, settings, expected] of cases) it(name, () => assert.equal(enabledIds(rules, settings), expected));

  it('results remembered for one rule list are not replayed for another', () => {
    const model = kindSupport('dockerfile').parse('FROM alpine:3.20\n', '/w/Dockerfile');
    const settings: AnalysisSettings = {};
    const message = (rules: Rule<any>[]) => analyzeFile({ model, rules, settings }).findings.find((finding) => finding.ruleId === 'dockerfile/test-asker')!.message;
    assert.equal(message([asker, other]), 'Enabled: dockerfile/test-asker dockerfile/test-other.');
    assert.equal(message([asker]), 'Enabled: dockerfile/test-asker.');
  });
});
