import rule from '../../../rules/k8s/replicas';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;
const template = (podSpec = '      containers:\n      - name: app\n        image: app:1.2.3\n') => `  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n${podSpec}`;
const hpa = (min: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web-hpa\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n${min}  maxReplicas: 10\n`;
const budget = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
const spread = '      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n        labelSelector:\n          matchLabels:\n            app: web\n';

runRuleTests(rule, {
  valid: [
    { code: deployment(`  replicas: 3\n${template()}`), inspected: ['workload'] },
    { name: 'option lowers the minimum', code: deployment(`  replicas: 1\n${template()}`), options: { minReplicas: 1 } },
    { name: 'a DaemonSet runs one pod per node', code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers: []\n', inspected: [] },
    { name: 'an autoscaler with minReplicas 2 decides', code: deployment(`  replicas: 1\n${template()}`), files: { 'hpa.yaml': hpa('  minReplicas: 2\n') } },
    { name: 'replicas: 0 is a workload switched off on purpose', code: deployment(`  replicas: 0\n${template()}`) },
    { name: 'a claim the workspace does not show may be ReadWriteOnce: looked at, not judged', code: deployment(template('      containers:\n      - name: app\n        image: app:1.0.0\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: elsewhere\n')), inspected: ['workload?'] },
    {
      name: 'a pod mounting a ReadWriteOnce claim cannot run twice',
      code: deployment(template('      containers:\n      - name: app\n        image: app:1.0.0\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: data\n')),
      files: { 'pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n' },
    },
    { name: 'a database server image is a singleton by design', code: deployment(template('      containers:\n      - name: redis\n        image: redis:7.2.4\n')) },
    { name: 'a template value is unknown', code: deployment(`  replicas: "{{ .Values.replicas }}"\n${template()}`) },
  ],
  invalid: [
    {
      name: 'a controller with leader election runs one replica by choice: information at most, the fix adds a hot standby',
      code: deployment(`  replicas: 1\n${template('      containers:\n      - name: manager\n        image: controller:1.0.0\n        args: ["--leader-elect", "--metrics-bind-address=:8080"]\n')}`),
      errors: [{ messageId: 'leaderElected', line: 6, column: 13, endLine: 6, endColumn: 14, message: 'Deployment "web" elects a leader and runs fewer than 2 replicas (1), so its work pauses while its pod restarts; add replicas as hot standbys if that pause matters.' }],
      output: deployment(`  replicas: 2\n${template('      containers:\n      - name: manager\n        image: controller:1.0.0\n        args: ["--leader-elect", "--metrics-bind-address=:8080"]\n')}`),
    },
    {
      name: 'too few: the fix title names the next steps two replicas bring up',
      code: deployment(`  replicas: 1\n${template()}`),
      inspected: ['workload'],
      errors: [{ messageId: 'tooFew', line: 6, column: 13, endLine: 6, endColumn: 14, message: 'Deployment "web" runs fewer than 2 replicas (1), so any restart is an outage; set replicas to at least 2.' }],
      output: deployment(`  replicas: 2\n${template()}`),
    },
    {
      name: 'missing replicas in a StatefulSet, minimum 3: replicas goes right under spec',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n',
      options: { minReplicas: 3 },
      errors: [{ messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5 }],
      output: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n  serviceName: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n',
    },
    {
      name: 'the autoscaler in the same file lets it scale to one: the finding and the fix are on its minReplicas',
      code: `${deployment(`  replicas: 3\n${template()}`)}---\n${hpa('  minReplicas: 1\n')}`,
      errors: [{ messageId: 'scaled', line: 25, column: 16, endLine: 25, endColumn: 17, message: 'HorizontalPodAutoscaler "web-hpa" may scale Deployment "web" down to 1, below 2 replicas, so a restart at that size is an outage; raise its minimum to at least 2.' }],
      output: `${deployment(`  replicas: 3\n${template()}`)}---\n${hpa('  minReplicas: 2\n')}`,
    },
    {
      name: 'the autoscaler in another file, without minReplicas (1): on the workload, no fix here',
      code: deployment(`  replicas: 3\n${template()}`),
      files: { 'hpa.yaml': hpa('') },
      errors: [{ messageId: 'scaled', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a single replica with Recreate: two replicas then need a rolling update',
      code: deployment(`  replicas: 1\n  strategy:\n    type: Recreate\n${template()}`),
      errors: [{ messageId: 'tooFew', line: 6, column: 13, endLine: 6, endColumn: 14 }],
      output: deployment(`  replicas: 2\n  strategy:\n    type: Recreate\n${template()}`),
    },
    {
      name: 'a ReplicationController',
      code: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: app\n',
      errors: [{ messageId: 'tooFew', line: 6, column: 13, endLine: 6, endColumn: 14 }],
      output: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: app\n',
    },
    {
      name: 'a budget and a spread already exist: nothing comes next',
      code: `${deployment(`  replicas: 1\n${template(`${spread}      containers:\n      - name: app\n        image: app:1.0.0\n`)}`)}---\n${budget}`,
      errors: [{ messageId: 'tooFew', line: 6, column: 13, endLine: 6, endColumn: 14 }],
      output: `${deployment(`  replicas: 2\n${template(`${spread}      containers:\n      - name: app\n        image: app:1.0.0\n`)}`)}---\n${budget}`,
    },
  ],
});
