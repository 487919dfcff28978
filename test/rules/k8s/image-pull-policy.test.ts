import rule from '../../../rules/k8s/image-pull-policy';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n${container}`;

/** Tags that name one release: the image's own version scheme decides how many numbers that takes. */
const RELEASES = [
  'postgres:16.2', // PostgreSQL 10+ numbers releases major.minor
  'postgres:16.2-alpine',
  'postgres:9.6.24', // before 10, major was two numbers
  'ubuntu:22.04', // Ubuntu publishes no three-part tag
  'ubuntu:jammy-20240227', // a dated build
  'debian:12.5',
  'debian:bookworm-20240311',
  'fedora:40',
  'rockylinux:9.3',
  'node:20.11.1-alpine',
  'docker.io/library/redis:7.2.4',
  'quay.io/org/app:v1', // outside Docker Official Images a short version is often a release of its own
];

/** Tags their publisher re-points at newer releases. */
const MOVING = ['postgres:16', 'postgres:9.6', 'ubuntu:jammy', 'debian:12', 'node:alpine', 'node:lts-alpine', 'python:3.12-slim', 'docker.io/library/redis:7.2', 'rockylinux:9'];

const defaultPolicyCase = (image: string) => {
  const colon = image.lastIndexOf(':');
  const tag = image.slice(colon + 1);
  return {
    name: `${image} moves`,
    code: pod(`    image: ${image}\n`),
    errors: [{ messageId: 'defaultPolicy', line: 8, column: 13 + colon, endLine: 8, endColumn: 13 + colon + tag.length }],
    output: pod(`    image: ${image}\n    imagePullPolicy: Always\n`),
  };
};

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
    ...RELEASES.map((image) => ({ name: `${image} names one release`, code: pod(`    image: ${image}\n`), inspected: ['container'] })),
    { name: 'an image the file does not spell out: looked at, not judged', code: pod('    image: "${REGISTRY}/app:7"\n    imagePullPolicy: IfNotPresent\n'), inspected: ['container?'] },
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
    ...MOVING.map(defaultPolicyCase),
  ],
});
