import rule from '../../../rules/k8s/anti-affinity';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (replicas: string, podSpec = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${replicas}  template:\n    metadata:\n      labels:\n        app: web\n        version: "2"\n    spec:\n${podSpec}      containers:\n      - name: app\n        image: app:1.0.0\n`;
const antiAffinity = (selector: string, key = 'kubernetes.io/hostname') =>
  `      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n${selector}              topologyKey: ${key}\n`;

runRuleTests(rule, {
  valid: [
    { code: deployment('  replicas: 3\n', antiAffinity('                matchLabels:\n                  app: web\n')), inspected: ['workload'] },
    { name: 'one replica: nothing to spread', code: deployment('  replicas: 1\n'), inspected: [] },
    { name: 'a zone key spreads over nodes too', code: deployment('  replicas: 3\n', antiAffinity('                matchExpressions:\n                - {key: app, operator: In, values: [web]}\n', 'topology.kubernetes.io/zone')) },
    {
      name: 'a required term',
      code: deployment('  replicas: 2\n', '      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - labelSelector:\n              matchLabels: {app: web}\n            topologyKey: kubernetes.io/hostname\n'),
    },
    {
      name: 'a topology spread constraint',
      code: deployment('  replicas: 2\n', '      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: DoNotSchedule\n        labelSelector:\n          matchLabels:\n            app: web\n'),
    },
    {
      name: 'a term listing its own namespace (default, where kubectl applies it)',
      code: deployment('  replicas: 3\n', antiAffinity('                matchLabels:\n                  app: web\n').replace('              labelSelector:', '              namespaces: [default]\n              labelSelector:')),
    },
    {
      name: 'a namespaceSelector selects namespaces by labels the files do not show: taken as including its own',
      code: deployment('  replicas: 3\n', antiAffinity('                matchLabels:\n                  app: web\n').replace('              labelSelector:', '              namespaces: [other]\n              namespaceSelector:\n                matchLabels: {team: web}\n              labelSelector:')),
    },
    { name: 'a DaemonSet runs one pod per node anyway', code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers: []\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'a term limited to other namespaces keeps the pods away from those pods, not from each other (kube-linter non-matching-namespace)',
      code: deployment('  replicas: 3\n', antiAffinity('                matchLabels:\n                  app: web\n').replace('              labelSelector:', '              namespaces: [other]\n              labelSelector:')).replace('  name: web\n', '  name: web\n  namespace: shop\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: deployment(
        '  replicas: 3\n',
        antiAffinity('                matchLabels:\n                  app: web\n').replace('              labelSelector:', '              namespaces: [other]\n              labelSelector:') +
          '          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n                matchLabels:\n                  app: web\n                  version: "2"\n              topologyKey: kubernetes.io/hostname\n',
      ).replace('  name: web\n', '  name: web\n  namespace: shop\n'),
    },
    {
      name: 'the fix prefers other nodes for pods with the same labels, at the top of the pod spec',
      code: deployment('  replicas: 3\n'),
      inspected: ['workload'],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'Deployment "web" runs up to 3 replicas with no pod anti-affinity or topology spread constraint, so they may all land on one node and fail together; spread them across nodes.' }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: web\n        version: "2"\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n                matchLabels:\n                  app: web\n                  version: "2"\n              topologyKey: kubernetes.io/hostname\n      containers:\n      - name: app\n        image: app:1.0.0\n',
    },
    {
      name: 'anti-affinity on a label the pods do not carry: the fix adds a term for their own labels',
      code: deployment('  replicas: 2\n', antiAffinity('                matchLabels:\n                  app: api\n')),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: deployment(
        '  replicas: 2\n',
        `${antiAffinity('                matchLabels:\n                  app: api\n')}          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n                matchLabels:\n                  app: web\n                  version: "2"\n              topologyKey: kubernetes.io/hostname\n`,
      ),
    },
    {
      name: 'a spread on a key that is not a node or zone',
      code: deployment('  replicas: 2\n', '      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/os\n        whenUnsatisfiable: ScheduleAnyway\n        labelSelector: {matchLabels: {app: web}}\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: deployment(
        '  replicas: 2\n',
        '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n                matchLabels:\n                  app: web\n                  version: "2"\n              topologyKey: kubernetes.io/hostname\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/os\n        whenUnsatisfiable: ScheduleAnyway\n        labelSelector: {matchLabels: {app: web}}\n',
      ),
    },
    {
      name: 'pods without labels: no fix (the term would select nothing)',
      code: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 11 }],
      output: null,
    },
    {
      name: 'an autoscaler may scale a one-replica workload up',
      code: deployment(''),
      files: { 'hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: web\n  maxReplicas: 6\n' },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: deployment(
        '',
        '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n                matchLabels:\n                  app: web\n                  version: "2"\n              topologyKey: kubernetes.io/hostname\n',
      ),
    },
  ],
});
