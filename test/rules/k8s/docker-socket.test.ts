import rule from '../../../rules/k8s/docker-socket';
import { runRuleTests } from '../../helpers/rule-tester';

const daemonSet = (volumes: string) =>
  `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n      - name: agent\n        image: agent:1.0.0\n      volumes:\n${volumes}`;

runRuleTests(rule, {
  valid: [
    { code: daemonSet('      - name: logs\n        hostPath:\n          path: /var/log\n'), inspected: ['workload'] },
    daemonSet('      - name: cache\n        emptyDir: {}\n'),
    { name: 'a socket of something else', code: daemonSet('      - name: csi\n        hostPath:\n          path: /var/lib/kubelet/plugins/csi.example.com/csi.sock\n') },
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
  ],
  invalid: [
    {
      code: daemonSet('      - name: docker\n        hostPath:\n          path: /var/run/docker.sock\n          type: Socket\n'),
      inspected: ['workload'],
      errors: [{ messageId: 'mounted', line: 14, column: 17, endLine: 14, endColumn: 37, message: 'The pod of DaemonSet "agent" mounts /var/run/docker.sock from the node, which gives it the container runtime\'s socket and full control of the node; remove the hostPath volume.' }],
      output: null,
    },
    {
      name: 'containerd and CRI-O sockets, and the folder that holds them',
      code: daemonSet('      - name: a\n        hostPath: {path: /run/containerd/containerd.sock}\n      - name: b\n        hostPath:\n          path: /var/run/crio/crio.sock\n      - name: c\n        hostPath:\n          path: /var/run/\n'),
      errors: [
        { messageId: 'mounted', line: 13, column: 26, endLine: 13, endColumn: 57 },
        { messageId: 'mounted', line: 16, column: 17, endLine: 16, endColumn: 40 },
        { messageId: 'mounted', line: 19, column: 17, endLine: 19, endColumn: 26 },
      ],
      output: null,
    },
  ],
});
