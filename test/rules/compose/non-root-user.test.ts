import rule from '../../../rules/compose/non-root-user';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  app:\n    image: acme/api:1.0.0\n    user: "10001:10001"\n'), inspected: ['service'] },
    { name: 'a numeric user', code: compose('  app:\n    image: acme/api:1.0.0\n    user: 1000\n') },
    {
      name: 'a non-root USER in the Dockerfile of the build context',
      code: compose('  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile.api\n'),
      files: { 'docker/Dockerfile.api': 'FROM node:20-alpine\nUSER node\nCMD ["node", "server.js"]\n' },
      inspected: ['service'],
    },
    {
      name: 'build.target picks the stage that runs',
      code: compose('  api:\n    build:\n      context: .\n      target: runtime\n'),
      files: { Dockerfile: 'FROM node:20 AS runtime\nUSER node\nFROM runtime AS debug\nUSER root\n' },
    },
    { name: 'images that run as non-root themselves', code: compose('  grafana:\n    image: grafana/grafana:11.2.0\n  prometheus:\n    image: prom/prometheus:v2.54.1\n  db:\n    image: postgres:16.4\n'), inspected: ['service', 'service', 'service'] },
    { name: 'a user a variable sets is unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    user: ${APP_UID}:${APP_GID}\n'), inspected: ['service?'] },
    { name: 'a Dockerfile the workspace lacks is unknown', code: compose('  api:\n    build: ./api\n'), inspected: ['service?'] },
    { name: 'an image a variable names: unknown', code: compose('  app:\n    image: ${APP_IMAGE}\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      name: 'the seed app: a pulled image, no user',
      code: compose('  app:\n    image: datametria/api:v2.1.0\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: null,
      inspected: ['service'],
    },
    {
      name: 'user: root',
      code: compose('  app:\n    image: acme/api:1.0.0\n    user: root\n'),
      errors: [{ messageId: 'root', line: 4, column: 11, endLine: 4, endColumn: 15 }],
      output: null,
    },
    {
      name: 'the Dockerfile never leaves root',
      code: compose('  api:\n    build: ./api\n'),
      files: { 'api/Dockerfile': 'FROM node:20-alpine\nCMD ["node", "server.js"]\n' },
      errors: [{ messageId: 'dockerfileRoot', line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" runs as root: its Dockerfile (api/Dockerfile) never switches to a non-root USER and the service sets no user:; add a USER to the Dockerfile or set user:.' }],
      output: null,
    },
  ],
});
