import rule from '../../../rules/compose/log-rotation';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'the seed logging',
      code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: "json-file"\n      options:\n        max-size: "10m"\n        max-file: "3"\n'),
      inspected: ['service'],
    },
    { name: 'the local driver rotates by itself', code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: local\n'), inspected: ['service'] },
    { name: 'logs shipped elsewhere', code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: fluentd\n') },
    { name: 'a driver a variable picks is unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: ${LOG_DRIVER}\n'), inspected: ['service?'] },
    {
      name: 'logging shared through an x- anchor',
      code: 'x-logging: &logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  app:\n    image: acme/api:1.0.0\n    logging: *logging\n',
    },
    { name: 'a max-size from a variable without a default may be empty: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      options:\n        max-size: ${LOG_MAX_SIZE}\n'), inspected: ['service?'] },
    { name: 'a max-size from a variable with a default is set', code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      options:\n        max-size: ${LOG_MAX_SIZE:-10m}\n'), inspected: ['service'] },
    { name: 'a base out of sight may set the options: unknown', code: compose('  app:\n    extends:\n      file: base.yml\n      service: app\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      name: 'the default driver',
      code: compose('  app:\n    image: acme/api:1.0.0\n'),
      errors: [{ messageId: 'default', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: 'services:\n  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: "json-file"\n      options:\n        max-size: "10m"\n        max-file: "3"\n',
      inspected: ['service'],
    },
    {
      name: 'json-file without max-size',
      code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: json-file\n'),
      errors: [{ messageId: 'noMaxSize', line: 5, column: 15, endLine: 5, endColumn: 24 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n'),
    },
    {
      name: 'max-file alone does not bound the size',
      code: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: json-file\n      options:\n        max-file: "5"\n'),
      errors: [{ messageId: 'noMaxSize', line: 5, column: 15, endLine: 5, endColumn: 24 }],
      output: compose('  app:\n    image: acme/api:1.0.0\n    logging:\n      driver: json-file\n      options:\n        max-file: "5"\n        max-size: "10m"\n'),
    },
  ],
});
