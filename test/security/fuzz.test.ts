/**
 * The mutation fuzzer (scripts/fuzz.ts): what it detects, on rules built to fail, and a short seeded
 * run over every kind. `npm run fuzz` does the long run.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Rule, RuleMeta } from '../../server/src/engine/rule';
import type { FileKind } from '../../server/src/engine/types';
import { initKinds, KINDS } from '../../server/src/kinds';
import { checkInput, fuzz, shrink, SYMPTOMS } from '../../scripts/fuzz';

function rule(check: Rule['check'], meta: Partial<RuleMeta> = {}): Rule {
  return {
    meta: {
      id: 'dockerfile/fuzz-probe',
      kind: 'dockerfile',
      title: 'Probe',
      description: 'A rule built to fail.',
      checklistItem: 'deployment/docker-security-context',
      severity: 'warning',
      messages: { probe: 'Probe.' },
      fixable: true,
      ptBR: { title: 'Sonda', description: 'Uma regra feita para falhar.', messages: { probe: 'Sonda.' } },
      ...meta,
    },
    check,
  };
}

const symptoms = (result: ReturnType<typeof checkInput>) => result.defects.map((defect) => `${defect.symptom} ${defect.key}`);
const DOCKERFILE = 'FROM alpine:3.20\r\nRUN echo hi\r\n';

describe('fuzzer checks', () => {
  before(() => initKinds());

  it('counts a rule that crashes', () => {
    const crashing = rule(() => {
      throw new Error('boom');
    });
    assert.deepEqual(symptoms(checkInput('dockerfile', DOCKERFILE, { rules: [crashing] })), ['rule-error Rule dockerfile/fuzz-probe: boom']);
  });

  it('counts findings, inspections and fix edits outside the document', () => {
    const outside = rule((model, context) => {
      context.report({ span: { start: 5, end: model.text.length + 3 }, messageId: 'probe' });
      context.report({ span: { start: 0, end: 1 }, messageId: 'probe', fix: (fixer) => fixer.insertAt(-1, 'x') });
      context.inspect({ subject: 'image', span: { start: 4, end: 2 } });
    });
    assert.deepEqual(symptoms(checkInput('dockerfile', DOCKERFILE, { rules: [outside], fixes: 0 })), [
      'range dockerfile/fuzz-probe',
      'range dockerfile/fuzz-probe fix',
      'range dockerfile/fuzz-probe inspection',
    ]);
  });

  it('counts a fix that leaves its finding or breaks the file', () => {
    const useless = rule((_model, context) => context.report({ span: { start: 0, end: 4 }, messageId: 'probe', fix: (fixer) => fixer.insertAt(0, '# hi\n') }));
    assert.deepEqual(symptoms(checkInput('dockerfile', DOCKERFILE, { rules: [useless] })), ['broken-fix dockerfile/fuzz-probe: finding still there']);
    const breaking = rule(
      (model, context) => {
        if (model.errors.length === 0) context.report({ span: { start: 0, end: 1 }, messageId: 'probe', fix: (fixer) => fixer.insertAt(0, 'resource "a" {\n') });
      },
      { id: 'terraform/fuzz-probe', kind: 'terraform' },
    );
    assert.deepEqual(symptoms(checkInput('terraform', 'locals {}\n', { rules: [breaking] })), ['broken-fix terraform/fuzz-probe: no longer parses']);
  });

  it('counts an input that takes too long', () => {
    const slow = rule(() => {
      const until = performance.now() + 30;
      while (performance.now() < until);
    });
    assert.deepEqual(symptoms(checkInput('dockerfile', DOCKERFILE, { rules: [slow], slowMs: 10 })).map((symptom) => symptom.split(' ')[0]), ['slow']);
  });

  it('shrinks a failing input to what still fails', () => {
    const picky = rule((model) => {
      if (model.text.includes('USER root')) throw new Error('root');
    });
    const big = 'FROM alpine:3.20\n' + 'RUN echo filler\n'.repeat(20) + 'USER root\n' + 'RUN echo more\n'.repeat(20);
    assert.equal(shrink('dockerfile', big, 'rule-error', 'Rule dockerfile/fuzz-probe: root', [picky]), 'USER root');
  });

  it('refuses to start on a kind it has no file name for (the hook for a new kind)', async () => {
    await assert.rejects(fuzz({ kinds: ['cobol' as FileKind], inputs: 1 }), /no fuzz path for cobol: add one to FUZZ_PATHS in scripts\/fuzz\.ts/);
  });
});

describe('a short seeded fuzz run', () => {
  // The fixtures and rule examples only, so that CI (which has no corpus) and a laptop run the same
  // inputs; `npm run fuzz` mutates the corpus too.
  it('finds nothing in 100 inputs per kind', async () => {
    const inputs = 100 * KINDS.length;
    const report = await fuzz({ seed: 1, inputs, corpus: false });
    assert.equal(report.inputs, inputs);
    assert.deepEqual(Object.keys(report.byKind).sort(), KINDS.map((support) => support.kind).sort());
    for (const [kind, figures] of Object.entries(report.byKind)) assert.ok(figures.inputs >= 100 && figures.findings > 0, `${kind} is exercised`);
    const found = report.defects.map((defect) => `${defect.kind} ${defect.symptom} ${defect.key}: ${JSON.stringify(defect.input.slice(0, 200))}`);
    assert.deepEqual(found, []);
    assert.deepEqual(SYMPTOMS.map((symptom) => report.counts[symptom]), [0, 0, 0, 0, 0]);
  });
});
