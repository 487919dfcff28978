/**
 * Robustness on Compose files in the shapes real projects write them (test/kinds/fixtures/compose:
 * the shared corpus has none): each is recognised, parses, passes the schema, no rule crashes, and
 * every quick fix parses, removes its finding and adds no other.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { composeRules } from '../../rules/compose';
import { analyzeModel, applyEdits } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/types';
import { detectKind, initKinds } from '../../server/src/kinds';
import { parseCompose } from '../../server/src/kinds/compose/model';

const fixtures = join(__dirname, 'fixtures', 'compose');

function analyze(text: string, path: string) {
  const model = parseCompose(text, path);
  return { model, findings: analyzeModel({ model, rules: composeRules }) };
}

const counts = (findings: Finding[]) => {
  const byRule = new Map<string, number>();
  for (const finding of findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  return byRule;
};

describe('compose fixtures', () => {
  before(() => initKinds());
  const names = readdirSync(fixtures).filter((name) => /\.ya?ml$/.test(name)).sort();

  it('has fixtures', () => assert.ok(names.length >= 4));

  for (const name of names) {
    it(`${name}: recognised, valid, analyzed without a rule error`, () => {
      const path = join(fixtures, name);
      const text = readFileSync(path, 'utf8');
      assert.equal(detectKind(path, text)?.kind, 'compose');
      const { model, findings } = analyze(text, path);
      assert.deepEqual(model.errors, []);
      assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error' || finding.ruleId === 'compose/schema').map((finding) => finding.message), []);
    });

    it(`${name}: every fix parses, removes its finding and adds none`, () => {
      const path = join(fixtures, name);
      const text = readFileSync(path, 'utf8');
      const before = analyze(text, path);
      const beforeCounts = counts(before.findings);
      const problems: string[] = [];
      for (const finding of before.findings) {
        if (!finding.fix) continue;
        const fixed = applyEdits(text, finding.fix.edits);
        const after = analyze(fixed, path);
        const afterCounts = counts(after.findings);
        const where = `${finding.range.start.line + 1} ${finding.ruleId} "${finding.fix.title}"`;
        if (after.model.errors.length) problems.push(`${where}: the fixed file no longer parses`);
        if ((afterCounts.get(finding.ruleId) ?? 0) >= (beforeCounts.get(finding.ruleId) ?? 0)) problems.push(`${where}: the finding is still there`);
        const revealed = new Set(composeRules.find((rule) => rule.meta.id === finding.ruleId)?.meta.fixReveals ?? []);
        for (const [ruleId, count] of afterCounts) if (count > (beforeCounts.get(ruleId) ?? 0) && !revealed.has(ruleId)) problems.push(`${where}: adds a ${ruleId} finding`);
      }
      assert.deepEqual(problems, []);
    });
  }
});
