import rule from '../../../rules/compose/docker-socket';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  proxy:\n    image: traefik:v3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n'), inspected: ['service'] },
    { name: 'a named volume', code: compose('  db:\n    image: postgres:16.4\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n') },
    { name: 'a volume a variable names could be the socket: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    volumes:\n      - ${DOCKER_SOCKET}:/var/run/docker.sock\n'), inspected: ['service?'] },
    { name: 'a volume with a variable data folder, long form: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    volumes:\n      - type: bind\n        source: ${DATA_DIR}\n        target: /data\n'), inspected: ['service?'] },
    { name: 'a base out of sight could mount it: unknown', code: compose('  app:\n    extends:\n      file: base.yml\n      service: app\n'), inspected: ['service?'] },
    { name: 'named volumes and literal binds are known', code: compose('  app:\n    image: acme/api:1.0.0\n    volumes:\n      - data:/data\n      - ./conf:/etc/app:ro\n'), inspected: ['service'] },
  ],
  invalid: [
    {
      name: 'read-only does not help',
      code: compose('  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n'),
      errors: [{ messageId: 'mounted', line: 5, column: 9, endLine: 5, endColumn: 53 }],
      output: null,
      inspected: ['service'],
    },
    {
      name: 'long syntax, /run/docker.sock',
      code: compose('  watchtower:\n    image: containrrr/watchtower:1.7.1\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n'),
      errors: [{ messageId: 'mounted', line: 5, column: 9, endLine: 7, endColumn: 37 }],
      output: null,
    },
  ],
});
