import rule from '../../../rules/compose/no-new-privileges';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  app:\n    image: acme/api:1.0.0\n    security_opt:\n      - no-new-privileges:true\n'), inspected: ['service'] },
    { name: 'the bare and = spellings', code: compose('  a:\n    image: acme/api:1.0.0\n    security_opt: [no-new-privileges]\n  b:\n    image: acme/api:1.0.0\n    security_opt: ["no-new-privileges=true"]\n') },
    { name: 'a variable could be the option: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    security_opt: ["${SECURITY_OPT}"]\n'), inspected: ['service?'] },
    { name: 'a base out of sight could set it: unknown', code: compose('  app:\n    extends:\n      file: base.yml\n      service: app\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      code: compose('  app:\n    image: acme/api:1.0.0\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: 'services:\n  app:\n    image: acme/api:1.0.0\n    security_opt:\n      - no-new-privileges:true\n',
      inspected: ['service'],
    },
    {
      name: 'false does not count',
      code: compose('  app:\n    image: acme/api:1.0.0\n    security_opt:\n      - no-new-privileges:false\n      - apparmor:docker-default\n'),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 17 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    security_opt:\n      - no-new-privileges:false\n      - apparmor:docker-default\n      - no-new-privileges:true\n'),
    },
  ],
});
