/**
 * A Dockerfile read with the Compose services that build it (dockerfile/healthcheck): the service
 * re-analyzes the Dockerfiles when a Compose file changes, and only the edited Dockerfile when a
 * Dockerfile changes.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReadinessService } from '../../server/src/service';
import { RecordingWorkspace } from '../helpers/recording-service';

const WORKER = 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n';

describe('Dockerfile health check and the Compose services that run the image', () => {
  let workspace: RecordingWorkspace;
  let root: string;
  let service: ReadinessService;
  const healthFindings = (path: string) => {
    const report = service.fileReport(join(root, path));
    assert.equal(report.state, 'findings');
    return report.state === 'findings' ? report.findings.filter((finding) => finding.ruleId === 'dockerfile/healthcheck').map((finding) => finding.messageId) : [];
  };
  const analyzedAfter = async (edit: () => void) => [...new Set(await workspace.analyzedAfter(edit))];

  before(async () => {
    workspace = new RecordingWorkspace('readiness-dockerfile-compose-');
    ({ root, service } = workspace);
    workspace.write('api/Dockerfile', WORKER);
    workspace.write('worker/Dockerfile', WORKER);
    workspace.write('compose.yaml', 'services:\n  api:\n    build: ./api\n  worker:\n    build: ./worker\n');
    await workspace.start();
  });
  after(() => workspace.dispose());

  it('reports nothing while no service publishes a port', () => {
    assert.deepEqual(healthFindings('api/Dockerfile'), []);
  });

  it('reports the image a service publishes once the Compose file says so, and clears it when the service checks its health', async () => {
    const compose = join(root, 'compose.yaml');
    const published = 'services:\n  api:\n    build: ./api\n    ports:\n      - "8000:8000"\n  worker:\n    build: ./worker\n';
    assert.deepEqual(await analyzedAfter(() => service.setDocument(compose, published, 1, 'dockercompose')), ['api/Dockerfile', 'compose.yaml', 'worker/Dockerfile']);
    assert.deepEqual(healthFindings('api/Dockerfile'), ['compose']);
    assert.deepEqual(healthFindings('worker/Dockerfile'), []);

    const checked = published.replace('    ports:', '    healthcheck:\n      test: ["CMD", "python3", "-c", "print(1)"]\n    ports:');
    await analyzedAfter(() => service.setDocument(compose, checked, 2, 'dockercompose'));
    assert.deepEqual(healthFindings('api/Dockerfile'), []);
  });

  it('re-analyzes only the edited Dockerfile (and the Compose file that builds it) when a Dockerfile changes', async () => {
    const path = join(root, 'worker/Dockerfile');
    assert.deepEqual(await analyzedAfter(() => service.setDocument(path, `${WORKER}USER nobody\n`, 1, 'dockerfile')), ['compose.yaml', 'worker/Dockerfile']);
  });
});
