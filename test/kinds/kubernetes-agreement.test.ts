/**
 * Agreement with the reference linters on the checks we share, measured on their own verdicts
 * (kubernetes-agreement-cases.ts). Each case runs the one rule it is about; the rule reports or not.
 * Prints agreement per rule and overall: "agree" counts cases where we give the reference's verdict,
 * "deliberate" the recorded differences (with their reason in the table), "wrong" the rest. The test
 * fails on any unrecorded disagreement, and on a recorded difference that no longer differs.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initKinds } from '../../server/src/kinds';
import { k8sRules } from '../../rules/k8s';
import { analyzeCase } from '../helpers/rule-tester';
import { AGREEMENT_CASES, type AgreementCase } from './kubernetes-agreement-cases';

type Verdict = 'reports' | 'passes';

function ourVerdict(testCase: AgreementCase): Verdict {
  const rule = k8sRules.find((candidate) => candidate.meta.id === testCase.rule);
  assert.ok(rule, `unknown rule ${testCase.rule}`);
  const { model, findings } = analyzeCase([rule], 'kubernetes', { code: testCase.code, files: testCase.files, options: testCase.options }, testCase.rule);
  const crashed = findings.filter((finding) => finding.ruleId === 'readiness/rule-error');
  assert.deepEqual(
    crashed.map((finding) => finding.message),
    [],
    label(testCase),
  );
  return findings.some((finding) => finding.ruleId === testCase.rule && finding.path === model.path) ? 'reports' : 'passes';
}

const label = (testCase: AgreementCase) => `${testCase.rule} vs ${testCase.tool} ${testCase.check}: ${testCase.name} (${testCase.source})`;
const opposite = (verdict: Verdict): Verdict => (verdict === 'reports' ? 'passes' : 'reports');
const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

interface Tally {
  cases: number;
  agree: number;
  deliberate: number;
  wrong: number;
}

function table(rows: [string, Tally][]): string {
  const lines = [`${'rule'.padEnd(30)} cases agree deliberate wrong  agreement  on shared semantics`];
  for (const [name, tally] of rows) {
    const shared = tally.cases - tally.deliberate;
    lines.push(
      `${name.padEnd(30)} ${String(tally.cases).padStart(5)} ${String(tally.agree).padStart(5)} ${String(tally.deliberate).padStart(10)} ${String(tally.wrong).padStart(5)}  ${percent(tally.agree, tally.cases).padStart(9)}  ${percent(tally.agree, shared).padStart(19)}`,
    );
  }
  return lines.join('\n');
}

describe('agreement with kube-linter, Polaris, kube-score and KICS', () => {
  before(() => initKinds());

  it('gives the reference verdict on every case that is not a recorded, reasoned difference', () => {
    const byRule = new Map<string, Tally>();
    const byTool = new Map<string, Tally>();
    const total: Tally = { cases: 0, agree: 0, deliberate: 0, wrong: 0 };
    const problems: string[] = [];
    for (const testCase of AGREEMENT_CASES) {
      const ours = ourVerdict(testCase);
      const expected = testCase.differs ? opposite(testCase.reference) : testCase.reference;
      const outcome: keyof Tally = ours === testCase.reference ? 'agree' : ours === expected ? 'deliberate' : 'wrong';
      if (ours !== expected) problems.push(`${label(testCase)}: reference ${testCase.reference}, ours ${ours}${testCase.differs ? ' (recorded as a difference, which no longer differs)' : ''}`);
      for (const tally of [tallyOf(byRule, testCase.rule), tallyOf(byTool, testCase.tool), total]) {
        tally.cases++;
        tally[outcome]++;
      }
    }
    const rows = [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b));
    console.log(`\n${table([...rows, ['overall', total]])}\n\n${table([...byTool.entries()])}\n`);
    assert.deepEqual(problems, []);
  });

  it('records a reason for every difference and a source for every case', () => {
    for (const testCase of AGREEMENT_CASES) {
      assert.ok(testCase.source.trim() !== '', label(testCase));
      if (testCase.differs !== undefined) assert.match(testCase.differs, /\S.*\.$/, `the reason of ${label(testCase)} is one sentence`);
    }
  });
});

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = { cases: 0, agree: 0, deliberate: 0, wrong: 0 };
    map.set(key, tally);
  }
  return tally;
}
