/**
 * The workspace index updated in place from one state to the next answers every lookup as an
 * index built afresh for the new state: random sequences of added, edited and deleted manifests
 * (kustomizations included, which force a rebuild), compared lookup by lookup.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceView } from '../../server/src/engine/rule';
import { factsOf } from '../../server/src/kinds/kubernetes/facts';
import { parseKubernetes, type KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { KubernetesWorkspace } from '../../server/src/kinds/kubernetes/workspace-index';
import { seededRandom } from '../helpers/synthetic';


const NAMES = ['web', 'api', 'db'];
const NAMESPACES = [undefined, 'x', 'y'];
const ACCOUNTS = ['default', 'runner', 'builder'];
const IMAGES = ['shop/web', 'shop/api'];
const FOLDERS = ['/w/base', '/w/base/more', '/w/apps', '/w/overlays/prod'];

function manifestGenerator(next: () => number) {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const metadata = (name: string) => {
    const namespace = pick(NAMESPACES);
    return `metadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;
  };
  const labels = () => (next() < 0.2 ? '{}' : `{app: ${pick(NAMES)}${next() < 0.4 ? `, tier: ${pick(['front', 'back'])}` : ''}}`);
  const selector = () => {
    const roll = next();
    if (roll < 0.15) return '{}';
    if (roll < 0.3) return `{matchExpressions: [{key: app, operator: In, values: [${pick(NAMES)}]}]}`;
    return `{matchLabels: ${labels()}}`;
  };
  const documents: (() => string)[] = [
    () => `apiVersion: apps/v1\nkind: Deployment\n${metadata(pick(NAMES))}spec:\n  template:\n    metadata:\n      labels: ${labels()}\n    spec:\n      serviceAccountName: ${pick(ACCOUNTS)}\n      containers:\n      - name: app\n        image: ${pick(IMAGES)}\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: ${pick(NAMES)}\n`,
    () => `apiVersion: v1\nkind: Pod\n${metadata(pick(NAMES)).replace('metadata:\n', `metadata:\n  labels: ${labels()}\n`)}spec:\n  containers:\n  - name: app\n    image: ${pick(IMAGES)}\n`,
    () => `apiVersion: ${pick(['policy/v1', 'policy/v1beta1'])}\nkind: PodDisruptionBudget\n${metadata(pick(NAMES))}spec:\n  selector: ${selector()}\n`,
    () => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n${metadata(pick(NAMES))}spec:\n  podSelector: ${selector()}\n`,
    () => `apiVersion: cilium.io/v2\nkind: ${pick(['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'])}\n${metadata(pick(NAMES))}spec:\n  endpointSelector: ${selector()}\n  ingress: []\n`,
    () => `apiVersion: v1\nkind: Service\n${metadata(pick(NAMES))}spec:\n  selector: ${labels()}\n`,
    () => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n${metadata(pick(NAMES))}spec:\n  scaleTargetRef: {kind: ${pick(['Deployment', 'StatefulSet'])}, name: ${pick(NAMES)}}\n  minReplicas: ${pick([1, 2, 3])}\n  maxReplicas: 5\n`,
    () => `apiVersion: v1\nkind: ServiceAccount\n${metadata(pick(ACCOUNTS))}automountServiceAccountToken: ${pick(['true', 'false'])}\n`,
    () => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${pick(['RoleBinding', 'ClusterRoleBinding'])}\n${metadata(pick(NAMES))}subjects:\n- kind: ServiceAccount\n  name: ${pick(ACCOUNTS)}\n${next() < 0.5 ? `  namespace: ${pick(['x', 'y', 'default'])}\n` : ''}`,
    () => `apiVersion: v1\nkind: LimitRange\n${metadata(pick(NAMES))}spec:\n  limits:\n  - type: Container\n    default: {${pick(['cpu: 1', 'memory: 1Gi', 'cpu: 1, memory: 1Gi'])}}\n`,
    () => `apiVersion: v1\nkind: PersistentVolumeClaim\n${metadata(pick(NAMES))}spec:\n  accessModes: [${pick(['ReadWriteOnce', 'ReadWriteMany'])}]\n`,
    () => `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  scope: ${pick(['Cluster', 'Namespaced'])}\n  names:\n    kind: Widget\n`,
    () => `apiVersion: example.com/v1\nkind: Widget\n${metadata(pick(NAMES))}`,
    () => `apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: ${pick(IMAGES)}\n`,
  ];
  const manifest = () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(documents)()).join('---\n');
  const kustomization = (folder: string, paths: string[]) => {
    const namespace = next() < 0.5 ? `namespace: ${pick(['x', 'y', 'z'])}\n` : '';
    const below = paths.filter((path) => path.startsWith(`${folder}/`) && next() < 0.6).map((path) => path.slice(folder.length + 1));
    // Mostly overlays over the folders after them; now and then a loop, which kustomize rejects and the index rebuilds over.
    const bases = FOLDERS.filter((other, at) => other !== folder && (at > FOLDERS.indexOf(folder) || next() < 0.05) && next() < 0.3).map((other) => relativeFolder(folder, other));
    const images = next() < 0.5 ? `images:\n- name: ${pick(IMAGES)}\n  newTag: ${pick(['v1', 'latest'])}\n` : '';
    return `${namespace}resources:\n${[...below, ...bases, 'missing.yaml'].map((entry) => `- ${entry}\n`).join('')}${images}`;
  };
  return { pick, manifest, kustomization };
}

function relativeFolder(from: string, to: string): string {
  const up = from.split('/').length - 2;
  return `${'../'.repeat(up)}${to.slice('/w/'.length)}`;
}

function viewOf(models: Map<string, KubernetesModel>, lineage: object): WorkspaceView {
  const files = [...models.keys()].sort().map((path) => ({ path, kind: 'kubernetes' as const, model: models.get(path)! }));
  return { files: (kind) => (kind === undefined || kind === 'kubernetes' ? files : []), get: (path) => files.find((file) => file.path === path), lineage };
}

const ids = new WeakMap<object, string>();
let factCount = 0;
/** A fact as its identity: both indexes hold the same fact objects, extracted once per model. */
function idOf(fact: object | undefined): string | undefined {
  if (fact === undefined) return undefined;
  let id = ids.get(fact);
  if (!id) ids.set(fact, (id = `fact ${++factCount}`));
  return id;
}

