/**
 * The service's caches: a keystroke re-analyzes the edited file and the files of its cross-file
 * scope, nothing else; the checklist after it reuses every other file's results.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReadinessService } from '../../server/src/service';
import { RecordingWorkspace } from '../helpers/recording-service';

describe('ReadinessService caches', () => {
  let workspace: RecordingWorkspace;
  let root: string;
  let service: ReadinessService;
  const analyzedAfter = (edit: () => unknown) => workspace.analyzedAfter(edit);

  before(async () => {
    workspace = new RecordingWorkspace('readiness-cache-');
    ({ root, service } = workspace);
    workspace.write('api/Dockerfile', 'FROM node:20-alpine\nCMD ["node"]\n');
    workspace.write('web/Dockerfile', 'FROM nginx:1.27\n');
    workspace.write('compose.yaml', 'services:\n  api:\n    build: ./api\n');
    workspace.write('infra/network/main.tf', 'resource "aws_s3_bucket" "logs" {}\n');
    workspace.write('infra/network/vpc.tf', 'resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }\n');
    workspace.write('infra/database/main.tf', 'resource "aws_db_instance" "db" { engine = "postgres" }\n');
    workspace.write('deploy/api.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  replicas: 2\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec:\n      containers: [{ name: api, image: "api:1.0" }]\n');
    workspace.write('deploy/pdb.yaml', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: api }\nspec:\n  minAvailable: 1\n  selector: { matchLabels: { app: api } }\n');
    await workspace.start();
  });
  after(() => workspace.dispose());

  it('re-analyzes the edited Dockerfile and the Compose files that may build it, nothing else', async () => {
    const path = join(root, 'api/Dockerfile');
    assert.deepEqual(await analyzedAfter(() => service.setDocument(path, 'FROM node:20-alpine\nUSER node\nCMD ["node"]\n', 1, 'dockerfile')), ['api/Dockerfile', 'compose.yaml']);
    const report = await service.checklist();
    const proof = report.categories.flatMap((category) => category.items).find((item) => item.id === 'deployment/docker-security-context')!;
    assert.ok(!proof.findings.some((finding) => finding.ruleId === 'compose/non-root-user'), 'the service built from the edited Dockerfile now runs as USER node');
  });

  it('re-analyzes the edited Terraform file and its module, not the other module', async () => {
    const path = join(root, 'infra/network/vpc.tf');
    assert.deepEqual(await analyzedAfter(() => service.setDocument(path, 'resource "aws_vpc" "main" { cidr_block = "10.1.0.0/16" }\n', 1, 'terraform')), [
      'infra/network/main.tf',
      'infra/network/vpc.tf',
    ]);
  });

  it('re-analyzes every manifest when one changes what it tells the others (a PodDisruptionBudget may select any workload)', async () => {
    const path = join(root, 'deploy/pdb.yaml');
    assert.deepEqual(await analyzedAfter(() => service.setDocument(path, 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: api }\nspec:\n  minAvailable: 2\n  selector: { matchLabels: { app: api } }\n', 1, 'yaml')), [
      'deploy/api.yaml',
      'deploy/pdb.yaml',
    ]);
  });

  it('re-analyzes only the edited manifest when what it tells the others is unchanged (a comment, an image tag)', async () => {
    const path = join(root, 'deploy/api.yaml');
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  replicas: 2\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec:\n      containers: [{ name: api, image: "api:1.0" }]\n';
    assert.deepEqual(await analyzedAfter(() => service.setDocument(path, `# the API\n${text}`, 1, 'yaml')), ['deploy/api.yaml']);
    assert.deepEqual(await analyzedAfter(() => service.setDocument(path, `# the API\n${text.replace('api:1.0', 'api:1.1')}`, 2, 'yaml')), ['deploy/api.yaml']);
    // The PodDisruptionBudget still covers it: a label the budget no longer selects shows.
    assert.deepEqual(await analyzedAfter(() => service.setDocument(join(root, 'deploy/pdb.yaml'), 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: api }\nspec:\n  minAvailable: 2\n  selector: { matchLabels: { app: web } }\n', 2, 'yaml')), [
      'deploy/api.yaml',
      'deploy/pdb.yaml',
    ]);
    const report = service.fileReport(path);
    assert.equal(report.state, 'findings');
    assert.ok(report.state === 'findings' && report.findings.some((finding) => finding.ruleId === 'k8s/pod-disruption-budget'));
  });

  it('re-analyzes nothing when an open buffer is sent again unchanged, and answers the checklist from the cache', async () => {
    const path = join(root, 'api/Dockerfile');
    assert.deepEqual(await analyzedAfter(() => service.setDocument(path, 'FROM node:20-alpine\nUSER node\nCMD ["node"]\n', 2, 'dockerfile')), []);
    const first = await service.checklist();
    assert.equal(await service.checklist(), first);
  });

  it('keeps the results of every file when an attestation changes only the checklist', async () => {
    let result: unknown;
    const analyzed = await analyzedAfter(async () => (result = await service.attest('performance/cdn', 'na', { by: 'test', note: 'no static assets' })));
    assert.deepEqual(result, { ok: true });
    const report = await service.checklist();
    assert.equal(report.categories.flatMap((category) => category.items).find((item) => item.id === 'performance/cdn')!.status, 'not-applicable');
    assert.deepEqual(analyzed, []);
  });
});
