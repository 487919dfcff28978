/**
 * How Kubernetes analysis cost grows with the workspace: synthetic workspaces of 1k and 5k
 * manifests (a Deployment, a Service, and every tenth one a PodDisruptionBudget, a NetworkPolicy
 * and an HPA, in 50 namespaces) and multi-document streams of 1k to 10k small documents. Prints
 * figures (a stream's are the best of three runs, which a busy machine disturbs least); asserts
 * nothing. Usage: node --import tsx scripts/bench-k8s-scale.ts
 */
import { performance } from 'node:perf_hooks';
import { ALL_RULES } from '../rules';
import { analyzeFile } from '../server/src/engine/analyze';
import type { ParsedFile, WorkspaceView } from '../server/src/engine/rule';
import type { BaseModel } from '../server/src/engine/types';
import { initKinds } from '../server/src/kinds';
import { parseKubernetes } from '../server/src/kinds/kubernetes/model';

const rules = ALL_RULES.filter((rule) => rule.meta.kind === 'kubernetes');

function manifest(i: number): string {
  const namespace = `team-${i % 50}`;
  const app = `app-${i}`;
  const docs = [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: ${namespace}\nspec:\n  replicas: ${1 + (i % 4)}\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n      - name: main\n        image: registry.example.com/${app}:1.${i}.0\n        ports:\n        - containerPort: 8080\n        resources:\n          requests: {cpu: 100m, memory: 128Mi}\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: ${namespace}\nspec:\n  selector:\n    app: ${app}\n  ports:\n  - port: 80\n    targetPort: 8080\n`,
  ];
  if (i % 10 === 0) {
    docs.push(
      `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${app}\n  namespace: ${namespace}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: ${app}\n`,
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${app}\n  namespace: ${namespace}\nspec:\n  podSelector:\n    matchLabels:\n      app: ${app}\n`,
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${app}\n  namespace: ${namespace}\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: ${app}\n  minReplicas: 2\n  maxReplicas: 6\n`,
    );
  }
  return docs.join('---\n');
}

/** A view like the workspace index's: one object per workspace state. */
function viewOf(files: ParsedFile[]): WorkspaceView {
  return { files: (kind) => (kind === undefined || kind === 'kubernetes' ? files : []), get: (path) => files.find((file) => file.path === path) };
}

const ms = (value: number) => `${value.toFixed(0).padStart(7)} ms`;

async function main() {
  await initKinds();
  console.log('workspace   files  parse all  analyze all (cold)  per file  one edit: re-parse + new index + analyze');
  for (const count of [1000, 5000]) {
    const texts = Array.from({ length: count }, (_, i) => manifest(i));
    const t0 = performance.now();
    const models: BaseModel[] = texts.map((text, i) => parseKubernetes(text, `/w/app-${i}.yaml`));
    const t1 = performance.now();
    const files: ParsedFile[] = models.map((model) => ({ path: model.path, kind: 'kubernetes', model }));
    const view = viewOf(files);
    for (const model of models) analyzeFile({ model, rules, workspace: view });
    const t2 = performance.now();
    const edited = parseKubernetes(`${texts[7]}# edited\n`, files[7].path);
    const nextFiles = files.map((file, i) => (i === 7 ? { ...file, model: edited } : file));
    analyzeFile({ model: edited, rules, workspace: viewOf(nextFiles) });
    const t3 = performance.now();
    console.log(`${String(count).padStart(9)} ${String(count).padStart(7)} ${ms(t1 - t0)} ${ms(t2 - t1).padStart(19)} ${(((t2 - t1) / count) * 1000).toFixed(0).padStart(6)} µs ${ms(t3 - t2).padStart(12)}`);
  }
  console.log('\nmulti-document stream   documents        MB   parse   analyze   total');
  for (const count of [1000, 5000, 10000]) {
    const docs: string[] = [];
    for (let i = 0; i < count; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: team\ndata:\n  key: value-${i}\n`);
    const text = docs.join('---\n');
    let parse = Number.POSITIVE_INFINITY;
    let analyze = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const model = parseKubernetes(text, '/w/stream.yaml');
      const t1 = performance.now();
      analyzeFile({ model, rules });
      const t2 = performance.now();
      parse = Math.min(parse, t1 - t0);
      analyze = Math.min(analyze, t2 - t1);
    }
    console.log(`${' '.repeat(22)}${String(count).padStart(10)} ${(text.length / 1e6).toFixed(2).padStart(9)} ${ms(parse)} ${ms(analyze)} ${ms(parse + analyze)}`);
  }
}

void main();
