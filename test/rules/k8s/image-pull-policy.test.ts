import rule from '../../../rules/k8s/image-pull-policy';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n${container}`;

runRuleTests(rule, {
  valid: [
    { code: pod('    image: redis:7.2.5\n'), inspected: ['container'] },
    { name: 'latest without a policy: Kubernetes defaults to Always', code: pod('    image: nginx:latest\n') },
    { name: 'no tag without a policy: Always too', code: pod('    image: nginx\n') },
    { name: 'a moving tag pulled every time', code: pod('    image: redis:7\n    imagePullPolicy: Always\n') },
    { name: 'a digest is immutable', code: pod('    image: redis:7@sha256:0123abcd\n    imagePullPolicy: IfNotPresent\n') },
    { name: 'a two-number version outside Docker Official Images is its own release', code: pod('    image: registry.k8s.io/pause:3.10\n') },
    {
      name: 'a tag a kustomization sets',
      filename: 'base/pod.yaml',
      code: pod('    image: app:main\n'),
      files: { 'kustomization.yaml': 'resources:\n- pod.yaml\nimages:\n- name: app\n  newTag: 1.4.2\n' },
    },
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'a partial version of an official image with the default policy: the fix goes right after the image',
      code: pod('    image: redis:7\n    ports:\n    - containerPort: 6379\n'),
      inspected: ['container'],
      errors: [{ messageId: 'defaultPolicy', line: 8, column: 18, endLine: 8, endColumn: 19, message: 'Image "redis:7" uses the moving tag 7 without imagePullPolicy, so nodes keep the build they pulled first (IfNotPresent); set imagePullPolicy: Always or pin a full version or a digest.' }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: redis:7\n    imagePullPolicy: Always\n    ports:\n    - containerPort: 6379\n',
    },
    {
      name: 'latest with an explicit IfNotPresent',
      code: pod('    image: "nginx:latest"\n    imagePullPolicy: IfNotPresent\n'),
      errors: [{ messageId: 'explicitPolicy', line: 9, column: 22, endLine: 9, endColumn: 34 }],
      output: pod('    image: "nginx:latest"\n    imagePullPolicy: Always\n'),
    },
    {
      name: 'a channel tag',
      code: pod('    image: ghcr.io/org/app:stable-alpine\n    imagePullPolicy: Never\n'),
      errors: [{ messageId: 'explicitPolicy', line: 9, column: 22, endLine: 9, endColumn: 27 }],
      output: pod('    image: ghcr.io/org/app:stable-alpine\n    imagePullPolicy: Always\n'),
    },
  ],
});