/** Every answer the index gives about the workspace's objects, with facts compared by identity. */
function answers(index: KubernetesWorkspace, models: Map<string, KubernetesModel>): unknown[] {
  const found: unknown[] = [];
  const push = found.push.bind(found);
  for (const [path, model] of [...models].sort(([a], [b]) => (a < b ? -1 : 1))) {
    push(path, index.isKustomized(path), index.kustomizeSetsNamespace(path), IMAGES.map((image) => index.imageTagSupplied(path, image)));
    const root = index.rootWithoutNamespace(path);
    push(idOf(root), root && index.filesWithoutNamespace(root).sort());
    for (const object of model.objects) {
      const limits = index.limitDefaults(path, object);
      push(index.namespacesOf(path, object.namespace), index.scopeOf(object), [...limits.limits], [...limits.requests], NAMES.map((name) => idOf(index.claim(path, object, name))));
      push(idOf(index.budgetFor(path, object)), index.isolated(path, object), idOf(index.scalerFor(path, object)));
      if (object.pod) push(index.servicesFor(path, object.pod).map(idOf), idOf(index.accountFor(path, object.pod)), idOf(index.bindingFor(path, object.pod)));
    }
  }
  return found;
}

describe('kubernetes workspace index, updated from state to state', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`answers as a fresh build after each of 120 random edits (seed ${seed})`, () => {
      const next = seededRandom(seed);
      const { pick, manifest, kustomization } = manifestGenerator(next);
      const lineage = {};
      const models = new Map<string, KubernetesModel>();
      const pool = FOLDERS.flatMap((folder) => [0, 1, 2, 3].map((n) => `${folder}/m${n}.yaml`));
      for (const path of pool) if (next() < 0.6) models.set(path, parseKubernetes(manifest(), path));
      let previous = KubernetesWorkspace.of(viewOf(models, lineage));
      let updates = 0;
      for (let step = 0; step < 120; step++) {
        const roll = next();
        const path = pick(pool);
        if (roll < 0.05) {
          const folder = pick(FOLDERS);
          const file = `${folder}/kustomization.yaml`;
          if (models.has(file) && next() < 0.3) models.delete(file);
          else models.set(file, parseKubernetes(kustomization(folder, [...models.keys()]), file));
        } else if (roll < 0.2 && models.has(path)) models.set(path, parseKubernetes(`${models.get(path)!.text}# a comment\n`, path));
        else if (roll < 0.35) models.delete(path);
        else models.set(path, parseKubernetes(manifest(), path));
        const view = viewOf(models, lineage);
        const index = KubernetesWorkspace.of(view);
        if (index === previous) updates++;
        const fresh = new KubernetesWorkspace(view.files('kubernetes').map((file) => ({ path: file.path, facts: factsOf(file.model as KubernetesModel) })));
        assert.deepStrictEqual(answers(index, models), answers(fresh, models), `seed ${seed}, step ${step}`);
        assert.equal(KubernetesWorkspace.of(view), index, 'one index per state');
        previous = index;
      }
      assert.ok(updates > 60, `most states are updates of the previous index, not rebuilds (${updates} of 120)`);
    });
  }

  it('a state asked for again after the index moved on answers for itself', () => {
    const lineage = {};
    const service = (selector: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: ${selector}}\n`;
    const pod = parseKubernetes('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web}\nspec:\n  containers:\n  - name: app\n    image: web\n', '/w/pod.yaml');
    const selected = (view: WorkspaceView) => KubernetesWorkspace.of(view).servicesFor('/w/pod.yaml', pod.objects[0].pod!).length;
    const first = viewOf(new Map([['/w/pod.yaml', pod], ['/w/svc.yaml', parseKubernetes(service('web'), '/w/svc.yaml')]]), lineage);
    const second = viewOf(new Map([['/w/pod.yaml', pod], ['/w/svc.yaml', parseKubernetes(service('api'), '/w/svc.yaml')]]), lineage);
    const firstIndex = KubernetesWorkspace.of(first);
    assert.equal(selected(first), 1);
    assert.equal(KubernetesWorkspace.of(second), firstIndex, 'updated in place');
    assert.equal(selected(second), 0);
    assert.equal(selected(first), 1);
    assert.equal(selected(second), 0);
  });

  it('is rebuilt, not updated, when a kustomization changes or kustomizations include each other', () => {
    const lineage = {};
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n';
    const files = (extra: Record<string, string>) => new Map(Object.entries({ '/w/a/svc.yaml': service, ...extra }).map(([path, text]) => [path, parseKubernetes(text, path)]));
    const plain = (text: string) => KubernetesWorkspace.of(viewOf(files({ '/w/a/kustomization.yaml': 'namespace: a\nresources:\n- svc.yaml\n', '/w/b/other.yaml': text }), lineage));
    const first = plain(service);
    assert.equal(plain(`${service}# edited\n`), first, 'an unrelated edit updates');
    const relinked = KubernetesWorkspace.of(viewOf(files({ '/w/a/kustomization.yaml': 'namespace: b\nresources:\n- svc.yaml\n', '/w/b/other.yaml': service }), lineage));
    assert.notEqual(relinked, first, 'a kustomization that sets another namespace rebuilds');
    assert.deepEqual(relinked.namespacesOf('/w/a/svc.yaml', undefined), ['b']);
    const looped = (text: string) => KubernetesWorkspace.of(viewOf(files({ '/w/a/kustomization.yaml': 'resources:\n- ../b\n- svc.yaml\n', '/w/b/kustomization.yaml': 'namespace: b\nresources:\n- ../a\n', '/w/c/other.yaml': text }), lineage));
    const loop = looped(service);
    assert.notEqual(looped(`${service}# edited\n`), loop, 'a loop rebuilds');
  });
});
