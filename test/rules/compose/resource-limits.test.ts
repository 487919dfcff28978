import rule from '../../../rules/compose/resource-limits';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'the seed app: deploy.resources.limits',
      code: compose("  app:\n    image: datametria/api:v2.1.0\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 512M\n"),
      inspected: ['service'],
    },
    { name: 'the short keys', code: compose('  app:\n    image: acme/api:1.0.0\n    mem_limit: 512m\n    cpus: 0.5\n'), inspected: ['service'] },
    { name: 'values from variables still set a limit', code: compose('  app:\n    image: acme/api:1.0.0\n    mem_limit: ${APP_MEMORY}\n    cpus: ${APP_CPUS:-1}\n') },
    {
      name: 'limits merged from an anchor',
      code: "x-limits: &limits\n  deploy:\n    resources:\n      limits: {cpus: '1', memory: 1G}\nservices:\n  app:\n    <<: *limits\n    image: acme/api:1.0.0\n",
      inspected: ['service'],
    },
    { name: 'a fragment of an override file is unknown', code: compose('  app:\n    environment:\n      LOG_LEVEL: info\n'), inspected: ['service?'] },
    { name: 'a limit from a variable without a default may be empty: unknown', code: compose('  app:\n    image: acme/api:1.0.0\n    mem_limit: ${APP_MEMORY}\n    cpus: "0.5"\n'), inspected: ['service?'] },
    { name: 'a limit from a variable with a default is set', code: compose('  app:\n    image: acme/api:1.0.0\n    deploy:\n      resources:\n        limits:\n          cpus: ${APP_CPUS:-0.5}\n          memory: ${APP_MEMORY:-512M}\n'), inspected: ['service'] },
    { name: 'a required variable is set', code: compose('  app:\n    image: acme/api:1.0.0\n    mem_limit: ${APP_MEMORY:?set APP_MEMORY}\n    cpus: "1"\n'), inspected: ['service'] },
  ],
  invalid: [
    {
      name: 'nothing set: the seed limits',
      code: compose('  app:\n    image: acme/api:1.0.0\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "app" has no cpu and memory limit, so it can starve the rest of the host; add deploy.resources.limits.' }],
      output: compose("  app:\n    image: acme/api:1.0.0\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 512M\n"),
      inspected: ['service'],
    },
    {
      name: 'reservations only: limits added beside them, replicas kept',
      code: compose("  app:\n    image: acme/api:1.0.0\n    deploy:\n      replicas: 3\n      resources:\n        reservations:\n          memory: 256M\n"),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: compose("  app:\n    image: acme/api:1.0.0\n    deploy:\n      replicas: 3\n      resources:\n        reservations:\n          memory: 256M\n        limits:\n          cpus: '0.5'\n          memory: 512M\n"),
    },
    {
      name: 'mem_limit without cpus gets the short cpus key',
      code: compose('  app:\n    image: acme/api:1.0.0\n    mem_limit: 512m\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "app" has no cpu limit, so it can starve the rest of the host; add deploy.resources.limits.' }],
      output: "services:\n  app:\n    image: acme/api:1.0.0\n    mem_limit: 512m\n    cpus: '0.5'\n",
    },
    {
      name: 'a service aliasing a shared anchor gets no fix (it would change every user)',
      code: 'x-app: &app\n  image: acme/api:1.0.0\nservices:\n  a: *app\n',
      errors: [{ messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 4 }],
      output: null,
    },
  ],
});
