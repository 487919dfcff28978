/**
 * Unknown is not proof, and a decision is not a defect. Each row is a manifest whose verdict depends
 * on something the files cannot show (a variable, a template, an account or claim created elsewhere):
 * the rule reports nothing and marks what it looked at `unknown`, so the checklist counts it as
 * listed, never as proven. The same manifest with the value written out is judged (a finding or a
 * clean, known inspection), so each row also proves the rule looks at that value. Then the
 * decisions the rules report at most as information.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeFile } from '../../server/src/engine/analyze';
import { initKinds, kindSupport } from '../../server/src/kinds';
import { k8sRules } from '../../rules/k8s';
import { analyzeCase, workspaceOf } from '../helpers/rule-tester';
import { container, workload } from './kubernetes-agreement-cases';

interface UnknownCase {
  rule: string;
  name: string;
  /** The manifest with the value filled in later. */
  unknown: string;
  /** The same manifest with a value written out: judged, not unknown. */
  known: string;
  /** Other files of the workspace for the known variant (a claim the unknown one lacks). */
  knownFiles?: Record<string, string>;
}

const securityContext = (body: string) => `securityContext:\n${body.replace(/^/gm, '  ')}\n`;
const hpa = (min: string) => `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: ${min}\n  maxReplicas: 10\n`;
const claimVolume = 'volumes:\n- name: data\n  persistentVolumeClaim:\n    claimName: data\n';

