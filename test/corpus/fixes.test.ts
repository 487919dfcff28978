/**
 * Every quick fix on real-world files (../shared/corpus/real, files under 64 KB): applied alone,
 * the file still parses, the fixed finding is gone, and no rule finds more than before.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { analyzeModel, applyEdits } from '../../server/src/engine/analyze';
import type { BaseModel, FileKind, Finding } from '../../server/src/engine/types';
import { initKinds, kindSupport } from '../../server/src/kinds';

const corpus = resolve(__dirname, '../../../shared/corpus/real');
const FOLDERS: Record<string, FileKind> = { dockerfile: 'dockerfile', k8s: 'kubernetes', nginx: 'nginx', terraform: 'terraform' };
const MAX_BYTES = 64 * 1024;

function analyze(kind: FileKind, text: string, path: string): { model: BaseModel; findings: Finding[] } {
  const model = kindSupport(kind).parse(text, path);
  return { model, findings: analyzeModel({ model, rules: ALL_RULES.filter((rule) => rule.meta.kind === kind) }) };
}

const counts = (findings: Finding[]) => {
  const byRule = new Map<string, number>();
  for (const finding of findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  return byRule;
};

describe('quick fixes on the real-world corpus', { skip: !existsSync(corpus) && 'no corpus' }, () => {
  before(() => initKinds());

  for (const [folder, kind] of Object.entries(FOLDERS)) {
    it(`every ${folder} fix parses, removes its finding and adds none`, () => {
      const problems: string[] = [];
      let applied = 0;
      for (const name of readdirSync(join(corpus, folder)).sort()) {
        const path = join(corpus, folder, name);
        const text = readFileSync(path, 'utf8');
        if (text.length > MAX_BYTES) continue;
        const before = analyze(kind, text, path);
        const beforeCounts = counts(before.findings);
        const beforeErrors = before.model.errors.length;
        for (const finding of before.findings) {
          if (!finding.fix || finding.ruleId.startsWith('readiness/')) continue;
          applied++;
          const fixed = applyEdits(text, finding.fix.edits);
          const after = analyze(kind, fixed, path);
          const afterCounts = counts(after.findings);
          const where = `${name}:${finding.range.start.line + 1} ${finding.ruleId} "${finding.fix.title}"`;
          if (after.model.errors.length > beforeErrors) problems.push(`${where}: the fixed file no longer parses (${after.model.errors[0].message})`);
          if ((afterCounts.get(finding.ruleId) ?? 0) >= (beforeCounts.get(finding.ruleId) ?? 0)) problems.push(`${where}: the finding is still there`);
          const revealed = new Set(ALL_RULES.find((rule) => rule.meta.id === finding.ruleId)?.meta.fixReveals ?? []);
          for (const [ruleId, count] of afterCounts) {
            if (count > (beforeCounts.get(ruleId) ?? 0) && !revealed.has(ruleId)) problems.push(`${where}: adds a ${ruleId} finding`);
          }
        }
      }
      assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems in ${applied} fixes`);
      assert.ok(applied > 0, 'the corpus exercises some fixes');
    });
  }
});
