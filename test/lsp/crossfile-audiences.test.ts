/**
 * A manifest tells the others two things: its facts (every manifest reads them) and the objects it
 * leaves without a namespace (only kustomizations count them). An edit that changes only the
 * second re-checks the kustomizations, not every manifest; one that changes facts re-checks all.
 * Either way every file ends with the findings of a fresh analysis.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { analyzeFile } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/types';
import { ReadinessService } from '../../server/src/service';
import { WorkspaceIndex } from '../../server/src/workspace';
import { application } from '../helpers/synthetic';

const key = (finding: Finding) => `${finding.range.start.line}:${finding.range.start.character} ${finding.ruleId} ${finding.message}`;
const POD = '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pasted\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
const SERVICE = '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: pasted\nspec:\n  selector:\n    app: app-1\n';

describe('cross-file audiences: what only kustomizations read re-checks only them', () => {
  let root: string;
  const texts = new Map<string, string>();

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'readiness-audiences-'));
    for (let i = 0; i < 5; i++) texts.set(join(root, `app-${i}.yaml`), application(i, ''));
    texts.set(join(root, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app-0.yaml\n  - app-3.yaml\n');
    for (const [path, text] of texts) writeFileSync(path, text.replace(/\n {2}namespace: \n/g, '\n'));
    for (const [path, text] of texts) texts.set(path, text.replace(/\n {2}namespace: \n/g, '\n'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const cases: { name: string; pasted: string; reanalyzed: string[] }[] = [
    { name: 'a pasted Pod without a namespace re-checks the edited file and the kustomization', pasted: POD, reanalyzed: ['app-3.yaml', 'kustomization.yaml'] },
    { name: 'a pasted Service (a fact) re-checks every manifest', pasted: SERVICE, reanalyzed: ['app-0.yaml', 'app-1.yaml', 'app-2.yaml', 'app-3.yaml', 'app-4.yaml', 'kustomization.yaml'] },
  ];
  for (const { name, pasted, reanalyzed } of cases) {
    it(name, async () => {
      const analyzed: string[] = [];
      const service = new ReadinessService({ roots: [root], analyze: (input) => (analyzed.push(basename(input.model.path)), analyzeFile(input)) });
      await service.start();
      await service.checklist();
      const edited = join(root, 'app-3.yaml');
      const text = `${texts.get(edited)!}${pasted}`;
      analyzed.length = 0;
      service.setDocument(edited, text, 1, 'yaml');
      const fresh = new WorkspaceIndex(root);
      for (const [file, content] of texts) fresh.setText(file, file === edited ? text : content);
      for (const file of texts.keys()) {
        const report = service.fileReport(file);
        const actual = report.state === 'findings' ? report.findings.map(key).sort() : [];
        assert.deepEqual(actual, fresh.analyze(file, ALL_RULES, service.analysisSettings).findings.map(key).sort(), file);
      }
      assert.deepEqual([...new Set(analyzed)].sort(), reanalyzed);
      service.dispose();
    });
  }
});
