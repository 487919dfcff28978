/**
 * ESLint-style table tests for one rule: `valid` snippets report nothing, `invalid` ones report
 * exactly the listed errors (1-based line/column like ESLint) and the quick fixes turn the code
 * into `output` (`null` = no fix offered). Every fix is also checked generically: applied alone it
 * re-parses, removes its finding, and adds no finding of any rule of the kind.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeFile, applyEdits } from '../../server/src/engine/analyze';
import type { ParsedFile, Rule, WorkspaceView } from '../../server/src/engine/rule';
import type { BaseModel, FileKind, Finding, Inspection } from '../../server/src/engine/types';
import { initKinds, kindSupport } from '../../server/src/kinds';
import { matchPath } from '../../server/src/kinds/nginx/glob';
import { ALL_RULES } from '../../rules';

export interface ValidCase {
  code: string;
  filename?: string;
  options?: Record<string, unknown>;
  /** Other files of the workspace, by path (same folder as `filename` unless absolute). */
  files?: Record<string, string>;
  name?: string;
  /**
   * The subjects the rule under test must report as inspected in this file, e.g. `['container']`
   * (order free); checked when given. `[]` asserts that nothing the rule is about is in the file.
   * A subject inspected as unknown (looked at, not judged: it proves nothing) ends with `?`:
   * `['server?']`.
   */
  inspected?: string[];
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Optional exact message, for rules whose data matters. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying every fix of this rule's findings; null when no fix is offered. */
  output: string | null;
}

const DEFAULT_FILENAMES: Record<FileKind, string> = {
  dockerfile: '/work/Dockerfile',
  kubernetes: '/work/deploy.yaml',
  nginx: '/work/nginx.conf',
  terraform: '/work/main.tf',
  compose: '/work/compose.yaml',
};

/**
 * A workspace of the given models: the folder holding them all is its root (nothing outside it is
 * part of the workspace), raw text comes from the models, globs match like nginx's glob(3).
 */
export function workspaceOf(files: Record<string, BaseModel>, root: string = commonFolder(Object.keys(files))): WorkspaceView {
  const parsed: ParsedFile[] = Object.values(files).map((model) => ({ path: model.path, kind: model.kind, model }));
  const prefix = root.endsWith('/') ? root : root + '/';
  return {
    files: (kind) => parsed.filter((file) => kind === undefined || file.kind === kind),
    get: (path) => parsed.find((file) => file.path === path),
    readText: (path) => files[path]?.text,
    glob: (pattern) => Object.keys(files).filter((path) => matchPath(pattern, path)).sort(),
    contains: (path) => path.startsWith(prefix),
  };
}

function commonFolder(paths: string[]): string {
  if (paths.length === 0) return '/';
  let common = paths[0].slice(0, paths[0].lastIndexOf('/'));
  for (const path of paths) {
    while (common && !path.startsWith(common + '/')) common = common.slice(0, common.lastIndexOf('/'));
  }
  return common || '/';
}

function resolvePath(base: string, path: string): string {
  if (path.startsWith('/')) return path;
  return base.slice(0, base.lastIndexOf('/') + 1) + path;
}

export function analyzeCase(rules: readonly Rule<any>[], kind: FileKind, testCase: ValidCase, ruleId?: string): { model: BaseModel; findings: Finding[]; inspected: Inspection[] } {
  const filename = testCase.filename ? resolvePath(DEFAULT_FILENAMES[kind], testCase.filename) : DEFAULT_FILENAMES[kind];
  const models: Record<string, BaseModel> = {};
  const model = kindSupport(kind).parse(testCase.code, filename);
  models[filename] = model;
  for (const [path, text] of Object.entries(testCase.files ?? {})) {
    const full = resolvePath(filename, path);
    const otherKind = kindOfPath(full) ?? kind;
    models[full] = kindSupport(otherKind).parse(text, full);
  }
  const settings = ruleId && testCase.options ? { rules: { [ruleId]: { options: testCase.options } } } : undefined;
  const { findings, inspected } = analyzeFile({ model, rules, settings, workspace: workspaceOf(models, '/work') });
  return { model, findings, inspected };
}

