import rule from '../../../rules/compose/schema';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'the seed file, version key included',
      code: "version: '3.8'\nservices:\n  app:\n    image: datametria/api:v2.1.0\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 512M\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:3000/health\"]\n      interval: 30s\n",
      inspected: ['service'],
    },
    {
      name: 'keys newer than 2021 (name, include, develop, start_interval, post_start, pids)',
      code: 'name: shop\ninclude:\n  - ./db.compose.yaml\nservices:\n  app:\n    image: acme/api:1.0.0\n    develop:\n      watch:\n        - action: sync\n          path: ./src\n          target: /app/src\n    healthcheck:\n      test: ["CMD", "true"]\n      start_interval: 5s\n    post_start:\n      - command: ["chown", "app", "/data"]\n        user: root\n    deploy:\n      resources:\n        limits:\n          pids: 100\n',
    },
    { name: 'x- extensions and merge keys', code: 'x-common: &common\n  restart: always\nservices:\n  x-helper:\n    anything: goes\n  app:\n    <<: *common\n    image: acme/api:1.0.0\n    x-team: payments\n' },
    { name: 'values from variables where numbers are expected', code: compose('  app:\n    image: acme/api:1.0.0\n    cpus: ${CPUS:-0.5}\n    ports:\n      - target: 80\n        published: ${PORT}\n    restart: ${RESTART:-always}\n') },
    { name: 'empty entries Compose accepts', code: 'services:\n  app:\n    image: acme/api:1.0.0\n    networks:\n      front:\nnetworks:\n  front:\nvolumes:\n  data:\n' },
  ],
  invalid: [
    {
      name: 'a misspelt key',
      code: compose('  app:\n    image: acme/api:1.0.0\n    healtcheck:\n      test: ["CMD", "true"]\n'),
      errors: [{ messageId: 'unknownKey', line: 4, column: 5, endLine: 4, endColumn: 15, message: 'Compose does not know the key "healtcheck" in services.app; check its spelling against the Compose specification.' }],
      output: null,
      inspected: ['service'],
    },
    {
      name: 'a restart value Compose rejects',
      code: compose('  app:\n    image: acme/api:1.0.0\n    restart: sometimes\n'),
      errors: [{ messageId: 'enum', line: 4, column: 14, endLine: 4, endColumn: 23 }],
      output: null,
    },
    {
      name: 'a list where a map is expected',
      code: compose('  app:\n    image: acme/api:1.0.0\n    deploy:\n      - replicas: 3\n'),
      errors: [{ messageId: 'typeMap', line: 5, column: 7, endLine: 5, endColumn: 20, message: 'The value of services.app.deploy must be a map in a Compose file; Compose rejects the file as it is.' }],
      output: null,
    },
    {
      name: 'a map where a single value is expected',
      code: compose('  app:\n    image:\n      name: acme/api\n'),
      errors: [{ messageId: 'typeScalar', line: 4, column: 7, endLine: 4, endColumn: 21 }],
      output: null,
    },
    {
      name: 'a long depends_on entry without its condition',
      code: compose('  app:\n    image: acme/api:1.0.0\n    depends_on:\n      db:\n        restart: true\n  db:\n    image: postgres:16.4\n'),
      errors: [{ messageId: 'required', line: 5, column: 7, endLine: 5, endColumn: 9 }],
      output: null,
    },
    {
      name: 'an unknown top-level key',
      code: 'services:\n  app:\n    image: acme/api:1.0.0\nvolume:\n  data:\n',
      errors: [{ messageId: 'unknownTopLevelKey', line: 4, column: 1, endLine: 4, endColumn: 7, message: 'Compose does not know the top-level key "volume"; check its spelling against the Compose specification, or name it x-volume if it is an extension.' }],
      output: null,
    },
  ],
});