const CASES: UnknownCase[] = [
  { rule: 'k8s/image-tag', name: 'an image from a variable', unknown: workload({ containers: container('', 'app', '${IMAGE}') }), known: workload({ containers: container('', 'app', 'ghcr.io/org/app') }) },
  { rule: 'k8s/image-tag', name: 'an image from a Helm value', unknown: workload({ containers: container('', 'app', '"{{ .Values.image }}"') }), known: workload({ containers: container('', 'app', 'ghcr.io/org/app:latest') }) },
  { rule: 'k8s/image-tag', name: 'a placeholder image', unknown: workload({ containers: container('', 'app', '<YOUR-IMAGE>') }), known: workload({ containers: container('', 'app', 'your-image') }) },
  { rule: 'k8s/image-pull-policy', name: 'a tag from a variable', unknown: workload({ containers: container('imagePullPolicy: IfNotPresent\n', 'app', 'redis:${REDIS_VERSION}') }), known: workload({ containers: container('imagePullPolicy: IfNotPresent\n', 'app', 'redis:7') }) },
  { rule: 'k8s/image-pull-policy', name: 'a pull policy from a variable', unknown: workload({ containers: container('imagePullPolicy: ${PULL_POLICY}\n', 'app', 'redis:7') }), known: workload({ containers: container('imagePullPolicy: Never\n', 'app', 'redis:7') }) },
  { rule: 'k8s/replicas', name: 'replicas from a variable', unknown: workload({ replicas: '${REPLICAS}' }), known: workload({ replicas: 1 }) },
  { rule: 'k8s/replicas', name: 'an autoscaler minimum from a Helm value', unknown: workload() + hpa('"{{ .Values.minReplicas }}"'), known: workload() + hpa('1') },
  { rule: 'k8s/replicas', name: 'a claim the workspace does not show (it may be ReadWriteOnce)', unknown: workload({ pod: claimVolume }), known: workload({ pod: claimVolume }), knownFiles: { 'pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteMany]\n' } },
  { rule: 'k8s/pod-disruption-budget', name: 'replicas from a variable', unknown: workload({ replicas: '${REPLICAS}' }), known: workload({ replicas: 3 }) },
  { rule: 'k8s/anti-affinity', name: 'replicas from a Helm value', unknown: workload({ replicas: '"{{ .Values.replicaCount }}"' }), known: workload({ replicas: 3 }) },
  { rule: 'k8s/rolling-update', name: 'a percentage of replicas from a variable', unknown: workload({ replicas: '${REPLICAS}', spec: 'strategy:\n  rollingUpdate:\n    maxUnavailable: 50%\n' }), known: workload({ replicas: 4, spec: 'strategy:\n  rollingUpdate:\n    maxUnavailable: 50%\n' }) },
  { rule: 'k8s/rolling-update', name: 'maxUnavailable from a variable', unknown: workload({ replicas: 4, spec: 'strategy:\n  rollingUpdate:\n    maxUnavailable: ${MAX_UNAVAILABLE}\n' }), known: workload({ replicas: 4, spec: 'strategy:\n  rollingUpdate:\n    maxUnavailable: 1\n' }) },
  {
    rule: 'k8s/rolling-update', name: 'Recreate with a claim the workspace does not show', unknown: workload({ replicas: 2, spec: 'strategy:\n  type: Recreate\n', pod: claimVolume }), known: workload({ replicas: 2, spec: 'strategy:\n  type: Recreate\n', pod: claimVolume }),
    knownFiles: { 'pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteMany]\n' },
  },
  { rule: 'k8s/run-as-non-root', name: 'runAsUser from a variable', unknown: workload({ containers: container(securityContext('runAsUser: ${UID}')) }), known: workload({ containers: container(securityContext('runAsUser: 0')) }) },
  { rule: 'k8s/run-as-non-root', name: 'runAsNonRoot from a Helm value', unknown: workload({ containers: container(securityContext('runAsNonRoot: "{{ .Values.nonRoot }}"')) }), known: workload({ containers: container(securityContext('runAsNonRoot: false')) }) },
  { rule: 'k8s/read-only-root-fs', name: 'readOnlyRootFilesystem from a variable', unknown: workload({ containers: container(securityContext('readOnlyRootFilesystem: ${READ_ONLY}')) }), known: workload({ containers: container(securityContext('readOnlyRootFilesystem: false')) }) },
  { rule: 'k8s/no-privilege-escalation', name: 'allowPrivilegeEscalation from a Helm value', unknown: workload({ containers: container(securityContext('allowPrivilegeEscalation: "{{ .Values.escalate }}"')) }), known: workload({ containers: container(securityContext('allowPrivilegeEscalation: true')) }) },
  { rule: 'k8s/drop-capabilities', name: 'a dropped capability from a variable', unknown: workload({ containers: container(securityContext('capabilities:\n  drop: ["${DROP}"]')) }), known: workload({ containers: container(securityContext('capabilities:\n  drop: [NET_RAW]')) }) },
  { rule: 'k8s/seccomp-profile', name: 'a seccomp profile type from a variable', unknown: workload({ containers: container(securityContext('seccompProfile:\n  type: ${SECCOMP}')) }), known: workload({ containers: container(securityContext('seccompProfile:\n  type: Unconfined')) }) },
  { rule: 'k8s/no-privileged', name: 'privileged from a variable', unknown: workload({ containers: container(securityContext('privileged: ${PRIVILEGED}')) }), known: workload({ containers: container(securityContext('privileged: true')) }) },
  { rule: 'k8s/host-namespaces', name: 'hostNetwork from a Helm value', unknown: workload({ pod: 'hostNetwork: "{{ .Values.hostNetwork }}"\n' }), known: workload({ pod: 'hostNetwork: true\n' }) },
  { rule: 'k8s/docker-socket', name: 'a hostPath from a variable', unknown: workload({ pod: 'volumes:\n- name: sock\n  hostPath:\n    path: ${DOCKER_SOCKET}\n' }), known: workload({ pod: 'volumes:\n- name: sock\n  hostPath:\n    path: /var/run/docker.sock\n' }) },
  { rule: 'k8s/dangerous-capabilities', name: 'an added capability from a variable', unknown: workload({ containers: container(securityContext('capabilities:\n  add: ["${CAPABILITY}"]')) }), known: workload({ containers: container(securityContext('capabilities:\n  add: [SYS_ADMIN]')) }) },
  { rule: 'k8s/probe-port', name: 'a probed port from a variable', unknown: workload({ containers: container('ports:\n- containerPort: 8080\nlivenessProbe:\n  httpGet:\n    port: ${PORT}\n') }), known: workload({ containers: container('ports:\n- containerPort: 8080\nlivenessProbe:\n  httpGet:\n    port: 9090\n') }) },
  { rule: 'k8s/probe-port', name: 'a declared port from a variable', unknown: workload({ containers: container('ports:\n- containerPort: ${PORT}\nlivenessProbe:\n  httpGet:\n    port: 8080\n') }), known: workload({ containers: container('ports:\n- containerPort: 9090\nlivenessProbe:\n  httpGet:\n    port: 8080\n') }) },
  { rule: 'k8s/secret-env-literal', name: 'a password substituted when the file is applied', unknown: workload({ containers: container('env:\n- name: DB_PASSWORD\n  value: ${DB_PASSWORD}\n') }), known: workload({ containers: container('env:\n- name: DB_PASSWORD\n  value: hunter2\n') }) },
  { rule: 'k8s/default-namespace', name: 'a namespace from a variable', unknown: workload({ namespace: '${NAMESPACE}' }), known: workload({ namespace: 'default' }) },
  { rule: 'k8s/network-policy', name: 'a Calico policy whose selector cannot be evaluated here', unknown: workload({ namespace: 'shop' }) + '---\napiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  selector: app == "web"\n', known: workload({ namespace: 'shop' }) },
  { rule: 'k8s/network-policy', name: 'a cluster-wide Cilium policy', unknown: workload({ namespace: 'shop' }) + '---\napiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: deny\nspec:\n  endpointSelector: {}\n  ingress: []\n', known: workload({ namespace: 'shop' }) },
  { rule: 'k8s/service-account-token', name: 'an account other than default that the workspace does not define', unknown: workload({ pod: 'serviceAccountName: external-dns\n' }), known: `${workload({ pod: 'serviceAccountName: external-dns\n' })}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: external-dns\n` },
  { rule: 'k8s/service-account-token', name: 'an account name from a Helm value', unknown: workload({ pod: 'serviceAccountName: "{{ .Values.serviceAccount }}"\n' }), known: workload({ pod: 'serviceAccountName: default\n' }) },
];

