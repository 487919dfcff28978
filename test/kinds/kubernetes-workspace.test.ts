/** The workspace's Kubernetes facts: kustomize namespaces, scopes, and one index per workspace state. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BaseModel } from '../../server/src/engine/types';
import { factsOf } from '../../server/src/kinds/kubernetes/facts';
import { parseKubernetes, type KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { KubernetesWorkspace, normalize } from '../../server/src/kinds/kubernetes/workspace-index';
import { workspaceOf } from '../helpers/rule-tester';

function workspace(files: Record<string, string>) {
  const models: Record<string, BaseModel> = {};
  for (const [path, text] of Object.entries(files)) models[path] = parseKubernetes(text, path);
  const view = workspaceOf(models);
  return { view, index: KubernetesWorkspace.of(view), models };
}

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

describe('kubernetes workspace index', () => {
  const namespaceCases: { name: string; files: Record<string, string>; path: string; explicit?: string; expected: string[] }[] = [
    { name: 'no kustomization: its own namespace', files: { '/w/svc.yaml': service }, path: '/w/svc.yaml', explicit: 'shop', expected: ['shop'] },
    { name: 'no namespace anywhere: default', files: { '/w/svc.yaml': service }, path: '/w/svc.yaml', expected: ['default'] },
    {
      name: 'a kustomization namespace replaces the file\'s own',
      files: { '/w/base/svc.yaml': service, '/w/base/kustomization.yaml': 'namespace: shop\nresources:\n- svc.yaml\n' },
      path: '/w/base/svc.yaml',
      explicit: 'other',
      expected: ['shop'],
    },
    {
      name: 'an overlay wins over its base; two overlays give two namespaces',
      files: {
        '/w/base/svc.yaml': service,
        '/w/base/kustomization.yaml': 'namespace: base\nresources:\n- svc.yaml\n',
        '/w/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\n',
        '/w/overlays/dev/kustomization.yaml': 'resources:\n- ../../base/\n',
      },
      path: '/w/base/svc.yaml',
      expected: ['prod', 'base'],
    },
    {
      name: 'a component passes the namespace of the kustomization that lists it',
      files: { '/w/app/kustomization.yaml': 'namespace: shop\ncomponents:\n- ../policies\n', '/w/policies/kustomization.yaml': 'kind: Component\nresources:\n- deny.yaml\n', '/w/policies/deny.yaml': service },
      path: '/w/policies/deny.yaml',
      expected: ['shop'],
    },
    {
      name: 'kustomizations that include each other do not loop (kustomize rejects them; the including one\'s namespace applies)',
      files: { '/w/a/kustomization.yaml': 'resources:\n- ../b\n- svc.yaml\n', '/w/b/kustomization.yaml': 'namespace: b\nresources:\n- ../a\n', '/w/a/svc.yaml': service },
      path: '/w/a/svc.yaml',
      expected: ['b'],
    },
    {
      name: 'remote resources are ignored',
      files: { '/w/kustomization.yaml': 'namespace: shop\nresources:\n- https://github.com/org/repo//deploy?ref=v1\n- github.com/org/repo/deploy\n- svc.yaml\n', '/w/svc.yaml': service },
      path: '/w/svc.yaml',
      expected: ['shop'],
    },
  ];
  for (const { name, files, path, explicit, expected } of namespaceCases) {
    it(`namespaces: ${name}`, () => {
      const { index } = workspace(files);
      assert.deepEqual(index.namespacesOf(path, explicit).sort(), [...expected].sort());
    });
  }

  it('paths compare whatever their separators and dot segments', () => {
    const cases: [string, string][] = [
      ['/w/overlays/prod/../../base/', '/w/base'],
      ['C:\\repo\\k8s\\.\\svc.yaml', 'C:/repo/k8s/svc.yaml'],
      ['/w//a/./b', '/w/a/b'],
      ['../x', '../x'],
    ];
    for (const [path, expected] of cases) assert.equal(normalize(path), expected, path);
  });

  it('scopes: built in by API group, custom ones from their CRD, unknown otherwise', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  scope: Cluster\n  names:\n    kind: Widget\n';
    const objects = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: c\n---\napiVersion: other.io/v1\nkind: Gadget\nmetadata:\n  name: d\n---\napiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: e\n';
    const { index, models } = workspace({ '/w/crd.yaml': crd, '/w/objects.yaml': objects });
    assert.deepEqual(
      (models['/w/objects.yaml'] as KubernetesModel).objects.map((object) => index.scopeOf(object)),
      ['Cluster', 'Namespaced', 'Cluster', undefined, undefined],
    );
  });

  it('is built once per workspace state, from facts extracted once per model', () => {
    const { view, index, models } = workspace({ '/w/svc.yaml': service });
    assert.equal(KubernetesWorkspace.of(view), index);
    const model = models['/w/svc.yaml'] as KubernetesModel;
    assert.equal(factsOf(model), factsOf(model));
    assert.notEqual(KubernetesWorkspace.of(workspaceOf(models)), index, 'a new state, a new index');
  });
});
