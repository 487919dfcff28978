import rule from '../../../rules/compose/privileged';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  app:\n    image: acme/api:1.0.0\n'), inspected: ['service'] },
    { code: compose('  app:\n    image: acme/api:1.0.0\n    privileged: false\n') },
    { name: 'a base out of sight could set it: nothing proven', code: compose('  app:\n    extends:\n      file: base.yml\n      service: app\n'), inspected: ['service?'] },
    { name: 'a variable decides: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    privileged: ${PRIVILEGED}\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      code: compose('  agent:\n    image: acme/agent:1.4.2\n    privileged: true\n'),
      errors: [{ messageId: 'privileged', line: 4, column: 17, endLine: 4, endColumn: 21 }],
      output: null,
      inspected: ['service'],
    },
    {
      name: 'through an anchor merged into the service',
      code: 'x-priv: &priv\n  privileged: true\nservices:\n  agent:\n    <<: *priv\n    image: acme/agent:1.4.2\n',
      errors: [{ messageId: 'privileged', line: 2, column: 15, endLine: 2, endColumn: 19 }],
      output: null,
    },
  ],
});
