/**
 * A Compose service read together with the files it names: the Dockerfile of its build context
 * (USER, HEALTHCHECK, EXPOSE) and the nginx config mounted into it, through the workspace index,
 * re-analyzed when those files change; and the checklist counting Compose services.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { checklistOf } from '../../server/src/service/checklist';
import { initKinds } from '../../server/src/kinds';
import { loadConfigText } from '../../server/src/settings';
import { WorkspaceIndex } from '../../server/src/workspace';

const ROOT = '/ws';
const COMPOSE = `${ROOT}/docker-compose.production.yml`;

function findingsOf(index: WorkspaceIndex, path: string) {
  return index.analyze(path, ALL_RULES, {}).findings.map((finding) => `${finding.ruleId}:${finding.messageId}:${finding.range.start.line + 1}`);
}

describe('compose across files', () => {
  before(() => initKinds());

  it('counts the USER, HEALTHCHECK and EXPOSE of the build context Dockerfile for the service', () => {
    const index = new WorkspaceIndex(ROOT);
    index.setText(COMPOSE, 'services:\n  api:\n    build: ./api\n    ports:\n      - "127.0.0.1:8080:8080"\n');
    index.setText(`${ROOT}/api/Dockerfile`, 'FROM node:20-alpine\nUSER node\nEXPOSE 3000\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n');
    const first = findingsOf(index, COMPOSE);
    assert.ok(first.includes('compose/exposed-ports:notExposed:5'), first.join('\n'));
    assert.ok(!first.some((finding) => finding.startsWith('compose/healthcheck') || finding.startsWith('compose/non-root-user')), first.join('\n'));

    // The Dockerfile changes: the service is analyzed again with it.
    index.setText(`${ROOT}/api/Dockerfile`, 'FROM node:20-alpine\nEXPOSE 8080\nCMD ["node", "server.js"]\n');
    const second = findingsOf(index, COMPOSE);
    assert.ok(second.includes('compose/healthcheck:missing:2'), second.join('\n'));
    assert.ok(second.includes('compose/non-root-user:dockerfileRoot:2'), second.join('\n'));
    assert.ok(!second.some((finding) => finding.startsWith('compose/exposed-ports')), second.join('\n'));

    // Without the Dockerfile the image is unknown: no claim either way.
    index.remove(`${ROOT}/api/Dockerfile`);
    const third = findingsOf(index, COMPOSE);
    assert.ok(!third.some((finding) => /compose\/(?:healthcheck|non-root-user|exposed-ports)/.test(finding)), third.join('\n'));
  });

  it('reads a mounted nginx config, includes and all, as the service nginx', () => {
    // nginx include globs are expanded on disk, so this workspace is a real folder.
    const root = mkdtempSync(join(tmpdir(), 'readiness-compose-'));
    try {
      mkdirSync(join(root, 'nginx', 'conf.d'), { recursive: true });
      const compose = join(root, 'compose.yaml');
      writeFileSync(compose, 'services:\n  nginx:\n    image: nginx:1.27\n    ports:\n      - "443:443"\n      - "8080:8080"\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n');
      writeFileSync(join(root, 'nginx', 'nginx.conf'), 'events {}\nhttp {\n  include conf.d/*.conf;\n  server {\n    listen 443 ssl;\n  }\n}\n');
      writeFileSync(join(root, 'nginx', 'conf.d', 'plain.conf'), 'server {\n  listen 80;\n}\n');
      const index = new WorkspaceIndex(root);
      index.scan();
      const before = findingsOf(index, compose);
      assert.ok(before.includes('compose/exposed-ports:notListening:6'), before.join('\n'));
      index.setText(join(root, 'nginx', 'conf.d', 'plain.conf'), 'server {\n  listen 8080;\n}\n');
      const after = findingsOf(index, compose);
      assert.ok(!after.some((finding) => finding.startsWith('compose/exposed-ports')), after.join('\n'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('counts Compose services in the checklist and its evidence', () => {
    const index = new WorkspaceIndex(ROOT);
    index.setText(
      COMPOSE,
      [
        'services:',
        '  app:',
        '    image: datametria/api:v2.1.0',
        '    deploy:',
        '      resources:',
        "        limits: {cpus: '0.5', memory: 512M}",
        '    restart: unless-stopped',
        '    healthcheck:',
        '      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]',
        '    logging:',
        '      driver: json-file',
        '      options: {max-size: 10m, max-file: "3"}',
        '  nginx:',
        '    image: nginx:1.27',
        '    volumes:',
        '      - ./nginx.conf:/etc/nginx/nginx.conf',
        '    depends_on: [app]',
        '  grafana:',
        '    image: grafana/grafana:11.2.0',
        '    environment:',
        '      - GF_SECURITY_ADMIN_PASSWORD=admin',
        '',
      ].join('\n'),
    );
    const findings = [];
    const inspected = [];
    for (const path of index.paths()) {
      const analysis = index.analyze(path, ALL_RULES, {});
      findings.push(...analysis.findings);
      inspected.push(...analysis.inspected);
    }
    assert.ok(inspected.some((inspection) => inspection.subject === 'service' && inspection.name === 'app' && inspection.ruleId === 'compose/resource-limits'));
    const report = checklistOf({ index, findings, inspected, config: loadConfigText(''), locale: 'en' });
    const item = (id: string) => report.categories.flatMap((category) => category.items).find((candidate) => candidate.id === id)!;
    assert.equal(item('deployment/secrets').status, 'failing');
    assert.ok(item('deployment/secrets').findings.some((finding) => finding.ruleId === 'compose/secret-env-literal'));
    assert.equal(item('deployment/docker-resource-limits').status, 'failing', 'nginx and grafana have no limits');
    assert.ok(item('deployment/docker-security-context').verification.rules.includes('compose/read-only'));
    assert.ok(item('deployment/load-balancer').evidence.some((hit) => hit.detector === 'compose-mounted-config'));
  });
});