function run(rule: string, code: string, files?: Record<string, string>) {
  const found = k8sRules.find((candidate) => candidate.meta.id === rule)!;
  const { model, findings, inspected } = analyzeCase([found], 'kubernetes', { code, files }, rule);
  return {
    findings: findings.filter((finding) => finding.ruleId === rule && finding.path === model.path),
    inspected: inspected.filter((inspection) => inspection.ruleId === rule && inspection.path === model.path),
    crashes: findings.filter((finding) => finding.ruleId === 'readiness/rule-error'),
  };
}

describe('kubernetes: unknown is not proof', () => {
  before(() => initKinds());

  for (const testCase of CASES) {
    it(`${testCase.rule}: ${testCase.name}`, () => {
      const unknown = run(testCase.rule, testCase.unknown);
      assert.deepEqual(unknown.crashes, []);
      assert.deepEqual(unknown.findings.map((finding) => finding.message), [], 'no claim on an unknown value');
      assert.ok(unknown.inspected.length > 0, 'the subject is listed');
      assert.ok(unknown.inspected.some((inspection) => inspection.unknown), 'and marked unknown');
      const known = run(testCase.rule, testCase.known, testCase.knownFiles);
      assert.ok(known.inspected.length > 0 && known.inspected.every((inspection) => !inspection.unknown), 'the value written out is judged');
    });
  }

  it('an unknown subject proves nothing in the checklist: every inspection of the unknown rows is unknown for its rule and container or workload', () => {
    for (const testCase of CASES) {
      const { inspected } = run(testCase.rule, testCase.unknown);
      assert.ok(inspected.every((inspection) => inspection.unknown), `${testCase.rule}: ${testCase.name}`);
    }
  });
});