function kindOfPath(path: string): FileKind | undefined {
  if (path.endsWith('.tf')) return 'terraform';
  if (/(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(path)) return 'compose';
  if (/\.ya?ml$/.test(path)) return 'kubernetes';
  if (/(^|\/)(Dockerfile|Containerfile)[^/]*$/.test(path)) return 'dockerfile';
  if (path.endsWith('.conf') || path.endsWith('.nginx')) return 'nginx';
  return undefined;
}

function describeFinding(finding: Finding) {
  return {
    messageId: finding.messageId ?? finding.ruleId,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
}

const countBy = (findings: Finding[]) => {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
};

/** The subjects of the rule under test, sorted, for comparing with a case's `inspected` (`server?` when unknown). */
function subjectsOf(inspected: Inspection[], ruleId: string, path: string): string[] {
  return inspected
    .filter((inspection) => inspection.ruleId === ruleId && inspection.path === path)
    .map((inspection) => `${inspection.subject}${inspection.unknown ? '?' : ''}`)
    .sort();
}

/** A rule that reports a finding has looked at something: a finding without an inspection breaks the checklist's proof. */
function checkInspections(rule: Rule<any>, testCase: ValidCase, result: { model: BaseModel; findings: Finding[]; inspected: Inspection[] }) {
  const subjects = subjectsOf(result.inspected, rule.meta.id, result.model.path);
  if (testCase.inspected) assert.deepEqual(subjects, [...testCase.inspected].sort(), 'inspected subjects');
  const reported = result.findings.some((finding) => finding.ruleId === rule.meta.id && finding.path === result.model.path);
  if (reported) assert.ok(subjects.length > 0, `${rule.meta.id} reported a finding but inspected no subject`);
}

export function runRuleTests(rule: Rule<any>, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const { id, kind } = rule.meta;
  describe(id, () => {
    before(() => initKinds());

    cases.valid.forEach((entry, index) => {
      const testCase = typeof entry === 'string' ? { code: entry } : entry;
      it(`valid #${index + 1}${testCase.name ? `: ${testCase.name}` : ''}`, () => {
        const result = analyzeCase([rule], kind, testCase, id);
        const { findings } = result;
        assert.deepEqual(findings.filter((finding) => finding.ruleId === id).map(describeFinding), []);
        checkInspections(rule, testCase, result);
        assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((f) => f.message), []);
      });
    });

    cases.invalid.forEach((testCase, index) => {
      it(`invalid #${index + 1}${testCase.name ? `: ${testCase.name}` : ''}`, () => {
        const result = analyzeCase([rule], kind, testCase, id);
        const { model, findings } = result;
        assert.deepEqual(findings.filter((f) => f.ruleId === 'readiness/rule-error').map((f) => f.message), []);
        checkInspections(rule, testCase, result);
        const own = findings.filter((finding) => finding.ruleId === id && finding.path === model.path);
        const actual = own.map(describeFinding);
        const expected = testCase.errors.map(({ message: _message, ...position }) => position);
        assert.deepEqual(actual, expected);
        testCase.errors.forEach((error, i) => {
          if (error.message !== undefined) assert.equal(own[i].message, error.message);
        });
        for (const finding of own) {
          assert.match(finding.message, /\.$/, 'messages end with a period');
          assert.ok(!/\{\{/.test(finding.message), `unfilled placeholder in "${finding.message}"`);
        }

        const fixes = own.filter((finding) => finding.fix).map((finding) => finding.fix!);
        if (testCase.output === null) {
          assert.equal(fixes.length, 0, 'expected no fix to be offered');
        } else {
          assert.ok(fixes.length > 0, 'expected a fix');
          assert.equal(applyEdits(model.text, fixes.flatMap((fix) => fix.edits)), testCase.output);
        }
        checkEachFix(kind, testCase, own);
      });
    });
  });
}

/** Applied alone, each fix re-parses cleanly, removes its finding, and adds no other finding. */
function checkEachFix(kind: FileKind, testCase: InvalidCase, own: Finding[]) {
  const kindRules = ALL_RULES.filter((rule) => rule.meta.kind === kind);
  // The case's options belong to the rule under test; without them its finding could differ.
  const ruleId = own[0]?.ruleId;
  const before = analyzeCase(kindRules, kind, testCase, ruleId);
  const beforeCounts = countBy(before.findings);
  for (const finding of own) {
    if (!finding.fix) continue;
    const fixed = applyEdits(before.model.text, finding.fix.edits);
    const after = analyzeCase(kindRules, kind, { ...testCase, code: fixed }, ruleId);
    assert.deepEqual(after.model.errors, [], `the fix "${finding.fix.title}" leaves a file that does not parse:\n${fixed}`);
    const afterCounts = countBy(after.findings);
    assert.ok(
      (afterCounts.get(finding.ruleId) ?? 0) < (beforeCounts.get(finding.ruleId) ?? 0),
      `the fix "${finding.fix.title}" does not remove its finding:\n${fixed}`,
    );
    const revealed = new Set(kindRules.find((rule) => rule.meta.id === finding.ruleId)?.meta.fixReveals ?? []);
    for (const [ruleId, count] of afterCounts) {
      if (revealed.has(ruleId)) continue;
      assert.ok(count <= (beforeCounts.get(ruleId) ?? 0), `the fix "${finding.fix.title}" adds a ${ruleId} finding:\n${fixed}`);
    }
  }
}
