import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import rule from '../../../rules/compose/healthcheck';
import { initKinds } from '../../../server/src/kinds';
import { analyzeCase, runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'the seed app with its healthcheck',
      code: compose('  app:\n    image: datametria/api:v2.1.0\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]\n      interval: 30s\n'),
      inspected: ['service'],
    },
    {
      name: 'the Dockerfile of the build context has a HEALTHCHECK',
      code: compose('  api:\n    build: ./api\n'),
      files: { 'api/Dockerfile': 'FROM node:20-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n' },
      inspected: ['service'],
    },
    {
      name: 'a build context the workspace does not have is unknown',
      code: compose('  api:\n    build:\n      context: ../elsewhere\n'),
      inspected: ['service?'],
    },
    { name: 'an override fragment (no image, no build) is unknown', code: compose('  app:\n    ports:\n      - "8080:8080"\n'), inspected: ['service?'] },
    {
      name: 'extends a base service that has one',
      code: compose('  base:\n    image: acme/api:1.0.0\n    healthcheck:\n      test: ["CMD", "true"]\n  api:\n    extends: base\n'),
      inspected: ['service', 'service'],
    },
    { name: 'a base in a file the workspace lacks is unknown', code: compose('  api:\n    extends:\n      file: common.yml\n      service: api\n'), inspected: ['service?'] },
    {
      name: 'a one-off job others wait to complete needs none',
      code: compose(
        '  migrate:\n    image: acme/migrate:1.0.0\n  app:\n    image: acme/api:1.0.0\n    healthcheck:\n      test: ["CMD", "true"]\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
      ),
    },
    { name: 'a development file is not a deployment', filename: 'docker-compose.dev.yml', code: compose('  app:\n    image: acme/api:1.0.0\n'), inspected: [] },
    { name: 'no services', code: 'services: {}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'disable: true is a decision: reported at most as information, at the value',
      code: compose('  worker:\n    image: acme/worker:1.2.0\n    healthcheck:\n      disable: true\n'),
      errors: [{ messageId: 'disabled', line: 5, column: 16, endLine: 5, endColumn: 20 }],
      output: null,
      inspected: ['service'],
    },
    {
      name: 'test NONE is a decision too',
      code: compose('  worker:\n    image: acme/worker:1.2.0\n    healthcheck:\n      test: ["NONE"]\n'),
      errors: [{ messageId: 'disabled', line: 5, column: 14, endLine: 5, endColumn: 20 }],
      output: null,
    },
    {
      name: 'HEALTHCHECK NONE in the build context\'s Dockerfile: the decision shows at the service',
      code: compose('  worker:\n    build: ./worker\n'),
      files: { 'worker/Dockerfile': 'FROM alpine:3.20\nHEALTHCHECK NONE\nCMD ["worker"]\n' },
      errors: [{ messageId: 'disabled', line: 2, column: 3, endLine: 2, endColumn: 9 }],
      output: null,
      inspected: ['service'],
    },
    {
      name: 'the seed nginx: the plain HTTP port from ports, curl on a Debian-based image',
      code: compose('  nginx:\n    image: nginx:1.27\n    ports:\n      - "443:443"\n      - "80:80"\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 8 }],
      output: compose(
        '  nginx:\n    image: nginx:1.27\n    ports:\n      - "443:443"\n      - "80:80"\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:80/health"]\n      interval: 30s\n      timeout: 10s\n      retries: 3\n',
      ),
      inspected: ['service'],
    },
    {
      name: 'a known image gets its own probe',
      code: compose('  db:\n    image: postgres:16.4\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 5 }],
      output: compose('  db:\n    image: postgres:16.4\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]\n      interval: 30s\n      timeout: 10s\n      retries: 3\n'),
    },
    {
      name: 'build context without HEALTHCHECK: the EXPOSEd port, wget on Alpine',
      code: compose('  api:\n    build:\n      context: ./api\n'),
      files: { 'api/Dockerfile': 'FROM node:20-alpine\nEXPOSE 3000\nCMD ["node", "server.js"]\n' },
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: compose('  api:\n    build:\n      context: ./api\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]\n      interval: 30s\n      timeout: 10s\n      retries: 3\n'),
    },
    {
      name: 'no port to probe: no fix guessed',
      code: compose('  worker:\n    image: acme/worker:1.2.0\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      name: 'four-space indentation is kept',
      code: 'services:\n    web:\n        image: acme/web:2.0.1\n        expose:\n            - 8080\n',
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 8 }],
      output:
        'services:\n    web:\n        image: acme/web:2.0.1\n        expose:\n            - 8080\n        healthcheck:\n            test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n            interval: 30s\n            timeout: 10s\n            retries: 3\n',
    },
  ],
});

describe('compose/healthcheck severities', () => {
  before(() => initKinds());
  const severities = (code: string) => analyzeCase([rule], 'compose', { code }).findings.map((finding) => finding.severity);

  it('a health check turned off records a decision: at most information', () => {
    assert.deepEqual(severities(compose('  worker:\n    image: acme/worker:1.2.0\n    healthcheck:\n      disable: true\n')), ['information']);
  });

  it('a missing health check keeps the rule\'s severity', () => {
    assert.deepEqual(severities(compose('  worker:\n    image: acme/worker:1.2.0\n')), ['warning']);
  });
});
