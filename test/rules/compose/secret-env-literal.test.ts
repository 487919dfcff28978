import rule from '../../../rules/compose/secret-env-literal';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { name: 'the seed grafana: a ${VAR} reference', code: compose('  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_PASSWORD}\n'), inspected: ['service'] },
    { name: 'set from the shell', code: compose('  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD:\n      - API_TOKEN\n'.replace('      - API_TOKEN\n', '')) },
    { name: 'a secret file', code: compose('  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n') },
    { name: 'a switch, not a secret', code: compose('  db:\n    image: bitnami/postgresql:16\n    environment:\n      - ALLOW_EMPTY_PASSWORD=yes\n') },
    { name: 'no secret-like variable: nothing to inspect', code: compose('  app:\n    image: acme/api:1.0.0\n    environment:\n      NODE_ENV: production\n'), inspected: [] },
    { name: 'escaped $$ is a literal dollar, but an empty value holds nothing', code: compose('  app:\n    image: acme/api:1.0.0\n    environment:\n      API_KEY: ""\n') },
    { name: 'a base out of sight may hold literal secrets: unknown', code: compose('  app:\n    extends:\n      file: base.yml\n      service: app\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n'), inspected: ['service?'] },
    { name: 'a reference in a complete service is known', code: compose('  app:\n    image: acme/api:1.0.0\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n'), inspected: ['service'] },
  ],
  invalid: [
    {
      name: 'a name interpolation cannot spell: reported, no ${...} fix (fuzz seed 15)',
      code: compose('  app:\n    image: acme/api:1.0.0\n    environment:\n      - DB-PASSWORD=hunter2\n'),
      errors: [{ messageId: 'literal', line: 5, column: 21, endLine: 5, endColumn: 28 }],
      output: null,
    },
    {
      name: 'the seed grafana with the password written in',
      code: compose('  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=admin\n'),
      errors: [{ messageId: 'literal', line: 5, column: 36, endLine: 5, endColumn: 41 }],
      output: 'services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=${GF_SECURITY_ADMIN_PASSWORD}\n',
      inspected: ['service'],
    },
    {
      name: 'map form, quoted: the quotes stay',
      code: compose('  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: "s3cr3t"\n'),
      errors: [{ messageId: 'literal', line: 5, column: 27, endLine: 5, endColumn: 33 }],
      output: compose('  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}"\n'),
    },
    {
      name: 'a literal default behind a variable',
      code: compose('  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-changeme}\n'),
      errors: [{ messageId: 'defaultLiteral', line: 5, column: 41, endLine: 5, endColumn: 49 }],
      output: compose('  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?DB_PASSWORD is required}\n'),
    },
    {
      name: 'a $$ in the literal is still a literal',
      code: compose('  app:\n    image: acme/api:1.0.0\n    environment:\n      - API_TOKEN=ab$$cd\n'),
      errors: [{ messageId: 'literal', line: 5, column: 19, endLine: 5, endColumn: 25 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    environment:\n      - API_TOKEN=${API_TOKEN}\n'),
    },
  ],
});
