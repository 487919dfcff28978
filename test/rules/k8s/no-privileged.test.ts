import rule from '../../../rules/k8s/no-privileged';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    { code: pod('  - name: app\n    securityContext:\n      privileged: false\n'), inspected: ['container'] },
    pod('  - name: app\n'),
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n', inspected: [] },
  ],
  invalid: [
    {
      code: pod('  - name: app\n    securityContext:\n      privileged: true\n'),
      errors: [{ messageId: 'privileged', line: 9, column: 19, endLine: 9, endColumn: 23 }],
      output: null,
    },
    {
      name: 'flow style, init container',
      code: pod('  - name: app\n').replace('  containers:', '  initContainers:\n  - {name: setup, securityContext: {privileged: true}}\n  containers:'),
      errors: [{ messageId: 'privileged', line: 7, column: 49, endLine: 7, endColumn: 53 }],
      output: null,
    },
  ],
});
