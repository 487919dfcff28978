/**
 * The service keeps a manifest's cross-file findings when an edit of another manifest leaves what
 * that one tells the others unchanged, and re-checks only the manifests of the namespace a changed
 * fact lands in. Random edits across a workspace (selectors, labels, namespaces, names, kustomize
 * resources and namespaces, autoscaler floors, pasted and removed Services, budgets, policies,
 * bindings, accounts, LimitRanges and autoscalers in any namespace, comments, stray characters)
 * end, after every step, with the findings a fresh analysis of the whole workspace gives.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/analyze';
import { ReadinessService } from '../../server/src/service';
import { assertFindingsAsFresh } from '../helpers/fresh-analysis';
import { application, randomEdit, seededRandom } from '../helpers/synthetic';

describe('cross-file findings across random edits of a workspace', () => {
  let root: string;
  const texts = new Map<string, string>();

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'readiness-crossfile-'));
    for (let i = 0; i < 8; i++) texts.set(join(root, `app-${i}.yaml`), application(i, `team-${i % 2}`));
    texts.set(join(root, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app-0.yaml\n  - app-1.yaml\n');
    mkdirSync(join(root, 'overlay'));
    texts.set(join(root, 'overlay', 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: team-5\nresources:\n  - ../app-6.yaml\n  - ../app-7.yaml\n');
    texts.set(join(root, 'accounts.yaml'), 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: team-0\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: team-1\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 256Mi }\n');
    for (const [path, text] of texts) writeFileSync(path, text);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** Edits that change what a manifest tells the others, and edits that do not. */
  function edit(text: string, random: () => number): string {
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const replaceOne = (pattern: RegExp, replacement: string) => {
      const matches = [...text.matchAll(pattern)];
      if (matches.length === 0) return text;
      const match = pick(matches);
      return text.slice(0, match.index) + replacement + text.slice(match.index! + match[0].length);
    };
    switch (Math.floor(random() * 13)) {
      case 9:
      case 10:
      case 11:
        return `${text}${pastedObject(random)}`;
      case 12:
        return text.includes('\n---\n') ? text.slice(0, text.lastIndexOf('\n---\n') + 1) : text;
      case 0:
        return replaceOne(/app-\d+/g, `app-${Math.floor(random() * 8)}`);
      case 1:
        return replaceOne(/team-\d+/g, `team-${Math.floor(random() * 3)}`);
      case 2:
        return replaceOne(/minReplicas: \d+|replicas: \d+/g, pick(['minReplicas: 1', 'minReplicas: 3', 'replicas: 1', 'replicas: 4']));
      case 3:
        return replaceOne(/\n/g, `\n# note ${Math.floor(random() * 100)}\n`);
      case 4:
        return replaceOne(/- app-\d+\.yaml\n|resources:\n/g, pick(['- app-3.yaml\n', 'resources:\n  - app-5.yaml\n', 'namespace: team-2\nresources:\n', '']));
      case 5:
        return replaceOne(/kind: \w+/g, pick(['kind: PodDisruptionBudget', 'kind: Service', 'kind: NetworkPolicy', 'kind: Deployment']));
      case 6:
        return replaceOne(/\n  namespace: team-\d+/g, '');
      case 7:
        return replaceOne(/image: \S+/g, pick(['image: registry.example.com/x:latest', 'image: registry.example.com/x:2.0.0']));
      default:
        return applyEdits(text, [randomEdit(text, random)]);
    }
  }

  /** An object that tells other manifests something, in a random namespace (or none), about a random application. */
  function pastedObject(random: () => number): string {
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const namespace = pick(['team-0', 'team-1', 'team-2', 'team-5', undefined]);
    const app = `app-${Math.floor(random() * 8)}`;
    const metadata = `metadata:\n  name: pasted-${Math.floor(random() * 3)}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;
    const subject = `subjects:\n  - kind: ServiceAccount\n    name: default\n${random() < 0.5 ? `    namespace: ${pick(['team-0', 'team-1', 'team-5'])}\n` : ''}roleRef:\n  kind: ClusterRole\n  name: view\n  apiGroup: rbac.authorization.k8s.io\n`;
    return `---\n${pick([
      `apiVersion: v1\nkind: Service\n${metadata}spec:\n  selector:\n    app: ${app}\n`,
      `apiVersion: policy/v1\nkind: PodDisruptionBudget\n${metadata}spec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: ${app}\n`,
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n${metadata}spec:\n  podSelector:\n    matchLabels:\n      app: ${app}\n  policyTypes: [Ingress]\n`,
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n${metadata}${subject}`,
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n${metadata}${subject}`,
      `apiVersion: v1\nkind: ServiceAccount\n${metadata}automountServiceAccountToken: false\n`,
      `apiVersion: v1\nkind: LimitRange\n${metadata}spec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 256Mi }\n`,
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n${metadata}spec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${app} }\n  minReplicas: ${pick([1, 3])}\n  maxReplicas: 5\n`,
    ])}`;
  }

  it('re-checks a kustomization when an object it brings in loses its namespace (no fact of that file changes)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'readiness-kustomize-'));
    try {
      writeFileSync(join(folder, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - config.yaml\n');
      const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: team\n';
      writeFileSync(join(folder, 'config.yaml'), config);
      const service = new ReadinessService({ roots: [folder] });
      await service.start();
      // Every file analyzed once: what each tells the others is known before the edit.
      await service.checklist();
      const kustomizationFindings = () => {
        const report = service.fileReport(join(folder, 'kustomization.yaml'));
        return report.state === 'findings' ? report.findings.map((finding) => finding.ruleId) : [];
      };
      assert.deepEqual(kustomizationFindings(), []);
      service.setDocument(join(folder, 'config.yaml'), config.replace('  namespace: team\n', ''), 1, 'yaml');
      assert.deepEqual(kustomizationFindings(), ['k8s/default-namespace']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('ends every step with the findings of a fresh analysis of the workspace', async () => {
    const service = new ReadinessService({ roots: [root] });
    await service.start();
    await service.checklist();
    const random = seededRandom(61);
    const paths = [...texts.keys()];
    for (let step = 1; step <= 120; step++) {
      const path = paths[Math.floor(random() * paths.length)];
      const text = edit(texts.get(path)!, random);
      texts.set(path, text);
      service.setDocument(path, text, step, 'yaml');

      assertFindingsAsFresh(service, root, texts, `, step ${step}, after an edit of ${path}:\n${text}`);
    }
  });
});
