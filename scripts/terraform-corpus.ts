/**
 * Terraform rules on a real tree (the corpus laid out by ../shared/corpus/real-tree.mjs): findings
 * and inspections per rule, and the time to parse and analyze the tree through the workspace index.
 * Usage: node --import tsx scripts/terraform-corpus.ts DIR [--json FILE]
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { terraformRules } from '../rules/terraform';
import type { Finding, Inspection } from '../server/src/engine/types';
import { initKinds } from '../server/src/kinds';
import { WorkspaceIndex } from '../server/src/workspace';

async function main() {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
  const root = resolve(args[0] ?? '.');
  await initKinds();
  const index = new WorkspaceIndex(root);
  index.scan();
  const paths = index.paths('terraform');
  const started = performance.now();
  const findings: Finding[] = [];
  const inspected: Inspection[] = [];
  for (const path of paths) {
    const result = index.analyze(path, terraformRules, {});
    findings.push(...result.findings);
    inspected.push(...(result.inspected ?? []));
  }
  const elapsed = performance.now() - started;
  const rows = new Map<string, { findings: number; information: number; inspected: number; unknown: number }>();
  const row = (id: string) => rows.get(id) ?? rows.set(id, { findings: 0, information: 0, inspected: 0, unknown: 0 }).get(id)!;
  for (const rule of terraformRules) row(rule.meta.id);
  for (const finding of findings) {
    row(finding.ruleId).findings++;
    if (finding.severity === 'information' || finding.severity === 'hint') row(finding.ruleId).information++;
  }
  for (const inspection of inspected) {
    row(inspection.ruleId).inspected++;
    if (inspection.unknown) row(inspection.ruleId).unknown++;
  }
  console.log(`${root}: ${paths.length} .tf files, ${findings.length} findings, analyzed in ${(elapsed / 1000).toFixed(2)} s`);
  // information: findings at most information (or configured so); unknown: inspections that prove nothing.
  console.log('rule                                findings  information  inspected  unknown');
  for (const [id, counts] of [...rows].sort()) {
    console.log(`${id.padEnd(36)} ${String(counts.findings).padStart(8)} ${String(counts.information).padStart(12)} ${String(counts.inspected).padStart(10)} ${String(counts.unknown).padStart(8)}`);
  }
  if (jsonFile) {
    const shown = findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      file: relative(root, finding.path),
      line: finding.range.start.line + 1,
      text: index.model(finding.path)?.text.slice(finding.span.start, Math.min(finding.span.end, finding.span.start + 80)),
      message: finding.message,
    }));
    writeFileSync(jsonFile, JSON.stringify(shown, null, 1));
  }
}

void main();
