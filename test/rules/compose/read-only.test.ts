import rule from '../../../rules/compose/read-only';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  app:\n    image: acme/api:1.0.0\n    read_only: true\n    tmpfs:\n      - /tmp\n'), inspected: ['service'] },
    { name: 'a variable decides', code: compose('  app:\n    image: acme/api:1.0.0\n    read_only: ${READ_ONLY:-true}\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      code: compose('  app:\n    image: acme/api:1.0.0\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: 'services:\n  app:\n    image: acme/api:1.0.0\n    read_only: true\n',
      inspected: ['service'],
    },
    {
      name: 'a key left empty with a comment: the value goes before the comment, which stays one (fuzz seed 13)',
      code: compose('  app:\n    image: acme/api:1.0.0\n    read_only: # decide later\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: 'services:\n  app:\n    image: acme/api:1.0.0\n    read_only: true # decide later\n',
    },
    {
      name: 'false',
      code: compose('  app:\n    image: acme/api:1.0.0\n    read_only: false\n'),
      errors: [{ messageId: 'disabled', line: 4, column: 16, endLine: 4, endColumn: 21 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    read_only: true\n'),
    },
  ],
});
