import { scanProject } from '../server/src/project';
import { checklistFor } from '../server/src/checklist-service';
const dir = process.argv[2];
(async () => {
  const scan = await scanProject([dir]);
  const report = checklistFor(scan, 'en');
  const items = report.categories.flatMap((c) => c.items);
  console.log('score', report.score, 'gates', report.gatesPassed, '/', report.gatesTotal, 'inspected', scan.inspected.length, 'findings', scan.findings.length, 'errors', scan.errors);
  for (const c of report.categories) console.log(c.category, c.score, JSON.stringify(c.counts), c.gate?.passed, (c.gate?.reasons ?? []).join(' | '));
  const byRule = new Map<string, number>();
  for (const f of scan.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  console.log('FINDINGS', [...byRule].map(([r, n]) => `${r}:${n}`).join(' '));
  for (const f of scan.findings.slice(0, 60)) console.log('  ', f.ruleId, f.severity, scan.index.relative(f.path) + ':' + (f.range.start.line + 1), f.message.slice(0, 140));
  const mode = process.argv[3] ?? 'summary';
  for (const status of ['satisfied', 'failing', 'contradicted', 'not-verified']) {
    const list = items.filter((i) => i.status === status);
    console.log(`\n${status.toUpperCase()} (${list.length})`);
    if (mode === 'all' || status !== 'not-verified' || list.length < 60) for (const i of list) console.log('  ', i.id, i.manual ? '' : '', i.status === 'failing' ? i.findings.map((f) => f.ruleId + ' ' + f.file + ':' + (f.range.start.line + 1) + ' ' + f.message.slice(0, 100)).join(' || ') : i.status === 'satisfied' ? i.evidence.map((e) => e.detector).join(',') : (i.verification.rules.length ? 'rules:' + i.verification.rules.length : '') + ' ev:' + i.verification.evidence.join(','));
  }
  console.log(JSON.stringify(report.metrics.map((m) => [m.id, m.declared?.value, m.met])));
  console.log(report.approval.blockingStep);
})();
