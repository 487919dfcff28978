import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeFile, analyzeModel, applyEdits } from '../../server/src/engine/analyze';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import type { BaseModel } from '../../server/src/engine/types';
import { initKinds, kindSupport } from '../../server/src/kinds';

const meta = {
  kind: 'dockerfile' as const,
  title: 'Test rule',
  description: 'A rule for engine tests.',
  checklistItem: 'deployment/docker-images',
  severity: 'warning' as const,
  fixable: true,
  messages: { found: 'Found {{what}} here; remove it.' },
  ptBR: { title: 'Regra de teste', description: 'Uma regra para testes.', messages: { found: 'Encontrado {{what}} aqui; remova.' } },
};

/** Reports every RUN instruction; its fix deletes the instruction. */
const runRule = defineRule<any>({
  meta: { ...meta, id: 'dockerfile/test-run' },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      context.report({ span: instruction.keywordSpan, messageId: 'found', data: { what: 'RUN' }, fix: (fixer) => fixer.remove(instruction.span) });
    }
  },
});

const crashingRule = defineRule<any>({
  meta: { ...meta, id: 'dockerfile/test-crash' },
  check() {
    throw new Error('boom');
  },
});

function analyze(text: string, rules: Rule<any>[] = [runRule], settings?: Parameters<typeof analyzeModel>[0]['settings']) {
  const model: BaseModel = kindSupport('dockerfile').parse(text, '/w/Dockerfile');
  return analyzeModel({ model, rules, settings });
}

describe('analyzeModel', () => {
  before(() => initKinds());

  it('reports with the rule metadata, a range and a fix', () => {
    const [finding] = analyze('FROM alpine:3.20\nRUN echo hi\n');
    assert.equal(finding.ruleId, 'dockerfile/test-run');
    assert.equal(finding.message, 'Found RUN here; remove it.');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.equal(applyEdits('FROM alpine:3.20\nRUN echo hi\n', finding.fix!.edits), 'FROM alpine:3.20\n\n');
  });

  it('turns a crashing rule into one finding naming it, and runs the others', () => {
    const findings = analyze('FROM alpine:3.20\nRUN echo hi\n', [crashingRule, runRule]);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message]),
      [
        ['readiness/rule-error', 'Rule dockerfile/test-crash crashed on this file (boom); the other rules still ran.'],
        ['dockerfile/test-run', 'Found RUN here; remove it.'],
      ],
    );
  });

  it('applies severity overrides, off, options and the pt-BR locale', () => {
    assert.equal(analyze('FROM a:1\nRUN x\n', [runRule], { rules: { 'dockerfile/test-run': { severity: 'error' } } })[0].severity, 'error');
    assert.deepEqual(analyze('FROM a:1\nRUN x\n', [runRule], { rules: { 'dockerfile/test-run': { severity: 'off' } } }), []);
    assert.equal(analyze('FROM a:1\nRUN x\n', [runRule], { locale: 'pt-BR' })[0].message, 'Encontrado RUN aqui; remova.');
  });

  it('re-runs only cross-file rules on a model it has analyzed with the same settings', () => {
    const runs = { single: 0, cross: 0 };
    const single = defineRule<any>({ meta: { ...meta, id: 'dockerfile/test-single' }, check: () => void runs.single++ });
    const cross = defineRule<any>({ meta: { ...meta, id: 'dockerfile/test-cross', crossFile: true }, check: () => void runs.cross++ });
    const model = kindSupport('dockerfile').parse('FROM a:1\n', '/w/Dockerfile');
    const settings = {};
    analyzeModel({ model, rules: [single, cross], settings });
    analyzeModel({ model, rules: [single, cross], settings });
    assert.deepEqual(runs, { single: 1, cross: 2 });
    analyzeModel({ model, rules: [single, cross], settings: {} });
    assert.deepEqual(runs, { single: 2, cross: 3 }, 'new settings, new results');
  });

  it('caps a finding at its atMost severity without raising a lower setting, and keeps unknown inspections apart', () => {
    const decisionRule = defineRule<any>({
      meta: { ...meta, id: 'dockerfile/test-decision' },
      check(model, context) {
        for (const instruction of model.instructions) {
          if (instruction.keyword !== 'USER') continue;
          context.inspect({ subject: 'image', span: instruction.span, unknown: instruction.args[0]?.text.startsWith('$') });
          context.report({ span: instruction.keywordSpan, messageId: 'found', data: { what: 'USER' }, atMost: 'information' });
        }
      },
    });
    const model: BaseModel = kindSupport('dockerfile').parse('FROM a:1\nUSER $NAME\nUSER app\n', '/w/Dockerfile');
    const { findings, inspected } = analyzeFile({ model, rules: [decisionRule] });
    assert.deepEqual(findings.map((finding) => finding.severity), ['information', 'information']);
    assert.deepEqual(inspected.map((inspection) => inspection.unknown ?? false), [true, false]);
    const lowered = analyzeFile({ model, rules: [decisionRule], settings: { rules: { 'dockerfile/test-decision': { severity: 'hint' } } } });
    assert.deepEqual(lowered.findings.map((finding) => finding.severity), ['hint', 'hint']);
  });

  it('only runs the rules of the model kind', () => {
    const other = defineRule<any>({ meta: { ...meta, id: 'k8s/test', kind: 'kubernetes' }, check: () => assert.fail('must not run') });
    assert.equal(analyze('FROM a:1\nRUN x\n', [other, runRule]).length, 1);
  });
});

describe('suppressions', () => {
  before(() => initKinds());
  const ids = (text: string) => analyze(text).map((f) => `${f.ruleId}@${f.range.start.line}`);

  it('a comment line covers the next code line', () => {
    assert.deepEqual(ids('FROM a:1\n# readiness-ignore dockerfile/test-run -- needed for the build\nRUN x\nRUN y\n'), ['dockerfile/test-run@3']);
  });

  it('skips blank and comment lines to find the next code line, and takes several ids', () => {
    assert.deepEqual(ids('FROM a:1\n# readiness-ignore dockerfile/other,dockerfile/test-run -- why\n\n# note\nRUN x\n'), []);
  });

  it('the file form covers every line', () => {
    assert.deepEqual(ids('# readiness-ignore-file dockerfile/test-run -- generated file\nFROM a:1\nRUN x\nRUN y\n'), []);
  });

  it('a suppression without a reason is not applied and is reported', () => {
    const findings = analyze('FROM a:1\n# readiness-ignore dockerfile/test-run\nRUN x\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.range.start.line]), [
      ['dockerfile/test-run', 'warning', 2],
      ['readiness/suppression-reason', 'warning', 1],
    ]);
  });

  it('an unused suppression is a faded hint whose fix removes the line', () => {
    const text = 'FROM a:1\n# readiness-ignore dockerfile/test-run -- stale\nUSER app\n';
    const [finding] = analyze(text);
    assert.equal(finding.ruleId, 'readiness/unused-suppression');
    assert.equal(finding.severity, 'hint');
    assert.equal(finding.unnecessary, true);
    assert.equal(applyEdits(text, finding.fix!.edits), 'FROM a:1\nUSER app\n');
  });
});
