/**
 * Agreement with checkov and KICS: every verdict their test suites assert on a check we share
 * (test/rules/terraform/agreement/cases.ts) is run through our rule. A case either agrees, or
 * carries the reason we deliberately answer otherwise; both are counted, and the figures per rule
 * and overall are printed.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { terraformRules } from '../../rules/terraform';
import { initKinds } from '../../server/src/kinds';
import { analyzeCase } from '../helpers/rule-tester';
import { CASES, type AgreementCase, type Verdict } from '../rules/terraform/agreement/cases';

/** At least this share of the reference verdicts must be ours (deliberate differences count against it). */
const MINIMUM_AGREEMENT = 0.95;

function verdictOf(testCase: AgreementCase): Verdict {
  const ruleId = `terraform/${testCase.rule}`;
  const rule = terraformRules.find((candidate) => candidate.meta.id === ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  const { model, findings, inspected } = analyzeCase([rule], 'terraform', { code: testCase.code, files: testCase.files }, ruleId);
  assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message), []);
  const relevant = findings.filter(
    (finding) =>
      finding.ruleId === ruleId &&
      finding.path === model.path &&
      (!testCase.messages || testCase.messages.includes(finding.messageId ?? '')) &&
      (!testCase.mentions || finding.message.includes(testCase.mentions)),
  );
  if (relevant.length > 0) return 'fail';
  return inspected.some((inspection) => inspection.ruleId === ruleId && inspection.path === model.path && inspection.unknown) ? 'unknown' : 'pass';
}

describe('terraform agreement with checkov and KICS', () => {
  before(() => initKinds());

  const results = CASES.map((testCase) => ({ testCase, ours: () => verdictOf(testCase) }));
  const tally = new Map<string, { agree: number; differ: number }>();

  for (const { testCase, ours } of results) {
    it(`${testCase.tool} ${testCase.check}: ${testCase.from} -> ${testCase.expected}`, () => {
      const verdict = ours();
      const row = tally.get(testCase.rule) ?? { agree: 0, differ: 0 };
      tally.set(testCase.rule, row);
      if (testCase.differs) {
        assert.notEqual(verdict, testCase.expected, `recorded as a deliberate difference, but we agree: ${testCase.differs}`);
        row.differ++;
      } else {
        assert.equal(verdict, testCase.expected);
        row.agree++;
      }
    });
  }

  it(`agrees on at least ${MINIMUM_AGREEMENT * 100}% of the reference verdicts`, () => {
    let agree = 0;
    let total = 0;
    const lines = ['rule                         cases  agree  differ  agreement'];
    for (const [rule, row] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
      const cases = row.agree + row.differ;
      agree += row.agree;
      total += cases;
      lines.push(`${rule.padEnd(28)} ${String(cases).padStart(5)} ${String(row.agree).padStart(6)} ${String(row.differ).padStart(7)}  ${((100 * row.agree) / cases).toFixed(1).padStart(8)}%`);
    }
    lines.push(`${'overall'.padEnd(28)} ${String(total).padStart(5)} ${String(agree).padStart(6)} ${String(total - agree).padStart(7)}  ${((100 * agree) / total).toFixed(1).padStart(8)}%`);
    console.log(lines.join('\n'));
    assert.equal(total, CASES.length, 'every case ran');
    assert.ok(agree / total >= MINIMUM_AGREEMENT, `agreement ${((100 * agree) / total).toFixed(1)}%`);
  });
});