describe('kubernetes: decisions are reported at most as information', () => {
  before(() => initKinds());

  const bound = '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: operator\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: operator\n';
  const decisions: { rule: string; name: string; code: string; messageId: string; severity: 'information'; settings?: 'error' }[] = [
    { rule: 'k8s/service-account-token', name: 'automountServiceAccountToken: true written on the pod', code: workload({ pod: 'automountServiceAccountToken: true\n' }), messageId: 'decided', severity: 'information' },
    { rule: 'k8s/service-account-token', name: 'true for an account a RoleBinding grants something (named in the message)', code: workload({ pod: 'serviceAccountName: operator\nautomountServiceAccountToken: true\n' }) + bound, messageId: 'decidedBound', severity: 'information' },
    { rule: 'k8s/service-account-token', name: 'information even when the rule is set to error', code: workload({ pod: 'automountServiceAccountToken: true\n' }), messageId: 'decided', severity: 'information', settings: 'error' },
    { rule: 'k8s/replicas', name: 'one replica of a leader-elected controller', code: workload({ replicas: 1, containers: container('args: [--leader-elect=true]\n', 'manager') }), messageId: 'leaderElected', severity: 'information' },
    { rule: 'k8s/replicas', name: 'leader election turned on by an environment variable', code: workload({ containers: container('env:\n- name: ENABLE_LEADER_ELECTION\n  value: "true"\n', 'manager') }), messageId: 'leaderElected', severity: 'information' },
    { rule: 'k8s/rolling-update', name: 'maxUnavailable: 1 written on two replicas (one keeps serving)', code: workload({ replicas: 2, spec: 'strategy:\n  rollingUpdate:\n    maxUnavailable: 1\n' }), messageId: 'unavailable', severity: 'information' },
  ];
  for (const decision of decisions) {
    it(`${decision.rule}: ${decision.name}`, () => {
      const model = kindSupport('kubernetes').parse(decision.code, '/work/deploy.yaml');
      const settings = decision.settings ? { rules: { [decision.rule]: { severity: decision.settings } } } : undefined;
      const { findings } = analyzeFile({ model, rules: k8sRules, settings, workspace: workspaceOf({ [model.path]: model }, '/work') });
      const own = findings.filter((finding) => finding.ruleId === decision.rule);
      assert.deepEqual(own.map((finding) => [finding.messageId, finding.severity]), [[decision.messageId, decision.severity]]);
    });
  }

  it('k8s/rolling-update: a maxUnavailable written out that stops every serving pod stays a warning', () => {
    const model = kindSupport('kubernetes').parse(workload({ replicas: 3, spec: 'strategy:\n  rollingUpdate:\n    maxUnavailable: 100%\n' }), '/work/deploy.yaml');
    const { findings } = analyzeFile({ model, rules: k8sRules, workspace: workspaceOf({ [model.path]: model }, '/work') });
    assert.deepEqual(findings.filter((finding) => finding.ruleId === 'k8s/rolling-update').map((finding) => [finding.messageId, finding.severity]), [['allUnavailable', 'warning']]);
  });

  const silent: { rule: string; name: string; code: string }[] = [
    { rule: 'k8s/replicas', name: 'replicas: 0 switched off on purpose', code: workload({ replicas: 0 }) },
    { rule: 'k8s/replicas', name: 'a database server runs one replica by design', code: workload({ replicas: 1, containers: container('', 'db', 'postgres:16.2') }) },
    { rule: 'k8s/service-account-token', name: 'automountServiceAccountToken: false', code: workload({ pod: 'automountServiceAccountToken: false\n' }) },
  ];
  for (const entry of silent) {
    it(`${entry.rule}: ${entry.name} is judged and silent`, () => {
      const { findings, inspected } = run(entry.rule, entry.code);
      assert.deepEqual(findings.map((finding) => finding.message), []);
      assert.ok(inspected.length > 0 && inspected.every((inspection) => !inspection.unknown));
    });
  }
});
