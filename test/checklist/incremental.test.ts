/**
 * The incremental checklist gives, after any sequence of changes, the report a fresh scoring gives
 * (computeChecklist then annotateChecklist, as the CLI did): random changes of findings,
 * inspections, files, test folders and evidence, each checked against a fresh scoring of the same
 * inputs, key order included.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { annotateChecklist } from '../../server/src/checklist/annotate';
import { IncrementalChecklist, type FileResults } from '../../server/src/checklist/incremental';
import { computeChecklist } from '../../server/src/checklist/score';
import type { ChecklistReport, EvidenceHit } from '../../server/src/checklist/types';
import type { FileKind, Finding, Inspection } from '../../server/src/engine/types';
import { loadConfigText } from '../../server/src/settings';
import { scanProject } from '../../server/src/service';
import { evidenceInputs } from '../../server/src/service/checklist';
import { runDetectors } from '../../server/src/checklist/evidence/index';
import { seededRandom } from '../helpers/synthetic';

const FIXTURE = join(__dirname, '..', '..', 'examples');
const withoutTime = (report: ChecklistReport) => JSON.stringify({ ...report, generatedAt: '' });
const DEFAULT_CONFIG = loadConfigText('').config;
/** Configs the random changes switch between: rules turned off change what proves an item. */
const CONFIGS = [DEFAULT_CONFIG, loadConfigText('rules:\n  k8s/liveness-probe: off\n  dockerfile/non-root-user: off\n').config, loadConfigText('rules:\n  k8s/run-as-non-root: off\n').config];
let config = DEFAULT_CONFIG;

/** A fresh scoring of the same inputs, files in path order as the service analyses them. */
function fresh(root: string, analyses: ReadonlyMap<string, FileResults>, evidence: ReadonlyMap<string, EvidenceHit[]>, kinds: ReadonlySet<FileKind>): ChecklistReport {
  const ordered = [...analyses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, results]) => results);
  const findings = ordered.flatMap((results) => results.findings);
  const report = computeChecklist({
    findings: findings.filter((finding) => finding.severity !== 'hint'),
    inspected: ordered.flatMap((results) => results.inspected),
    root,
    analyzedKinds: kinds,
    evidenceFiles: [],
    evidence,
    config,
    locale: 'en',
  });
  return annotateChecklist({ ...report, analyzedFiles: analyses.size }, { findings, root });
}

function scoring(incremental: IncrementalChecklist, analyses: ReadonlyMap<string, FileResults>, evidence: ReadonlyMap<string, EvidenceHit[]>, kinds: ReadonlySet<FileKind>): Promise<ChecklistReport> {
  return incremental.score({ analyses, evidence, config, locale: 'en', analyzedKinds: kinds, problems: [], analyzedFiles: analyses.size });
}

const moved = <T extends Finding | Inspection>(value: T, path: string, lines: number): T => ({
  ...value,
  path,
  span: { start: value.span.start + lines * 7, end: value.span.end + lines * 7 },
  range: { start: { ...value.range.start, line: value.range.start.line + lines }, end: { ...value.range.end, line: value.range.end.line + lines } },
});

