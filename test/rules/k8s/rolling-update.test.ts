import rule from '../../../rules/k8s/rolling-update';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    deployment('  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n'),
    deployment('  strategy: {rollingUpdate: {maxUnavailable: "0%"}}\n'),
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n',
  ],
  invalid: [
    {
      code: deployment('  strategy:\n    type: Recreate\n'),
      errors: [{ messageId: 'recreate', line: 7, column: 11, endLine: 7, endColumn: 19 }],
      output: null,
    },
    {
      name: 'no strategy: the default 25%',
      code: deployment('  replicas: 2\n'),
      errors: [{ messageId: 'defaultUnavailable', line: 5, column: 1, endLine: 5, endColumn: 5 }],
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n',
    },
    {
      name: 'explicit maxUnavailable',
      code: deployment('  strategy:\n    rollingUpdate:\n      maxUnavailable: 25%\n'),
      errors: [{ messageId: 'unavailable', line: 8, column: 23, endLine: 8, endColumn: 26 }],
      output: deployment('  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n'),
    },
    {
      name: 'maxSurge 0: no safe fix',
      code: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 0\n'),
      errors: [{ messageId: 'defaultUnavailable', line: 6, column: 3, endLine: 6, endColumn: 11 }],
      output: null,
    },
  ],
});
