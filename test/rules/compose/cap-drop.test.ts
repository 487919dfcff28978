import rule from '../../../rules/compose/cap-drop';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n'), inspected: ['service'] },
    { name: 'flow list, lower case', code: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop: [all]\n') },
    { name: 'a fragment is unknown', code: compose('  app:\n    environment:\n      A: b\n'), inspected: ['service?'] },
    { name: 'a variable could say ALL: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop: ["${DROP_CAPS}"]\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      code: compose('  app:\n    image: acme/api:1.0.0\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop:\n      - ALL\n'),
      inspected: ['service'],
    },
    {
      name: 'a list without ALL gets it',
      code: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop:\n      - NET_RAW\n'),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 13 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop:\n      - NET_RAW\n      - ALL\n'),
    },
    {
      name: 'a flow list gets it in place',
      code: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop: [NET_RAW]\n'),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 13 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    cap_drop: [NET_RAW, ALL]\n'),
    },
    {
      name: 'sequences not indented under their key stay so',
      code: 'services:\n  app:\n    image: acme/api:1.0.0\n    command:\n    - serve\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: 'services:\n  app:\n    image: acme/api:1.0.0\n    command:\n    - serve\n    cap_drop:\n    - ALL\n',
    },
  ],
});
