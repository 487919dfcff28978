import rule from '../../../rules/k8s/rolling-update';
import { runRuleTests } from '../../helpers/rule-tester';

const template = '  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n';
const deployment = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}${template}`;
const claim = (modes: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [${modes}]\n`;
const withClaim = (strategy: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n${strategy}  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: data\n`;

runRuleTests(rule, {
  valid: [
    { code: deployment('  replicas: 4\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n'), inspected: ['workload'] },
    deployment('  replicas: 4\n  strategy: {rollingUpdate: {maxUnavailable: "0%"}}\n'),
    { name: 'the default 25% of 1 to 3 replicas rounds down to no pod', code: deployment('  replicas: 3\n') },
    { name: 'one replica, no strategy', code: deployment('') },
    { name: '40% of 2 replicas rounds down to 0', code: deployment('  replicas: 2\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 40%\n') },
    { name: 'an unknown replica count: a percentage is not judged', code: deployment('  replicas: ${N}\n') },
    { name: 'Recreate is right for a ReadWriteOnce claim', code: withClaim('  replicas: 2\n  strategy:\n    type: Recreate\n'), files: { 'pvc.yaml': claim('ReadWriteOnce') } },
    { name: 'Recreate with a claim the workspace does not show: unknown', code: withClaim('  replicas: 2\n  strategy:\n    type: Recreate\n') },
    { name: 'Recreate keeps a single replica from running twice', code: deployment('  replicas: 1\n  strategy:\n    type: Recreate\n'), inspected: ['workload'] },
    { code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n', inspected: [] },
  ],
  invalid: [
    {
      code: deployment('  replicas: 3\n  strategy:\n    type: Recreate\n'),
      inspected: ['workload'],
      errors: [{ messageId: 'recreate', line: 8, column: 11, endLine: 8, endColumn: 19, message: 'Deployment "web" uses the Recreate strategy, so every rollout is an outage; use a rolling update with maxUnavailable: 0.' }],
      output: null,
    },
    {
      name: 'Recreate with a claim many nodes can mount',
      code: withClaim('  replicas: 2\n  strategy:\n    type: Recreate\n'),
      files: { 'pvc.yaml': claim('ReadWriteMany') },
      errors: [{ messageId: 'recreate', line: 8, column: 11, endLine: 8, endColumn: 19 }],
      output: null,
    },
    {
      name: 'Recreate on a single replica an autoscaler scales up',
      code: deployment('  strategy:\n    type: Recreate\n'),
      files: { 'hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: web\n  maxReplicas: 4\n' },
      errors: [{ messageId: 'recreate', line: 7, column: 11, endLine: 7, endColumn: 19 }],
      output: null,
    },
    {
      name: 'the default 25% of 8 replicas takes 2 down: the strategy goes after replicas',
      code: deployment('  replicas: 8\n  selector: {}\n'),
      errors: [{ messageId: 'defaultUnavailable', line: 5, column: 1, endLine: 5, endColumn: 5, message: 'Deployment "web" keeps the default maxUnavailable of 25%, which takes 2 of its 8 serving pods down before their replacements are ready; set maxUnavailable: 0.' }],
      output: deployment('  replicas: 8\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n  selector: {}\n'),
    },
    {
      name: 'an absolute maxUnavailable on one replica is an outage',
      code: deployment('  strategy:\n    rollingUpdate:\n      maxUnavailable: 1\n'),
      errors: [{ messageId: 'allUnavailable', line: 8, column: 23, endLine: 8, endColumn: 24, message: 'Deployment "web" lets a rollout take all its serving pods down at once (maxUnavailable 1) before their replacements are ready, so every rollout is an outage; set maxUnavailable to 0 and let maxSurge add capacity instead.' }],
      output: deployment('  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n'),
    },
    {
      name: 'maxSurge 0: both 0 would stall the rollout, so no fix',
      code: deployment('  replicas: 4\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n'),
      errors: [{ messageId: 'defaultUnavailable', line: 7, column: 3, endLine: 7, endColumn: 11 }],
      output: null,
    },
    {
      name: 'the autoscaler\'s minimum is the count',
      code: deployment('  strategy:\n    rollingUpdate:\n      maxUnavailable: 50%\n'),
      files: { 'hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: web\n  minReplicas: 4\n  maxReplicas: 8\n' },
      errors: [{ messageId: 'unavailable', line: 8, column: 23, endLine: 8, endColumn: 26 }],
      output: deployment('  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n'),
    },
    {
      name: 'an OpenShift DeploymentConfig uses rollingParams',
      code: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: web\nspec:\n  replicas: 4\n  strategy:\n    type: Rolling\n    rollingParams:\n      maxUnavailable: 2\n' + template,
      errors: [{ messageId: 'unavailable', line: 10, column: 23, endLine: 10, endColumn: 24, message: 'DeploymentConfig "web" lets a rollout take 2 of its 4 serving pods down (maxUnavailable 2) before their replacements are ready, so it serves with less capacity meanwhile; set maxUnavailable to 0 and let maxSurge add capacity if that matters.' }],
      output: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: web\nspec:\n  replicas: 4\n  strategy:\n    type: Rolling\n    rollingParams:\n      maxUnavailable: 0\n' + template,
    },
  ],
});
