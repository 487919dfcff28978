/**
 * How long scoring the checklist takes on a large workspace: a synthetic workspace of 1k and 5k
 * Kubernetes manifests (a Deployment without probes or a security context, so each file carries a
 * dozen findings, and a Service), analyzed once; then computeChecklist alone, with the evidence
 * precomputed as the service caches it. Prints the findings, the inspections, and the best and the
 * median of seven runs in wall time and in CPU time (a busy machine disturbs the best and the CPU
 * time least); asserts nothing. Usage: node --import tsx scripts/bench-checklist.ts
 */
import { performance } from 'node:perf_hooks';
import { ALL_RULES } from '../rules';
import { runDetectors } from '../server/src/checklist/evidence/index';
import { computeChecklist } from '../server/src/checklist/score';
import { analyzeFile } from '../server/src/engine/analyze';
import { emptyConfig } from '../server/src/engine/config';
import type { ParsedFile, WorkspaceView } from '../server/src/engine/rule';
import type { Finding, Inspection } from '../server/src/engine/types';
import { initKinds } from '../server/src/kinds';
import { parseKubernetes } from '../server/src/kinds/kubernetes/model';

const ROOT = '/workspace/bench';
const rules = ALL_RULES.filter((rule) => rule.meta.kind === 'kubernetes');

function manifest(i: number): string {
  const app = `app-${i}`;
  return [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: team-${i % 50}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n      - name: main\n        image: registry.example.com/${app}:latest\n        ports:\n        - containerPort: 8080\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: team-${i % 50}\nspec:\n  selector:\n    app: ${app}\n  ports:\n  - port: 80\n    targetPort: 8080\n`,
  ].join('---\n');
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

async function main() {
  await initKinds();
  console.log('manifests  findings  inspections  computeChecklist wall: best  median   cpu: best  median');
  for (const count of [1000, 5000]) {
    const texts = Array.from({ length: count }, (_, i) => manifest(i));
    const relative = texts.map((_, i) => `k8s/team-${i % 50}/app-${i}.yaml`);
    const files: ParsedFile[] = texts.map((text, i) => ({ path: `${ROOT}/${relative[i]}`, kind: 'kubernetes', model: parseKubernetes(text, `${ROOT}/${relative[i]}`) }));
    const byPath = new Map(files.map((file) => [file.path, file]));
    const view: WorkspaceView = { files: (kind) => (kind === undefined || kind === 'kubernetes' ? files : []), get: (path) => byPath.get(path) };
    const findings: Finding[] = [];
    const inspected: Inspection[] = [];
    for (const file of files) {
      const result = analyzeFile({ model: file.model, rules, workspace: view });
      findings.push(...result.findings);
      inspected.push(...result.inspected);
    }
    const evidenceFiles = texts.map((text, i) => ({ path: relative[i], text }));
    const evidence = runDetectors(evidenceFiles);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < 7; run++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      computeChecklist({ findings, inspected, root: ROOT, analyzedKinds: new Set(['kubernetes']), evidenceFiles, evidence, config: emptyConfig(), locale: 'en' });
      const used = process.cpuUsage(startCpu);
      wall.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(`${String(count).padStart(9)} ${String(findings.length).padStart(9)} ${String(inspected.length).padStart(12)} ${ms(wall[0]).padStart(28)} ${ms(wall[3])} ${ms(cpu[0]).padStart(11)} ${ms(cpu[3])}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