describe('incremental checklist', () => {
  let root: string;
  let files: Map<string, FileResults>;
  let evidence: Map<string, EvidenceHit[]>;
  let kinds: Set<FileKind>;
  before(async () => {
    const { scan } = await scanProject([FIXTURE], { locale: 'en' });
    root = scan.root;
    files = new Map();
    for (const path of scan.scanned) files.set(path, { findings: scan.findings.filter((finding) => finding.path === path), inspected: scan.inspected.filter((inspection) => inspection.path === path) });
    evidence = runDetectors(evidenceInputs(scan.index), 'en');
    kinds = new Set(scan.scanned.map((path) => scan.index.kindOf(path)!));
    assert.ok(files.size >= 5 && scan.inspected.length > 100 && scan.findings.some((finding) => finding.fix));
  });

  it('follows random changes of findings, inspections, files and evidence as a fresh scoring does', async () => {
    const random = seededRandom(16);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const analyses = new Map(files);
    const incremental = new IncrementalChecklist(root);
    let currentEvidence: Map<string, EvidenceHit[]> = evidence;
    let currentKinds: Set<FileKind> = kinds;
    let kept = 0;
    assert.equal(withoutTime(await scoring(incremental, analyses, currentEvidence, currentKinds)), withoutTime(fresh(root, analyses, currentEvidence, currentKinds)));
    const allFindings = [...files.values()].flatMap((results) => results.findings);
    const allInspections = [...files.values()].flatMap((results) => results.inspected);
    for (let step = 0; step < 200; step++) {
      const path = pick([...analyses.keys()]);
      const results = analyses.get(path)!;
      const change = Math.floor(random() * 14);
      let next: FileResults | undefined = results;
      switch (change) {
        case 0: // a finding fixed
          next = { ...results, findings: results.findings.filter((_, index) => index !== Math.floor(random() * results.findings.length)) };
          break;
        case 1: // a finding of another file's rule appears here
          next = { ...results, findings: [...results.findings, moved(pick(allFindings), path, Math.floor(random() * 5))] };
          break;
        case 2: // a subject becomes unknown, or known
          next = { ...results, inspected: results.inspected.map((inspection, index) => (index === 0 ? { ...inspection, unknown: inspection.unknown ? undefined : true } : inspection)) as Inspection[] };
          break;
        case 3: // lines inserted above everything: ranges and offsets move
          next = { findings: results.findings.map((finding) => moved(finding, path, 2)), inspected: results.inspected.map((inspection) => moved(inspection, path, 2)) };
          break;
        case 4: // an inspection of another file's rule here, sometimes of a subject another rule inspects
          next = { ...results, inspected: [...results.inspected, random() < 0.5 && results.inspected.length ? { ...pick(allInspections), path, span: pick(results.inspected).span } : moved(pick(allInspections), path, 1)] };
          break;
        case 5: // an inspection gone
          next = { ...results, inspected: results.inspected.slice(1) };
          break;
        case 6: // the file deleted
          next = undefined;
          break;
        case 7: // a new file, sometimes in a test or test-data folder
          {
            const folder = pick(['k8s', 'test', 'testdata', 'fixtures', 'deploy/a b', 'Zeta', 'alpha']);
            const added = join(root, folder, `new-${step}.yaml`);
            analyses.set(added, { findings: results.findings.map((finding) => moved(finding, added, 0)), inspected: results.inspected.map((inspection) => moved(inspection, added, 0)) });
          }
          break;
        case 8: // a severity changed (hints never count)
          next = { ...results, findings: results.findings.map((finding, index) => (index === 0 ? { ...finding, severity: pick(['error', 'warning', 'information', 'hint'] as const) } : finding)) };
          break;
        case 9: // the same results analysed again (a cross-file scope invalidated): a new object
          next = { findings: [...results.findings], inspected: [...results.inspected] };
          break;
        case 10: // the evidence changes
          currentEvidence = random() < 0.5 ? evidence : new Map([...evidence].filter(() => random() < 0.7));
          break;
        case 11: // the kinds present change
          currentKinds = random() < 0.5 ? kinds : new Set([...kinds].filter(() => random() < 0.5));
          break;
        case 13: // rules turned off or on
          config = CONFIGS[Math.floor(random() * CONFIGS.length)];
          break;
        case 12: {
          // Two rules' subjects become one (same kind, same start), or one of them moves apart: only the lists' sharing changes.
          const last = results.inspected.length - 1;
          const other = results.inspected.findIndex((inspection) => last > 0 && inspection.subject === results.inspected[last].subject && inspection.ruleId !== results.inspected[last].ruleId);
          const span = other >= 0 && random() < 0.5 ? results.inspected[other].span : { start: results.inspected[last]?.span.start + 1, end: results.inspected[last]?.span.end + 1 };
          if (last > 0) next = { ...results, inspected: results.inspected.map((inspection, index) => (index === last ? { ...inspection, span } : inspection)) };
          break;
        }
      }
      if (next) analyses.set(path, next);
      else analyses.delete(path);
      const before = incremental;
      const report = await scoring(before, analyses, currentEvidence, currentKinds);
      assert.equal(withoutTime(report), withoutTime(fresh(root, analyses, currentEvidence, currentKinds)), `after step ${step} (change ${change} of ${path})`);
      if (change === 9) kept += Number(report === (await scoring(before, analyses, currentEvidence, currentKinds)));
    }
    assert.ok(kept > 0, 'results found alike keep the report');
    config = DEFAULT_CONFIG;
  });

  it('keeps the report, and every item, when a file is analysed again with the same results', async () => {
    const analyses = new Map(files);
    const incremental = new IncrementalChecklist(root);
    const first = await scoring(incremental, analyses, evidence, kinds);
    for (const [path, results] of files) analyses.set(path, { findings: results.findings.map((finding) => ({ ...finding })), inspected: results.inspected.map((inspection) => ({ ...inspection })) });
    assert.equal(await scoring(incremental, analyses, evidence, kinds), first);
    const [path, results] = [...files].find(([, candidate]) => candidate.findings.some((finding) => finding.severity === 'error'))!;
    analyses.set(path, { ...results, findings: results.findings.filter((finding) => finding.severity !== 'error') });
    const second = await scoring(incremental, analyses, evidence, kinds);
    const touched = new Set(results.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId));
    const items = (report: ChecklistReport) => report.categories.flatMap((category) => category.items);
    const unchanged = items(second).filter((item, index) => item === items(first)[index]);
    assert.ok(unchanged.length > 0 && unchanged.every((item) => !item.verification.rules.some((ruleId) => touched.has(ruleId))), 'only the items of the changed rules are scored again');
  });
});
