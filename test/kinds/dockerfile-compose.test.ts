/**
 * A Dockerfile read with the Compose services that build it (dockerfile/healthcheck): the service
 * re-analyzes the Dockerfiles when a Compose file changes, and only the edited Dockerfile when a
 * Dockerfile changes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeFile } from '../../server/src/engine/analyze';
import { ReadinessService } from '../../server/src/service';

const WORKER = 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n';

describe('Dockerfile health check and the Compose services that run the image', () => {
  let root: string;
  let service: ReadinessService;
  const analyzed: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const healthFindings = (path: string) => {
    const report = service.fileReport(join(root, path));
    assert.equal(report.state, 'findings');
    return report.state === 'findings' ? report.findings.filter((finding) => finding.ruleId === 'dockerfile/healthcheck').map((finding) => finding.messageId) : [];
  };
  const analyzedAfter = async (edit: () => void) => {
    analyzed.length = 0;
    edit();
    await service.checklist();
    return [...new Set(analyzed.map((path) => relative(root, path)))].sort();
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'readiness-dockerfile-compose-'));
    write('api/Dockerfile', WORKER);
    write('worker/Dockerfile', WORKER);
    write('compose.yaml', 'services:\n  api:\n    build: ./api\n  worker:\n    build: ./worker\n');
    service = new ReadinessService({
      roots: [root],
      analyze: (input) => {
        analyzed.push(input.model.path);
        return analyzeFile(input);
      },
    });
    await service.start();
    await service.checklist();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

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
