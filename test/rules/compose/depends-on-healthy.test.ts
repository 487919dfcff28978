import rule from '../../../rules/compose/depends-on-healthy';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;
const DB = '  db:\n    image: postgres:16.4\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n';

runRuleTests(rule, {
  valid: [
    { code: compose(`  app:\n    image: acme/api:1.0.0\n    depends_on:\n      db:\n        condition: service_healthy\n${DB}`), inspected: ['service'] },
    { name: 'the dependency has no healthcheck to wait for', code: compose('  app:\n    image: acme/api:1.0.0\n    depends_on:\n      - cache\n  cache:\n    image: redis:7.4\n'), inspected: ['service'] },
    { name: 'no depends_on: nothing to inspect', code: compose(DB), inspected: [] },
    { name: 'a dependency defined elsewhere is unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    depends_on: [queue]\n'), inspected: ['service?'] },
    { name: 'a dependency whose health check is out of sight (build context missing): unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    depends_on: [api]\n  api:\n    build: ../elsewhere\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      name: 'the list form becomes the long form',
      code: compose(`  app:\n    image: acme/api:1.0.0\n    depends_on:\n      - db\n      - cache\n${DB}  cache:\n    image: redis:7.4\n`),
      errors: [{ messageId: 'notHealthy', line: 5, column: 9, endLine: 5, endColumn: 11 }],
      output: compose(`  app:\n    image: acme/api:1.0.0\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n${DB}  cache:\n    image: redis:7.4\n`),
      inspected: ['service'],
    },
    {
      name: 'service_started becomes service_healthy',
      code: compose(`  app:\n    image: acme/api:1.0.0\n    depends_on:\n      db:\n        condition: service_started\n        restart: true\n${DB}`),
      errors: [{ messageId: 'notHealthy', line: 5, column: 7, endLine: 5, endColumn: 9 }],
      output: compose(`  app:\n    image: acme/api:1.0.0\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n${DB}`),
    },
    {
      name: 'the health check comes from the Dockerfile',
      code: compose('  app:\n    image: acme/api:1.0.0\n    depends_on: [api]\n  api:\n    build: ./api\n'),
      files: { 'api/Dockerfile': 'FROM node:20-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\n' },
      errors: [{ messageId: 'notHealthy', line: 4, column: 18, endLine: 4, endColumn: 21 }],
      output: 'services:\n  app:\n    image: acme/api:1.0.0\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: ./api\n',
    },
  ],
});
