import rule from '../../../rules/k8s/replicas';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    deployment('  replicas: 3\n  template: {}\n'),
    { name: 'option lowers the minimum', code: deployment('  replicas: 1\n'), options: { minReplicas: 1 } },
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template: {}\n',
  ],
  invalid: [
    {
      code: deployment('  replicas: 1\n  template: {}\n'),
      errors: [{ messageId: 'tooFew', line: 6, column: 13, endLine: 6, endColumn: 14, message: 'Deployment "web" runs fewer than 2 replicas (1), so any restart is an outage; set replicas to at least 2.' }],
      output: deployment('  replicas: 2\n  template: {}\n'),
    },
    {
      name: 'missing replicas in a StatefulSet, minimum 3',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n',
      options: { minReplicas: 3 },
      errors: [{ messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5 }],
      output: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 3\n',
    },
  ],
});
