/**
 * Agreement with the reference linters (hadolint, checkov, KICS, semgrep) on the verdicts their own
 * test suites assert, for the checks our Dockerfile rules share (test/rules/dockerfile/reference-cases.ts).
 * A case agrees when the reference reports and our rule reports a defect, or the reference is silent
 * and our rule is silent, records a decision (a finding capped at information) or could not judge
 * (an unknown inspection). Every deliberate difference is recorded with its reason, and must still
 * differ: a difference that disappears is a case to move back to the agreeing ones.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { dockerfileRules } from '../../rules/dockerfile';
import { initKinds } from '../../server/src/kinds';
import type { Severity } from '../../server/src/engine/types';
import { analyzeCase } from '../helpers/rule-tester';
import { NOT_SHARED, REFERENCE_CASES, type ReferenceCase, type Tool } from '../rules/dockerfile/reference-cases';

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

type Ours = 'reports' | 'decision' | 'unknown' | 'silent';

/** Our verdict on one Dockerfile: a defect, a recorded decision, an unknown subject, or nothing. */
function verdictOn(rule: (typeof dockerfileRules)[number], code: string): Ours {
  const { findings, inspected } = analyzeCase([rule], 'dockerfile', { code }, rule.meta.id);
  const errors = findings.filter((finding) => finding.ruleId === 'readiness/rule-error');
  assert.deepEqual(errors.map((finding) => finding.message), []);
  const own = findings.filter((finding) => finding.ruleId === rule.meta.id);
  if (own.some((finding) => RANK[finding.severity] >= RANK[rule.meta.severity])) return 'reports';
  if (own.length > 0) return 'decision';
  return inspected.some((inspection) => inspection.ruleId === rule.meta.id && inspection.unknown) ? 'unknown' : 'silent';
}

/** Our verdict on each snippet of a case (an hadolint `it` may hold several; the case holds for each). */
function oursOn(testCase: ReferenceCase): Ours[] {
  const rule = dockerfileRules.find((candidate) => candidate.meta.id === testCase.rule);
  assert.ok(rule, `no rule ${testCase.rule}`);
  return (Array.isArray(testCase.code) ? testCase.code : [testCase.code]).map((code) => verdictOn(rule, code));
}

const agrees = (testCase: ReferenceCase, ours: readonly Ours[]) =>
  ours.every((verdict) => (testCase.verdict === 'reports' ? verdict === 'reports' : verdict !== 'reports'));

const percent = (agreed: number, total: number) => `${((100 * agreed) / total).toFixed(1)}% (${agreed}/${total})`;

describe('agreement with the reference linters\' own test cases', () => {
  before(() => initKinds());
  const results = new Map<ReferenceCase, boolean>();

  for (const testCase of REFERENCE_CASES) {
    const title = `${testCase.tool} ${testCase.check} ${testCase.verdict}: ${testCase.name} (${testCase.rule})`;
    it(title, () => {
      const ours = oursOn(testCase);
      const agreed = agrees(testCase, ours);
      results.set(testCase, agreed);
      if (testCase.differs) assert.equal(agreed, false, `recorded as a deliberate difference (${testCase.differs}) but ${testCase.rule} now agrees (${ours})`);
      else assert.equal(agreed, true, `${testCase.tool} ${testCase.verdict}, ${testCase.rule} ${ours}`);
    });
  }

  it('prints agreement per tool and per rule, and keeps at least 95% overall', (t) => {
    assert.equal(results.size, REFERENCE_CASES.length);
    const tally = (key: (testCase: ReferenceCase) => string) => {
      const byKey = new Map<string, { agreed: number; total: number }>();
      for (const [testCase, agreed] of results) {
        const entry = byKey.get(key(testCase)) ?? { agreed: 0, total: 0 };
        entry.total++;
        if (agreed) entry.agreed++;
        byKey.set(key(testCase), entry);
      }
      return [...byKey].sort(([a], [b]) => a.localeCompare(b));
    };
    for (const [tool, { agreed, total }] of tally((testCase) => testCase.tool)) t.diagnostic(`${tool as Tool}: ${percent(agreed, total)}`);
    for (const [rule, { agreed, total }] of tally((testCase) => testCase.rule)) t.diagnostic(`${rule}: ${percent(agreed, total)}`);
    const agreed = [...results.values()].filter(Boolean).length;
    t.diagnostic(`overall: ${percent(agreed, results.size)}; ${NOT_SHARED.length} reference checks not shared`);
    assert.ok(agreed / results.size >= 0.95, `agreement ${percent(agreed, results.size)} is below 95%`);
  });
});
