import rule from '../../../rules/compose/restart-policy';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  app:\n    image: acme/api:1.0.0\n    restart: unless-stopped\n'), inspected: ['service'] },
    { name: '"no" is a decision', code: compose('  seed:\n    image: acme/seed:1.0.0\n    restart: "no"\n'), inspected: ['service'] },
    { name: 'the Swarm restart policy', code: compose('  app:\n    image: acme/api:1.0.0\n    deploy:\n      restart_policy:\n        condition: on-failure\n') },
    {
      name: 'a job others wait to complete is meant to stop: not what the rule is about',
      code: compose('  migrate:\n    image: acme/migrate:1.0.0\n  app:\n    image: acme/api:1.0.0\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n'),
      inspected: ['service'],
    },
    { name: 'a fragment is unknown', code: compose('  app:\n    ports: ["80:80"]\n'), inspected: ['service?'] },
    { name: 'a service behind a profile is started on demand', code: compose('  adminer:\n    image: adminer:4.8.1\n    profiles: [debug]\n'), inspected: [] },
    { name: 'a policy from a variable without a default may be empty: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    restart: ${RESTART_POLICY}\n'), inspected: ['service?'] },
    { name: 'a policy from a variable with a default is set', code: compose('  app:\n    image: acme/api:1.0.0\n    restart: ${RESTART_POLICY:-unless-stopped}\n'), inspected: ['service'] },
  ],
  invalid: [
    {
      name: 'an anchor before the first key: new keys go where the entry starts, not after the anchor',
      code: compose('  app:\n    &image image: datametria/api:v2.1.0\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: compose('  app:\n    &image image: datametria/api:v2.1.0\n    restart: unless-stopped\n'),
    },
    {
      code: compose('  app:\n    image: datametria/api:v2.1.0\n    environment:\n      - NODE_ENV=production\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: compose('  app:\n    image: datametria/api:v2.1.0\n    environment:\n      - NODE_ENV=production\n    restart: unless-stopped\n'),
      inspected: ['service'],
    },
    {
      name: 'CRLF line breaks are kept',
      code: 'services:\r\n  app:\r\n    image: acme/api:1.0.0\r\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: 'services:\r\n  app:\r\n    image: acme/api:1.0.0\r\n    restart: unless-stopped\r\n',
    },
  ],
});
