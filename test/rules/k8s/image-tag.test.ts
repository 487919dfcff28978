import rule from '../../../rules/k8s/image-tag';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: ${image}\n`;

runRuleTests(rule, {
  valid: [
    { code: pod('nginx:1.27.0'), inspected: ['container'] },
    pod('registry.local:5000/team/app@sha256:0123abcd'),
    pod('"ghcr.io/org/app:v2.1.0"'),
    { name: 'a placeholder is filled in by whoever applies the file', code: pod('<YOUR-IMAGE>') },
    { name: 'a variable neither', code: pod('${IMAGE}') },
    {
      name: 'a kustomization over the file sets the tag',
      filename: 'base/pod.yaml',
      code: pod('ghcr.io/org/app'),
      files: { 'kustomization.yaml': 'resources:\n- pod.yaml\nimages:\n- name: ghcr.io/org/app\n  newTag: v1.4.2\n' },
    },
    {
      name: 'an overlay kustomization sets the digest of a base image',
      filename: 'base/pod.yaml',
      code: pod('ghcr.io/org/app:latest'),
      files: {
        'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- pod.yaml\n',
        '/work/overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nimages:\n- name: ghcr.io/org/app\n  digest: sha256:0123abcd\n',
      },
    },
    {
      name: 'a component listed by the kustomization sets the tag',
      filename: 'app/pod.yaml',
      code: pod('app'),
      files: {
        'kustomization.yaml': 'resources:\n- pod.yaml\ncomponents:\n- ../tagging\n',
        '/work/tagging/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nimages:\n- name: app\n  newTag: "1.2.3"\n',
      },
    },
    {
      name: 'skaffold builds the image and tags it at deploy time',
      filename: 'k8s/pod.yaml',
      code: pod('frontend'),
      files: { '/work/skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n  - image: frontend\n    context: src/frontend\n' },
    },
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
  ],
  invalid: [
    {
      code: pod('nginx:latest'),
      errors: [{ messageId: 'latest', line: 8, column: 18, endLine: 8, endColumn: 24, message: 'Image "nginx:latest" uses the latest tag, which changes under the same manifest; pin a version or a digest.' }],
      output: null,
    },
    { name: 'quoted latest', code: pod('"app:latest"'), errors: [{ messageId: 'latest', line: 8, column: 17, endLine: 8, endColumn: 23 }], output: null },
    { name: 'registry port is not a tag', code: pod('registry.local:5000/app'), errors: [{ messageId: 'untagged', line: 8, column: 12, endLine: 8, endColumn: 35 }], output: null },
    {
      name: 'a kustomization that tags another image, or only renames this one, does not count',
      filename: 'base/pod.yaml',
      code: pod('app'),
      files: { 'kustomization.yaml': 'resources:\n- pod.yaml\nimages:\n- name: other\n  newTag: v1.0.0\n- name: app\n  newName: registry.local/app\n' },
      errors: [{ messageId: 'untagged', line: 8, column: 12, endLine: 8, endColumn: 15 }],
      output: null,
    },
    {
      name: 'a kustomization that sets newTag: latest pins nothing (argo-cd\'s manifests/base)',
      filename: 'base/deploy.yaml',
      code: pod('quay.io/argoproj/argocd:latest'),
      files: { 'kustomization.yaml': 'resources:\n- deploy.yaml\nimages:\n- name: quay.io/argoproj/argocd\n  newName: quay.io/argoproj/argocd\n  newTag: latest\n' },
      errors: [{ messageId: 'latest', line: 8, column: 36, endLine: 8, endColumn: 42 }],
      output: null,
    },
    {
      name: 'a kustomization that does not include the file does not count',
      filename: 'base/pod.yaml',
      code: pod('app'),
      files: { 'kustomization.yaml': 'resources:\n- other.yaml\nimages:\n- name: app\n  newTag: v1.0.0\n' },
      errors: [{ messageId: 'untagged', line: 8, column: 12, endLine: 8, endColumn: 15 }],
      output: null,
    },
  ],
});
