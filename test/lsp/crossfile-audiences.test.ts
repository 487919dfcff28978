/**
 * A manifest tells the others three things: its facts by the namespace they land in (the manifests
 * with an object in that namespace read them), what every manifest reads (CRD scopes, cluster-wide
 * policies, kustomize and skaffold settings), and the objects it leaves without a namespace (only
 * kustomizations count them). An edit re-checks the files that read what it changed: a pasted Pod
 * without a namespace the kustomizations, a pasted Service the manifests of its namespace (as
 * kustomize files it), a RoleBinding those of the accounts it grants, a cluster-wide policy all.
 * Either way every file ends with the findings of a fresh analysis.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeFile } from '../../server/src/engine/analyze';
import { ReadinessService } from '../../server/src/service';
import { assertFindingsAsFresh, findingKeysOf } from '../helpers/fresh-analysis';
import { application } from '../helpers/synthetic';

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
    { name: 'a pasted Service re-checks the manifests of its namespace: here every one (none sets a namespace)', pasted: SERVICE, reanalyzed: ['app-0.yaml', 'app-1.yaml', 'app-2.yaml', 'app-3.yaml', 'app-4.yaml', 'kustomization.yaml'] },
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
      assertFindingsAsFresh(service, root, new Map([...texts, [edited, text]]));
      assert.deepEqual([...new Set(analyzed)].sort(), reanalyzed);
      service.dispose();
    });
  }
});

describe('cross-file audiences by namespace: a fact re-checks the manifests of the namespace it lands in', () => {
  let root: string;
  const texts = new Map<string, string>();

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'readiness-namespaces-'));
    // app-0 .. app-8 in team-0 .. team-2; the overlay files app-0 and app-1 under team-9 (kustomize's namespace wins).
    for (let i = 0; i < 9; i++) texts.set(join(root, `app-${i}.yaml`), application(i, `team-${i % 3}`));
    texts.set(join(root, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: team-9\nresources:\n  - app-0.yaml\n  - app-1.yaml\n');
    for (const [path, text] of texts) writeFileSync(path, text);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const pasted = (kind: string, namespace: string | undefined, spec: string) =>
    `---\napiVersion: ${kind === 'PodDisruptionBudget' ? 'policy/v1' : kind.endsWith('Binding') ? 'rbac.authorization.k8s.io/v1' : kind === 'CiliumClusterwideNetworkPolicy' ? 'cilium.io/v2' : 'v1'}\nkind: ${kind}\nmetadata:\n  name: pasted\n${namespace ? `  namespace: ${namespace}\n` : ''}${spec}`;
  /** `changes`: a file other than the edited one whose findings the paste changes. */
  const cases: { name: string; edited: string; pasted: string; reanalyzed: string[]; changes?: string }[] = [
    {
      name: 'a Service in team-1 re-checks the manifests of team-1',
      edited: 'app-4.yaml',
      pasted: pasted('Service', 'team-1', 'spec:\n  selector:\n    app: app-4\n'),
      reanalyzed: ['app-4.yaml', 'app-7.yaml'],
    },
    {
      name: 'a PodDisruptionBudget in team-2 re-checks the manifests of team-2',
      edited: 'app-4.yaml',
      pasted: pasted('PodDisruptionBudget', 'team-2', 'spec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: app-5\n'),
      reanalyzed: ['app-2.yaml', 'app-4.yaml', 'app-5.yaml', 'app-8.yaml'],
      changes: 'app-5.yaml',
    },
    {
      name: 'a PodDisruptionBudget in a file the kustomization brings in re-checks the manifests kustomize puts in its namespace, not those of its own',
      edited: 'app-0.yaml',
      pasted: pasted('PodDisruptionBudget', 'team-1', 'spec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: app-1\n'),
      reanalyzed: ['app-0.yaml', 'app-1.yaml'],
      changes: 'app-1.yaml',
    },
    {
      name: 'a RoleBinding re-checks the manifests of the namespace of the account it grants',
      edited: 'app-3.yaml',
      pasted: pasted('RoleBinding', 'team-0', 'subjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: team-2\nroleRef:\n  kind: ClusterRole\n  name: view\n  apiGroup: rbac.authorization.k8s.io\n'),
      reanalyzed: ['app-2.yaml', 'app-3.yaml', 'app-5.yaml', 'app-8.yaml'],
      changes: 'app-5.yaml',
    },
    {
      name: 'a cluster-wide policy re-checks every manifest',
      edited: 'app-3.yaml',
      pasted: pasted('CiliumClusterwideNetworkPolicy', undefined, 'spec:\n  endpointSelector: {}\n  ingress:\n    - fromEntities: [cluster]\n'),
      reanalyzed: [...[...Array(9).keys()].map((i) => `app-${i}.yaml`), 'kustomization.yaml'].sort(),
    },
  ];
  for (const { name, edited, pasted: text, reanalyzed, changes } of cases) {
    it(name, async () => {
      const analyzed: string[] = [];
      const service = new ReadinessService({ roots: [root], analyze: (input) => (analyzed.push(basename(input.model.path)), analyzeFile(input)) });
      await service.start();
      await service.checklist();
      const findingsOf = (file: string) => findingKeysOf(service, join(root, file));
      const before = changes ? findingsOf(changes) : [];
      const path = join(root, edited);
      const changed = `${texts.get(path)!}${text}`;
      analyzed.length = 0;
      service.setDocument(path, changed, 1, 'yaml');
      assertFindingsAsFresh(service, root, new Map([...texts, [path, changed]]));
      assert.deepEqual([...new Set(analyzed)].sort(), reanalyzed);
      if (changes) assert.notDeepEqual(findingsOf(changes), before, `the paste changes the findings of ${changes}`);
      service.dispose();
    });
  }
});
