/**
 * Verdicts the reference linters assert in their own test suites and check definitions, transcribed
 * as minimal manifests written for this table (none is copied): kube-linter (stackrox/kube-linter,
 * tests/checks/*.yml and pkg/templates/*), Polaris (FairwindsOps/polaris, checks/*.yaml and
 * test/checks/<check>/{success,failure}*.yaml), kube-score (zegl/kube-score, score/*_test.go over
 * score/testdata) and KICS (Checkmarx/kics, assets/queries/k8s/<query>/{query.rego,test/*}).
 *
 * `reference` is the tool's verdict on the case. `differs` records a deliberate difference: our rule
 * gives the other verdict, for the reason given (what Kubernetes does, or what the checklist asks).
 * Every other case must agree; test/kinds/kubernetes-agreement.test.ts measures and prints it.
 */

export type Tool = 'kube-linter' | 'Polaris' | 'kube-score' | 'KICS';

export interface AgreementCase {
  rule: string;
  tool: Tool;
  check: string;
  /** Where the tool asserts the verdict, in its repository. */
  source: string;
  /** What the case shows. */
  name: string;
  reference: 'reports' | 'passes';
  /** Why our rule deliberately gives the other verdict. */
  differs?: string;
  code: string;
  options?: Record<string, unknown>;
  files?: Record<string, string>;
}

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(spaces) + line))
    .join('\n');

/** A container at the top of a `containers:` list; `extra` lines are at the container's key level. */
export const container = (extra = '', name = 'app', image = 'registry.example.com/web:1.4.2') => `- name: ${name}\n  image: ${image}\n${indent(extra, 2)}`;

interface WorkloadOptions {
  kind?: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
  replicas?: number | string;
  /** Lines under `spec:` (strategy ...), at the spec's key level. */
  spec?: string;
  /** Lines under the pod spec (securityContext, volumes ...), at its key level. */
  pod?: string;
  containers?: string;
  /** Pod template labels (a YAML map body). */
  labels?: string;
  /** Pod template annotations (a YAML map body). */
  annotations?: string;
}

/** A workload whose pod template carries `app: web`: Deployment by default, any pod-bearing kind. */
export function workload(options: WorkloadOptions = {}): string {
  const { kind = 'Deployment', name = 'web', replicas, spec = '', pod = '', containers = container(), labels = 'app: web', annotations } = options;
  const apiVersion = options.apiVersion ?? (kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : kind === 'DeploymentConfig' ? 'apps.openshift.io/v1' : 'apps/v1');
  const metadata = `metadata:\n  name: ${name}\n${options.namespace ? `  namespace: ${options.namespace}\n` : ''}`;
  const podSpec = `${indent(pod, 2)}  containers:\n${indent(containers, 2)}`;
  if (kind === 'Pod') {
    return `apiVersion: v1\nkind: Pod\n${metadata}  labels:\n${indent(labels, 4)}\n${annotations ? `  annotations:\n${indent(annotations, 4)}\n` : ''}spec:\n${podSpec}`;
  }
  const template = `template:\n  metadata:\n    labels:\n${indent(labels, 6)}\n${annotations ? `    annotations:\n${indent(annotations, 6)}\n` : ''}  spec:\n${indent(podSpec, 2)}`;
  const selector = kind === 'Job' ? '' : kind === 'DeploymentConfig' ? 'selector:\n  app: web\n' : 'selector:\n  matchLabels:\n    app: web\n';
  const replicaLine = replicas === undefined ? '' : `replicas: ${replicas}\n`;
  const body = kind === 'CronJob' ? `schedule: "0 * * * *"\njobTemplate:\n  spec:\n${indent(template, 4)}` : `${replicaLine}${selector}${spec}${template}`;
  return `apiVersion: ${apiVersion}\nkind: ${kind}\n${metadata}spec:\n${indent(body, 2)}`;
}

export const service = (selector = 'app: web', namespace?: string) =>
  `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector:\n${indent(selector, 4)}\n  ports:\n  - port: 80\n`;

export const budget = (selector: string, { namespace, apiVersion = 'policy/v1', name = 'web-pdb' }: { namespace?: string; apiVersion?: string; name?: string } = {}) =>
  `---\napiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  minAvailable: 1\n  selector:\n${indent(selector, 4)}\n`;

export const policy = (body: string, namespace?: string) =>
  `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n${indent(body, 2)}\n`;

const securityContext = (body: string) => `securityContext:\n${indent(body, 2)}\n`;
const hostPathVolume = (path: string) => `volumes:\n- name: host\n  hostPath:\n    path: ${path}\n`;
const withPort = 'ports:\n- containerPort: 8080\n  name: http\n';
const liveness = 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n';
const readiness = 'readinessProbe:\n  httpGet:\n    path: /ready\n    port: 8080\n';
const resources = (body: string) => `resources:\n${indent(body, 2)}\n`;
const antiAffinity = (term: string, kind: 'preferred' | 'required' = 'preferred') =>
  kind === 'preferred'
    ? `affinity:\n  podAntiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n    - weight: 100\n      podAffinityTerm:\n${indent(term, 8)}\n`
    : `affinity:\n  podAntiAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n    - ${indent(term, 6).trimStart()}\n`;
const spread = (topologyKey: string, labels = 'app: web') =>
  `topologySpreadConstraints:\n- maxSkew: 1\n  topologyKey: ${topologyKey}\n  whenUnsatisfiable: ScheduleAnyway\n  labelSelector:\n    matchLabels:\n${indent(labels, 6)}\n`;

const KL = 'kube-linter';
const KUBERNETES_COPIES_LIMITS = 'Kubernetes copies a limit into an unset request, so the container has its request; the reference reads the raw field.';
const LIMIT_RANGE_DEFAULTS = 'a LimitRange of the namespace in the workspace gives the container its defaults (issue 11); the reference does not read LimitRanges.';
const PDB_NEEDS_REPLICAS = 'an unset replicas is 1, and a budget cannot keep the only pod of a workload running through a drain; the reference checks every Deployment.';
const RESTRICTED_PROFILE = 'the restricted Pod Security Standard requires allowPrivilegeEscalation: false to be written; unset, a process can still gain privileges through setuid binaries.';

export const AGREEMENT_CASES: AgreementCase[] = [
  // k8s/liveness-probe
  { rule: 'k8s/liveness-probe', tool: KL, check: 'no-liveness-probe', source: 'tests/checks/no-liveness-probe.yml', name: 'Deployment with an exec probe', reference: 'passes', code: workload({ containers: container('livenessProbe:\n  exec:\n    command: [cat, /tmp/healthy]\n') }) },
  { rule: 'k8s/liveness-probe', tool: KL, check: 'no-liveness-probe', source: 'tests/checks/no-liveness-probe.yml', name: 'Deployment without a probe', reference: 'reports', code: workload() },
  { rule: 'k8s/liveness-probe', tool: KL, check: 'no-liveness-probe', source: 'tests/checks/no-liveness-probe.yml', name: 'DeploymentConfig without a probe', reference: 'reports', code: workload({ kind: 'DeploymentConfig' }) },
  { rule: 'k8s/liveness-probe', tool: 'Polaris', check: 'livenessProbeMissing', source: 'test/checks/livenessProbeMissing/failure.yaml', name: 'Pod without a probe', reference: 'reports', code: workload({ kind: 'Pod', containers: container(withPort) }) },
  { rule: 'k8s/liveness-probe', tool: 'Polaris', check: 'livenessProbeMissing', source: 'test/checks/livenessProbeMissing/success.yaml', name: 'Pod with a probe', reference: 'passes', code: workload({ kind: 'Pod', containers: container(withPort + liveness) }) },
  { rule: 'k8s/liveness-probe', tool: 'Polaris', check: 'livenessProbeMissing', source: 'checks/livenessProbeMissing.yaml (controllers.exclude)', name: 'a Job is excluded', reference: 'passes', code: workload({ kind: 'Job', pod: 'restartPolicy: Never\n' }) },
  { rule: 'k8s/liveness-probe', tool: 'Polaris', check: 'livenessProbeMissing', source: 'checks/livenessProbeMissing.yaml (controllers.exclude)', name: 'a CronJob is excluded', reference: 'passes', code: workload({ kind: 'CronJob', pod: 'restartPolicy: OnFailure\n' }) },
  { rule: 'k8s/liveness-probe', tool: 'Polaris', check: 'livenessProbeMissing', source: 'checks/livenessProbeMissing.yaml (containers.exclude)', name: 'init containers are excluded', reference: 'passes', code: workload({ pod: `initContainers:\n${container('', 'migrate')}`, containers: container(liveness) }) },
  { rule: 'k8s/liveness-probe', tool: 'KICS', check: 'liveness_probe_is_not_defined', source: 'assets/queries/k8s/liveness_probe_is_not_defined/query.rego', name: 'Pod without a probe', reference: 'reports', code: workload({ kind: 'Pod' }) },
  { rule: 'k8s/liveness-probe', tool: 'KICS', check: 'liveness_probe_is_not_defined', source: 'assets/queries/k8s/liveness_probe_is_not_defined/query.rego (check_kind)', name: 'a Job is ignored', reference: 'passes', code: workload({ kind: 'Job', pod: 'restartPolicy: OnFailure\n' }) },
  { rule: 'k8s/liveness-probe', tool: 'kube-score', check: 'pod-probes', source: 'score/probes/probes.go (batch kinds)', name: 'a CronJob needs no probe', reference: 'passes', code: workload({ kind: 'CronJob', pod: 'restartPolicy: OnFailure\n' }) },
  {
    rule: 'k8s/liveness-probe', tool: 'kube-score', check: 'pod-probes', source: 'score/probe_test.go, score/probes/probes.go', name: 'a served pod with a readiness probe and no liveness probe is almost OK', reference: 'passes',
    differs: 'the checklist asks for a liveness probe on every long-running container (deployment/health-checks); kube-score recommends one only when the application can deadlock.',
    code: workload({ containers: container(withPort + readiness) }) + service(),
  },

  // k8s/readiness-probe
  { rule: 'k8s/readiness-probe', tool: KL, check: 'no-readiness-probe', source: 'tests/checks/no-readiness-probe.yml', name: 'Deployment with a probe', reference: 'passes', code: workload({ containers: container(withPort + readiness) }) },
  { rule: 'k8s/readiness-probe', tool: KL, check: 'no-readiness-probe', source: 'tests/checks/no-readiness-probe.yml', name: 'a serving Deployment without a probe', reference: 'reports', code: workload({ containers: container(withPort) }) },
  { rule: 'k8s/readiness-probe', tool: KL, check: 'no-readiness-probe', source: 'tests/checks/no-readiness-probe.yml', name: 'a serving DeploymentConfig without a probe', reference: 'reports', code: workload({ kind: 'DeploymentConfig', containers: container(withPort) }) },
  {
    rule: 'k8s/readiness-probe', tool: KL, check: 'no-readiness-probe', source: 'tests/checks/no-readiness-probe.yml', name: 'a worker with no port and no Service', reference: 'reports',
    differs: 'readiness only gates traffic from Services; a container that declares no port and that no Service in the workspace selects receives none (issue 11).',
    code: workload(),
  },
  { rule: 'k8s/readiness-probe', tool: 'Polaris', check: 'readinessProbeMissing', source: 'test/checks/readinessProbeMissing/failure.yaml', name: 'a serving Pod without a probe', reference: 'reports', code: workload({ kind: 'Pod', containers: container(withPort) }) },
  { rule: 'k8s/readiness-probe', tool: 'Polaris', check: 'readinessProbeMissing', source: 'checks/readinessProbeMissing.yaml (controllers.exclude)', name: 'a Job is excluded', reference: 'passes', code: workload({ kind: 'Job', pod: 'restartPolicy: Never\n', containers: container(withPort) }) },
  { rule: 'k8s/readiness-probe', tool: 'kube-score', check: 'pod-probes', source: 'score/probe_test.go', name: 'a pod a Service selects, without a readiness probe', reference: 'reports', code: workload() + service() },
  { rule: 'k8s/readiness-probe', tool: 'kube-score', check: 'pod-probes', source: 'score/probe_test.go', name: 'a pod no Service selects', reference: 'passes', code: workload() + service('app: other') },
  { rule: 'k8s/readiness-probe', tool: 'kube-score', check: 'pod-probes', source: 'score/probes/probes.go (podIsTargetedByService)', name: 'a Service in another namespace does not select it', reference: 'passes', code: workload({ namespace: 'shop' }) + service('app: web', 'other') },
  { rule: 'k8s/readiness-probe', tool: 'kube-score', check: 'pod-probes', source: 'score/probe_test.go', name: 'a selected pod with a readiness probe', reference: 'passes', code: workload({ containers: container(readiness) }) + service() },
  { rule: 'k8s/readiness-probe', tool: 'kube-score', check: 'pod-probes', source: 'score/probes/probes.go (one probe per pod)', name: 'a sidecar without ports next to a probed server', reference: 'passes', code: workload({ containers: container(withPort + readiness) + container('', 'proxy') }) + service() },
  { rule: 'k8s/readiness-probe', tool: 'KICS', check: 'readiness_probe_is_not_configured', source: 'assets/queries/k8s/readiness_probe_is_not_configured/query.rego', name: 'a serving Pod without a probe', reference: 'reports', code: workload({ kind: 'Pod', containers: container(withPort) }) },
  { rule: 'k8s/readiness-probe', tool: 'KICS', check: 'readiness_probe_is_not_configured', source: 'assets/queries/k8s/readiness_probe_is_not_configured/query.rego', name: 'a CronJob is ignored', reference: 'passes', code: workload({ kind: 'CronJob', pod: 'restartPolicy: OnFailure\n', containers: container(withPort) }) },

  // k8s/run-as-non-root
  { rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'tests/checks/run-as-non-root.yml', name: 'container runAsNonRoot: true', reference: 'passes', code: workload({ containers: container(securityContext('runAsNonRoot: true')) }) },
  { rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'tests/checks/run-as-non-root.yml', name: 'nothing set', reference: 'reports', code: workload() },
  { rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'pkg/templates/runasnonroot/template_test.go (podSC set)', name: 'pod runAsNonRoot: true', reference: 'passes', code: workload({ pod: securityContext('runAsNonRoot: true') }) },
  { rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'pkg/templates/runasnonroot/template.go', name: 'runAsNonRoot: true with runAsUser: 0', reference: 'reports', code: workload({ containers: container(securityContext('runAsNonRoot: true\nrunAsUser: 0')) }) },
  { rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'pkg/templates/runasnonroot/template.go', name: 'runAsGroup: 0', reference: 'reports', code: workload({ containers: container(securityContext('runAsNonRoot: true\nrunAsGroup: 0')) }) },
  { rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'pkg/templates/runasnonroot/template.go (isNonZero)', name: 'non-zero runAsUser and runAsGroup', reference: 'passes', code: workload({ pod: securityContext('runAsUser: 1000\nrunAsGroup: 1000') }) },
  {
    rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'pkg/templates/runasnonroot/template.go (runAsGroup not set)', name: 'runAsUser: 1000 without runAsGroup', reference: 'reports',
    differs: 'a non-zero runAsUser is a non-root process, as the restricted profile accepts (issue 11); kube-linter also wants runAsGroup, which we report only when it is 0.',
    code: workload({ containers: container(securityContext('runAsUser: 1000')) }),
  },
  { rule: 'k8s/run-as-non-root', tool: 'Polaris', check: 'runAsRootAllowed', source: 'test/checks/runAsRootAllowed/failure.yaml', name: 'runAsNonRoot: false', reference: 'reports', code: workload({ containers: container(securityContext('runAsNonRoot: false')) }) },
  { rule: 'k8s/run-as-non-root', tool: 'Polaris', check: 'runAsRootAllowed', source: 'test/checks/runAsRootAllowed/success.yaml', name: 'runAsNonRoot: true', reference: 'passes', code: workload({ containers: container(securityContext('runAsNonRoot: true')) }) },
  { rule: 'k8s/run-as-non-root', tool: 'Polaris', check: 'runAsRootAllowed', source: 'checks/runAsRootAllowed.yaml (goodSecurityContext)', name: 'pod runAsUser: 1000', reference: 'passes', code: workload({ pod: securityContext('runAsUser: 1000') }) },
  { rule: 'k8s/run-as-non-root', tool: 'Polaris', check: 'runAsRootAllowed', source: 'checks/runAsRootAllowed.yaml (notBadSecurityContext)', name: 'pod runAsNonRoot: true, container runAsUser: 0', reference: 'reports', code: workload({ pod: securityContext('runAsNonRoot: true'), containers: container(securityContext('runAsUser: 0')) }) },
  { rule: 'k8s/run-as-non-root', tool: 'Polaris', check: 'runAsRootAllowed', source: 'checks/runAsRootAllowed.yaml', name: 'nothing set', reference: 'reports', code: workload() },

  // k8s/read-only-root-fs
  { rule: 'k8s/read-only-root-fs', tool: KL, check: 'no-read-only-root-fs', source: 'tests/checks/no-read-only-root-fs.yml', name: 'readOnlyRootFilesystem: true', reference: 'passes', code: workload({ containers: container(securityContext('readOnlyRootFilesystem: true')) }) },
  { rule: 'k8s/read-only-root-fs', tool: KL, check: 'no-read-only-root-fs', source: 'tests/checks/no-read-only-root-fs.yml', name: 'not set', reference: 'reports', code: workload() },
  { rule: 'k8s/read-only-root-fs', tool: KL, check: 'no-read-only-root-fs', source: 'tests/checks/no-read-only-root-fs.yml', name: 'DeploymentConfig, not set', reference: 'reports', code: workload({ kind: 'DeploymentConfig' }) },
  { rule: 'k8s/read-only-root-fs', tool: 'Polaris', check: 'notReadOnlyRootFilesystem', source: 'test/checks/notReadOnlyRootFilesystem/failure.yaml', name: 'readOnlyRootFilesystem: false', reference: 'reports', code: workload({ containers: container(securityContext('readOnlyRootFilesystem: false')) }) },
  { rule: 'k8s/read-only-root-fs', tool: 'Polaris', check: 'notReadOnlyRootFilesystem', source: 'test/checks/notReadOnlyRootFilesystem/success.yaml', name: 'readOnlyRootFilesystem: true', reference: 'passes', code: workload({ kind: 'Pod', containers: container(securityContext('readOnlyRootFilesystem: true')) }) },
  { rule: 'k8s/read-only-root-fs', tool: 'kube-score', check: 'container-security-context-readonlyrootfilesystem', source: 'score/security_test.go', name: 'an init container without it', reference: 'reports', code: workload({ pod: `initContainers:\n${container('', 'init')}`, containers: container(securityContext('readOnlyRootFilesystem: true')) }) },
  { rule: 'k8s/read-only-root-fs', tool: 'kube-score', check: 'container-security-context-readonlyrootfilesystem', source: 'score/security_test.go', name: 'every container read-only', reference: 'passes', code: workload({ containers: container(securityContext('readOnlyRootFilesystem: true')) }) },

  // k8s/no-privilege-escalation
  { rule: 'k8s/no-privilege-escalation', tool: KL, check: 'privilege-escalation-container', source: 'tests/checks/privilege-escalation-container.yml', name: 'allowPrivilegeEscalation: false', reference: 'passes', code: workload({ containers: container(securityContext('allowPrivilegeEscalation: false')) }) },
  { rule: 'k8s/no-privilege-escalation', tool: KL, check: 'privilege-escalation-container', source: 'tests/checks/privilege-escalation-container.yml', name: 'allowPrivilegeEscalation: true', reference: 'reports', code: workload({ containers: container(securityContext('allowPrivilegeEscalation: true')) }) },
  { rule: 'k8s/no-privilege-escalation', tool: KL, check: 'privilege-escalation-container', source: 'tests/checks/privilege-escalation-container.yml', name: 'DeploymentConfig, allowPrivilegeEscalation: true', reference: 'reports', code: workload({ kind: 'DeploymentConfig', containers: container(securityContext('allowPrivilegeEscalation: true')) }) },
  { rule: 'k8s/no-privilege-escalation', tool: KL, check: 'privilege-escalation-container', source: 'pkg/templates/privilegeescalation/template.go', name: 'not set', reference: 'passes', differs: RESTRICTED_PROFILE, code: workload() },
  { rule: 'k8s/no-privilege-escalation', tool: 'Polaris', check: 'privilegeEscalationAllowed', source: 'test/checks/privilegeEscalationAllowed/failure.yaml', name: 'not set', reference: 'reports', code: workload() },
  { rule: 'k8s/no-privilege-escalation', tool: 'Polaris', check: 'privilegeEscalationAllowed', source: 'test/checks/privilegeEscalationAllowed/success.yaml', name: 'allowPrivilegeEscalation: false', reference: 'passes', code: workload({ containers: container(securityContext('allowPrivilegeEscalation: false')) }) },
  { rule: 'k8s/no-privilege-escalation', tool: 'KICS', check: 'allow_privilege_escalation', source: 'assets/queries/k8s/allow_privilege_escalation/test/positive_expected_result.json', name: 'allowPrivilegeEscalation: true', reference: 'reports', code: workload({ kind: 'Pod', containers: container(securityContext('allowPrivilegeEscalation: true')) }) },

  // k8s/no-privileged
  { rule: 'k8s/no-privileged', tool: KL, check: 'privileged-container', source: 'tests/checks/privileged-container.yml', name: 'privileged: true', reference: 'reports', code: workload({ containers: container(securityContext('privileged: true')) }) },
  { rule: 'k8s/no-privileged', tool: KL, check: 'privileged-container', source: 'tests/checks/privileged-container.yml', name: 'privileged: false', reference: 'passes', code: workload({ containers: container(securityContext('privileged: false')) }) },
  { rule: 'k8s/no-privileged', tool: 'Polaris', check: 'runAsPrivileged', source: 'test/checks/runAsPrivileged/failure.yaml', name: 'privileged: true', reference: 'reports', code: workload({ kind: 'Pod', containers: container(securityContext('privileged: true')) }) },
  { rule: 'k8s/no-privileged', tool: 'Polaris', check: 'runAsPrivileged', source: 'test/checks/runAsPrivileged/success.yaml', name: 'not set', reference: 'passes', code: workload({ kind: 'Pod' }) },
  { rule: 'k8s/no-privileged', tool: 'kube-score', check: 'container-security-context-privileged', source: 'score/security_test.go', name: 'privileged init container', reference: 'reports', code: workload({ pod: `initContainers:\n${container(securityContext('privileged: true'), 'init')}` }) },

  // k8s/drop-capabilities
  { rule: 'k8s/drop-capabilities', tool: KL, check: 'drop-net-raw-capability', source: 'tests/checks/drop-net-raw-capability.yml', name: 'drop: [ALL]', reference: 'passes', code: workload({ containers: container(securityContext('capabilities:\n  drop: [ALL]')) }) },
  { rule: 'k8s/drop-capabilities', tool: KL, check: 'drop-net-raw-capability', source: 'tests/checks/drop-net-raw-capability.yml', name: 'nothing dropped', reference: 'reports', code: workload() },
  {
    rule: 'k8s/drop-capabilities', tool: KL, check: 'drop-net-raw-capability', source: 'tests/checks/drop-net-raw-capability.yml', name: 'drop: [NET_RAW]', reference: 'passes',
    differs: 'the restricted Pod Security Standard requires dropping ALL; dropping NET_RAW alone keeps the runtime\'s other default capabilities.',
    code: workload({ containers: container(securityContext('capabilities:\n  drop: [NET_RAW]')) }),
  },
  { rule: 'k8s/drop-capabilities', tool: 'KICS', check: 'no_drop_capabilities_for_containers', source: 'assets/queries/k8s/no_drop_capabilities_for_containers/query.rego', name: 'no drop list', reference: 'reports', code: workload({ kind: 'Pod' }) },
  { rule: 'k8s/drop-capabilities', tool: 'KICS', check: 'all_not_listed_as_drop_capability_for_containers', source: 'assets/queries/k8s/all_not_listed_as_drop_capability_for_containers/test/negative.yaml', name: 'drop: [ALL]', reference: 'passes', code: workload({ kind: 'Pod', containers: container(securityContext('capabilities:\n  drop: ["ALL"]')) }) },

  // k8s/dangerous-capabilities
  { rule: 'k8s/dangerous-capabilities', tool: 'Polaris', check: 'dangerousCapabilities', source: 'test/checks/dangerousCapabilities/failure.yaml', name: 'adds SYS_ADMIN', reference: 'reports', code: workload({ containers: container(securityContext('capabilities:\n  add: [SYS_ADMIN]')) }) },
  { rule: 'k8s/dangerous-capabilities', tool: 'Polaris', check: 'dangerousCapabilities', source: 'test/checks/dangerousCapabilities/failure.all.yaml', name: 'adds ALL', reference: 'reports', code: workload({ containers: container(securityContext('capabilities:\n  add: [ALL]')) }) },
  { rule: 'k8s/dangerous-capabilities', tool: 'Polaris', check: 'dangerousCapabilities', source: 'test/checks/dangerousCapabilities/failure.case.yaml', name: 'adds net_admin in lower case', reference: 'reports', code: workload({ containers: container(securityContext('capabilities:\n  add: [net_admin]')) }) },
  { rule: 'k8s/dangerous-capabilities', tool: 'Polaris', check: 'dangerousCapabilities', source: 'test/checks/dangerousCapabilities/success.yaml', name: 'adds nothing', reference: 'passes', code: workload({ containers: container(securityContext('capabilities:\n  drop: [ALL]')) }) },
  { rule: 'k8s/dangerous-capabilities', tool: 'KICS', check: 'allowed_capabilities_sys_admin', source: 'assets/queries/k8s/allowed_capabilities_sys_admin/test/positive.yaml', name: 'adds SYS_ADMIN', reference: 'reports', code: workload({ kind: 'Pod', containers: container(securityContext('capabilities:\n  add: ["SYS_ADMIN"]')) }) },
  {
    rule: 'k8s/dangerous-capabilities', tool: 'KICS', check: 'containers_with_added_capabilities', source: 'assets/queries/k8s/containers_with_added_capabilities/query.rego', name: 'adds NET_BIND_SERVICE', reference: 'reports',
    differs: 'NET_BIND_SERVICE is in the baseline Pod Security Standard\'s list and is the capability the restricted profile lets a container add; KICS reports any addition.',
    code: workload({ containers: container(securityContext('capabilities:\n  drop: [ALL]\n  add: [NET_BIND_SERVICE]')) }),
  },

  // k8s/seccomp-profile
  { rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego', name: 'neither pod nor container sets one', reference: 'reports', code: workload() },
  { rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego', name: 'container Unconfined', reference: 'reports', code: workload({ containers: container(securityContext('seccompProfile:\n  type: Unconfined')) }) },
  { rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego', name: 'pod RuntimeDefault, inherited', reference: 'passes', code: workload({ pod: securityContext('seccompProfile:\n  type: RuntimeDefault') }) },
  { rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego', name: 'container Localhost', reference: 'passes', code: workload({ containers: container(securityContext('seccompProfile:\n  type: Localhost\n  localhostProfile: profiles/web.json')) }) },
  {
    rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego (hasSeccompAnnotation)', name: 'seccomp.security.alpha.kubernetes.io/defaultProfileName on the pod', reference: 'passes',
    differs: 'defaultProfileName is a PodSecurityPolicy annotation; on a pod the kubelet ignores it (the pod annotation is seccomp.security.alpha.kubernetes.io/pod, which we count).',
    code: workload({ annotations: 'seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default' }),
  },
  { rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego (annotations until v1.25)', name: 'legacy pod annotation runtime/default', reference: 'passes', code: workload({ annotations: 'seccomp.security.alpha.kubernetes.io/pod: runtime/default' }) },

  // k8s/host-namespaces
  { rule: 'k8s/host-namespaces', tool: KL, check: 'host-ipc', source: 'tests/checks/host-ipc.yml', name: 'hostIPC: true', reference: 'reports', code: workload({ pod: 'hostIPC: true\n' }) },
  { rule: 'k8s/host-namespaces', tool: KL, check: 'host-network', source: 'tests/checks/host-network.yml', name: 'hostNetwork: true', reference: 'reports', code: workload({ kind: 'DeploymentConfig', pod: 'hostNetwork: true\n' }) },
  { rule: 'k8s/host-namespaces', tool: KL, check: 'host-pid', source: 'tests/checks/host-pid.yml', name: 'hostPID: true', reference: 'reports', code: workload({ pod: 'hostPID: true\n' }) },
  { rule: 'k8s/host-namespaces', tool: KL, check: 'host-network', source: 'tests/checks/host-network.yml', name: 'hostNetwork: false', reference: 'passes', code: workload({ pod: 'hostNetwork: false\n' }) },
  { rule: 'k8s/host-namespaces', tool: 'Polaris', check: 'hostIPCSet', source: 'test/checks/hostIPCSet/success.yaml', name: 'not set', reference: 'passes', code: workload({ kind: 'Pod' }) },
  { rule: 'k8s/host-namespaces', tool: 'Polaris', check: 'hostPIDSet', source: 'test/checks/hostPIDSet/failure.yaml', name: 'hostPID: true', reference: 'reports', code: workload({ kind: 'Pod', pod: 'hostPID: true\n' }) },
  { rule: 'k8s/host-namespaces', tool: 'KICS', check: 'shared_host_network_namespace', source: 'assets/queries/k8s/shared_host_network_namespace/query.rego', name: 'hostNetwork: true on a CronJob', reference: 'reports', code: workload({ kind: 'CronJob', pod: 'hostNetwork: true\nrestartPolicy: OnFailure\n' }) },

  // k8s/host-port
  { rule: 'k8s/host-port', tool: 'Polaris', check: 'hostPortSet', source: 'test/checks/hostPortSet/failure.yaml', name: 'a hostPort', reference: 'reports', code: workload({ kind: 'Pod', containers: container('ports:\n- containerPort: 80\n  hostPort: 80\n') }) },
  { rule: 'k8s/host-port', tool: 'Polaris', check: 'hostPortSet', source: 'test/checks/hostPortSet/success.yaml', name: 'no hostPort', reference: 'passes', code: workload({ kind: 'Pod', containers: container('ports:\n- containerPort: 80\n') }) },
  {
    rule: 'k8s/host-port', tool: 'Polaris', check: 'hostPortSet', source: 'checks/hostPortSet.yaml', name: 'a hostPort on a hostNetwork pod', reference: 'reports',
    differs: 'on the node\'s network every container port is a node port; k8s/host-namespaces reports the hostNetwork itself, once.',
    code: workload({ kind: 'Pod', pod: 'hostNetwork: true\n', containers: container('ports:\n- containerPort: 9100\n  hostPort: 9100\n') }),
  },

  // k8s/docker-socket
  { rule: 'k8s/docker-socket', tool: KL, check: 'docker-sock', source: 'tests/checks/docker-sock.yml', name: '/var/run/docker.sock', reference: 'reports', code: workload({ pod: hostPathVolume('/var/run/docker.sock') }) },
  { rule: 'k8s/docker-socket', tool: KL, check: 'docker-sock', source: 'tests/checks/docker-sock.yml', name: 'another socket', reference: 'passes', code: workload({ pod: hostPathVolume('/var/run/thing.sock') }) },
  { rule: 'k8s/docker-socket', tool: KL, check: 'container-runtime-sock', source: 'tests/checks/container-runtime-sock.yml', name: 'containerd.sock', reference: 'reports', code: workload({ pod: hostPathVolume('/var/run/containerd.sock') }) },
  { rule: 'k8s/docker-socket', tool: KL, check: 'container-runtime-sock', source: 'tests/checks/container-runtime-sock.yml', name: 'crio.sock on a StatefulSet', reference: 'reports', code: workload({ kind: 'StatefulSet', pod: hostPathVolume('/var/run/crio.sock') }) },
  { rule: 'k8s/docker-socket', tool: 'KICS', check: 'docker_daemon_socket_is_exposed_to_containers', source: 'assets/queries/k8s/docker_daemon_socket_is_exposed_to_containers/query.rego', name: '/var/run/docker.sock on a CronJob', reference: 'reports', code: workload({ kind: 'CronJob', pod: `restartPolicy: OnFailure\n${hostPathVolume('/var/run/docker.sock')}` }) },

  // k8s/image-tag
  { rule: 'k8s/image-tag', tool: KL, check: 'latest-tag', source: 'tests/checks/latest-tag.yml', name: 'app:latest', reference: 'reports', code: workload({ containers: container('', 'app', 'app:latest') }) },
  { rule: 'k8s/image-tag', tool: KL, check: 'latest-tag', source: 'tests/checks/latest-tag.yml (blockList ^[^:]*$)', name: 'no tag', reference: 'reports', code: workload({ containers: container('', 'app', 'app') }) },
  { rule: 'k8s/image-tag', tool: KL, check: 'latest-tag', source: 'tests/checks/latest-tag.yml (blockList (.*/[^:]+)$)', name: 'a registry with a port, no tag', reference: 'reports', code: workload({ containers: container('', 'app', 'registry.example.com:5000/team/app') }) },
  { rule: 'k8s/image-tag', tool: KL, check: 'latest-tag', source: 'tests/checks/latest-tag.yml', name: 'a version tag', reference: 'passes', code: workload({ containers: container('', 'app', 'app:1.0.3') }) },
  { rule: 'k8s/image-tag', tool: 'Polaris', check: 'tagNotSpecified', source: 'test/checks/tagNotSpecified/failure.yaml', name: 'no tag', reference: 'reports', code: workload({ kind: 'Pod', containers: container('', 'nginx', 'nginx') }) },
  { rule: 'k8s/image-tag', tool: 'Polaris', check: 'tagNotSpecified', source: 'test/checks/tagNotSpecified/failure.latest.yaml', name: 'latest', reference: 'reports', code: workload({ kind: 'Pod', containers: container('', 'nginx', 'nginx:latest') }) },
  { rule: 'k8s/image-tag', tool: 'Polaris', check: 'tagNotSpecified', source: 'test/checks/tagNotSpecified/success.yaml', name: 'a version tag', reference: 'passes', code: workload({ kind: 'Pod', containers: container('', 'nginx', 'nginx:1.25.3') }) },
  { rule: 'k8s/image-tag', tool: 'kube-score', check: 'container-image-tag', source: 'score/score_test.go (TestPodContainerTagLatest)', name: 'latest', reference: 'reports', code: workload({ kind: 'Pod', containers: container('', 'foobar', 'foo/bar:latest') }) },
  { rule: 'k8s/image-tag', tool: 'kube-score', check: 'container-image-tag', source: 'score/score_test.go (TestPodContainerTagFixed)', name: 'a fixed tag', reference: 'passes', code: workload({ kind: 'Pod', containers: container('', 'foobar', 'foo/bar:123') }) },
  { rule: 'k8s/image-tag', tool: 'kube-score', check: 'container-image-tag', source: 'score/container/container.go (containerTag)', name: 'an init container without a tag', reference: 'reports', code: workload({ pod: `initContainers:\n${container('', 'init', 'busybox')}` }) },
  {
    rule: 'k8s/image-tag', tool: 'kube-score', check: 'container-image-tag', source: 'score/container/container.go (containerTag splits at the last colon)', name: 'a registry with a port, no tag', reference: 'passes',
    differs: 'the port of a registry host is not a tag: registry:5000/team/app pulls latest.',
    code: workload({ containers: container('', 'app', 'registry.example.com:5000/team/app') }),
  },

  // k8s/image-pull-policy (a moving tag without Always; every tag can be re-pushed, only a digest pins)
  { rule: 'k8s/image-pull-policy', tool: 'kube-score', check: 'container-image-pull-policy', source: 'score/score_test.go (TestPodContainerPullPolicyUndefinedLatestTag)', name: 'latest without a policy (Kubernetes defaults to Always)', reference: 'passes', code: workload({ kind: 'Pod', containers: container('', 'foobar', 'foo/bar:latest') }) },
  { rule: 'k8s/image-pull-policy', tool: 'kube-score', check: 'container-image-pull-policy', source: 'score/score_test.go (TestPodContainerPullPolicyUndefinedNoTag)', name: 'no tag without a policy', reference: 'passes', code: workload({ kind: 'Pod', containers: container('', 'foobar', 'foo/bar') }) },
  { rule: 'k8s/image-pull-policy', tool: 'kube-score', check: 'container-image-pull-policy', source: 'score/score_test.go (TestPodContainerPullPolicyAlways)', name: 'Always', reference: 'passes', code: workload({ kind: 'Pod', containers: container('imagePullPolicy: Always\n', 'foobar', 'foo/bar:123') }) },
  { rule: 'k8s/image-pull-policy', tool: 'kube-score', check: 'container-image-pull-policy', source: 'score/container/container.go', name: 'latest with IfNotPresent', reference: 'reports', code: workload({ kind: 'Pod', containers: container('imagePullPolicy: IfNotPresent\n', 'foobar', 'foo/bar:latest') }) },
  { rule: 'k8s/image-pull-policy', tool: 'kube-score', check: 'container-image-pull-policy', source: 'score/container/container.go', name: 'a channel tag (stable) without a policy', reference: 'reports', code: workload({ kind: 'Pod', containers: container('', 'foobar', 'foo/bar:stable') }) },
  {
    rule: 'k8s/image-pull-policy', tool: 'kube-score', check: 'container-image-pull-policy', source: 'score/score_test.go (TestPodContainerPullPolicyUndefined)', name: 'a fixed tag without a policy', reference: 'reports',
    differs: 'a release tag with IfNotPresent is the practice Kubernetes documents (pin a version, pull it once); kube-score, Polaris and KICS ask for Always on every tag, so that re-pushed tags and imagePullSecrets are checked at each start.',
    code: workload({ kind: 'Pod', containers: container('', 'foobar', 'foo/bar:123') }),
  },
  {
    rule: 'k8s/image-pull-policy', tool: 'kube-score', check: 'container-image-pull-policy', source: 'score/score_test.go (TestPodContainerPullPolicyNever)', name: 'a fixed tag with Never', reference: 'reports',
    differs: 'a release tag the node has is the release asked for; Never is for images loaded onto nodes, which a fixed tag suits.',
    code: workload({ kind: 'Pod', containers: container('imagePullPolicy: Never\n', 'foobar', 'foo/bar:123') }),
  },
  {
    rule: 'k8s/image-pull-policy', tool: 'Polaris', check: 'pullPolicyNotAlways', source: 'test/checks/pullPolicyNotAlways/failure.yaml', name: 'no tag, no policy', reference: 'reports',
    differs: 'without a tag Kubernetes defaults imagePullPolicy to Always; Polaris wants it written out.',
    code: workload({ kind: 'Pod', containers: container('', 'nginx', 'nginx') }),
  },
  { rule: 'k8s/image-pull-policy', tool: 'Polaris', check: 'pullPolicyNotAlways', source: 'test/checks/pullPolicyNotAlways/success.yaml', name: 'no tag, Always', reference: 'passes', code: workload({ kind: 'Pod', containers: container('imagePullPolicy: Always\n', 'nginx', 'nginx') }) },
  { rule: 'k8s/image-pull-policy', tool: 'Polaris', check: 'pullPolicyNotAlways', source: 'test/checks/pullPolicyNotAlways/success.deployment.yaml', name: 'a version with Always', reference: 'passes', code: workload({ containers: container('imagePullPolicy: Always\n', 'nginx', 'nginx:1.14.2') }) },
  { rule: 'k8s/image-pull-policy', tool: 'Polaris', check: 'pullPolicyNotAlways', source: 'checks/pullPolicyNotAlways.yaml', name: 'a partial version of an official image (redis:7) with IfNotPresent', reference: 'reports', code: workload({ containers: container('imagePullPolicy: IfNotPresent\n', 'cache', 'redis:7') }) },
  {
    rule: 'k8s/image-pull-policy', tool: 'Polaris', check: 'pullPolicyNotAlways', source: 'test/checks/pullPolicyNotAlways/failure.cron-job.yaml', name: 'a CronJob, no tag, no policy', reference: 'reports',
    differs: 'without a tag Kubernetes defaults imagePullPolicy to Always; Polaris wants it written out.',
    code: workload({ kind: 'CronJob', pod: 'restartPolicy: OnFailure\n', containers: container('', 'hello', 'busybox') }),
  },
  {
    rule: 'k8s/image-pull-policy', tool: 'KICS', check: 'image_pull_policy_of_container_is_not_always', source: 'assets/queries/k8s/image_pull_policy_of_container_is_not_always/test/positive2.yaml', name: 'a full version with IfNotPresent', reference: 'reports',
    differs: 'a release tag with IfNotPresent is the practice Kubernetes documents; KICS asks for Always on every tag.',
    code: workload({ containers: container('imagePullPolicy: IfNotPresent\n', 'nginx', 'library/nginx:1.20.0') }),
  },
  {
    rule: 'k8s/image-pull-policy', tool: 'KICS', check: 'image_pull_policy_of_container_is_not_always', source: 'assets/queries/k8s/image_pull_policy_of_container_is_not_always/query.rego (not contains ":latest")', name: 'latest with IfNotPresent', reference: 'passes',
    differs: 'KICS leaves :latest to another query; a latest tag with IfNotPresent is the clearest case of a moving tag the node does not pull again.',
    code: workload({ containers: container('imagePullPolicy: IfNotPresent\n', 'nginx', 'nginx:latest') }),
  },
  { rule: 'k8s/image-pull-policy', tool: 'KICS', check: 'image_pull_policy_of_container_is_not_always', source: 'assets/queries/k8s/image_pull_policy_of_container_is_not_always/query.rego (digest)', name: 'pinned by digest', reference: 'passes', code: workload({ containers: container('imagePullPolicy: IfNotPresent\n', 'nginx', 'nginx:1.25@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31') }) },
  { rule: 'k8s/image-pull-policy', tool: 'KICS', check: 'image_pull_policy_of_container_is_not_always', source: 'assets/queries/k8s/image_pull_policy_of_container_is_not_always/query.rego', name: 'a channel tag with IfNotPresent', reference: 'reports', code: workload({ containers: container('imagePullPolicy: IfNotPresent\n', 'app', 'ghcr.io/example/app:main') }) },

  // k8s/resource-requests
  { rule: 'k8s/resource-requests', tool: KL, check: 'unset-cpu-requirements', source: 'tests/checks/unset-cpu-requirements.yml', name: 'no resources', reference: 'reports', code: workload() },
  { rule: 'k8s/resource-requests', tool: KL, check: 'unset-memory-requirements', source: 'tests/checks/unset-memory-requirements.yml', name: 'cpu requested, memory not', reference: 'reports', code: workload({ containers: container(resources('requests:\n  cpu: 100m\nlimits:\n  cpu: 200m')) }) },
  { rule: 'k8s/resource-requests', tool: KL, check: 'unset-cpu-requirements', source: 'tests/checks/unset-cpu-requirements.yml', name: 'both requested', reference: 'passes', code: workload({ containers: container(resources('requests:\n  cpu: 100m\n  memory: 128Mi')) }) },
  { rule: 'k8s/resource-requests', tool: 'Polaris', check: 'cpuRequestsMissing', source: 'test/checks/cpuRequestsMissing/failure.yaml', name: 'memory requested, cpu not', reference: 'reports', code: workload({ kind: 'Pod', containers: container(resources('requests:\n  memory: 128Mi')) }) },
  { rule: 'k8s/resource-requests', tool: 'Polaris', check: 'cpuRequestsMissing', source: 'test/checks/cpuRequestsMissing/success.yaml', name: 'cpu requested', reference: 'passes', code: workload({ kind: 'Pod', containers: container(resources('requests:\n  cpu: 100m\n  memory: 128Mi')) }) },
  { rule: 'k8s/resource-requests', tool: 'kube-score', check: 'container-resources', source: 'score/score_test.go (TestPodContainerNoResources)', name: 'no resources', reference: 'reports', code: workload({ kind: 'Pod' }) },
  { rule: 'k8s/resource-requests', tool: 'kube-score', check: 'container-resources', source: 'score/score_test.go (TestPodContainerResourceLimitsAndRequests)', name: 'limits and requests', reference: 'passes', code: workload({ kind: 'Pod', containers: container(resources('requests:\n  cpu: 100m\n  memory: 128Mi\nlimits:\n  cpu: 200m\n  memory: 256Mi')) }) },
  { rule: 'k8s/resource-requests', tool: 'kube-score', check: 'container-resources', source: 'score/score_test.go (TestPodContainerResourceLimits)', name: 'only limits', reference: 'reports', differs: KUBERNETES_COPIES_LIMITS, code: workload({ kind: 'Pod', containers: container(resources('limits:\n  cpu: 200m\n  memory: 256Mi')) }) },
  { rule: 'k8s/resource-requests', tool: 'KICS', check: 'cpu_requests_not_set', source: 'assets/queries/k8s/cpu_requests_not_set/query.rego', name: 'no requests', reference: 'reports', code: workload({ kind: 'Pod' }) },
  {
    rule: 'k8s/resource-requests', tool: 'KICS', check: 'memory_requests_not_defined', source: 'assets/queries/k8s/memory_requests_not_defined/query.rego', name: 'a LimitRange of the namespace gives defaults', reference: 'reports', differs: LIMIT_RANGE_DEFAULTS,
    code: `${workload({ namespace: 'shop' })}---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n  - type: Container\n    defaultRequest:\n      cpu: 100m\n      memory: 128Mi\n`,
  },

  // k8s/resource-limits
  { rule: 'k8s/resource-limits', tool: KL, check: 'unset-memory-requirements', source: 'tests/checks/unset-memory-requirements.yml', name: 'no limits', reference: 'reports', code: workload() },
  { rule: 'k8s/resource-limits', tool: KL, check: 'unset-cpu-requirements', source: 'tests/checks/unset-cpu-requirements.yml', name: 'memory limited, cpu not', reference: 'reports', code: workload({ containers: container(resources('limits:\n  memory: 256Mi')) }) },
  { rule: 'k8s/resource-limits', tool: 'Polaris', check: 'memoryLimitsMissing', source: 'test/checks/memoryLimitsMissing/failure.yaml', name: 'requests only', reference: 'reports', code: workload({ kind: 'Pod', containers: container(resources('requests:\n  cpu: 100m\n  memory: 128Mi')) }) },
  { rule: 'k8s/resource-limits', tool: 'Polaris', check: 'cpuLimitsMissing', source: 'test/checks/cpuLimitsMissing/success.yaml', name: 'both limited', reference: 'passes', code: workload({ kind: 'Pod', containers: container(resources('limits:\n  cpu: 200m\n  memory: 256Mi')) }) },
  { rule: 'k8s/resource-limits', tool: 'kube-score', check: 'container-resources', source: 'score/score_test.go (TestPodContainerResourceLimitCpuRequired)', name: 'no cpu limit', reference: 'reports', code: workload({ kind: 'Pod', containers: container(resources('requests:\n  cpu: 100m\n  memory: 128Mi\nlimits:\n  memory: 256Mi')) }) },
  { rule: 'k8s/resource-limits', tool: 'KICS', check: 'cpu_limits_not_set', source: 'assets/queries/k8s/cpu_limits_not_set/query.rego', name: 'an init container without limits', reference: 'reports', code: workload({ pod: `initContainers:\n${container('', 'init')}`, containers: container(resources('limits:\n  cpu: 200m\n  memory: 256Mi')) }) },
  {
    rule: 'k8s/resource-limits', tool: 'KICS', check: 'memory_limits_not_defined', source: 'assets/queries/k8s/memory_limits_not_defined/query.rego', name: 'a LimitRange of the namespace gives defaults', reference: 'reports', differs: LIMIT_RANGE_DEFAULTS,
    code: `${workload({ namespace: 'shop' })}---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n  - type: Container\n    default:\n      cpu: 500m\n      memory: 512Mi\n`,
  },

  // k8s/replicas (kube-linter's threshold is 3: the cases run with minReplicas: 3)
  { rule: 'k8s/replicas', tool: KL, check: 'minimum-three-replicas', source: 'tests/checks/minimum-three-replicas.yml', name: 'three replicas', reference: 'passes', options: { minReplicas: 3 }, code: workload({ replicas: 3 }) },
  { rule: 'k8s/replicas', tool: KL, check: 'minimum-three-replicas', source: 'tests/checks/minimum-three-replicas.yml', name: 'two replicas', reference: 'reports', options: { minReplicas: 3 }, code: workload({ replicas: 2 }) },
  { rule: 'k8s/replicas', tool: KL, check: 'minimum-three-replicas', source: 'tests/checks/minimum-three-replicas.yml', name: 'a DeploymentConfig with two', reference: 'reports', options: { minReplicas: 3 }, code: workload({ kind: 'DeploymentConfig', replicas: 2 }) },
  {
    rule: 'k8s/replicas', tool: KL, check: 'hpa-minimum-three-replicas', source: 'tests/checks/hpa-minimum-three-replicas.yml', name: 'an autoscaler whose minimum is 2', reference: 'reports', options: { minReplicas: 3 },
    code: `${workload({ replicas: 3 })}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n`,
  },
  { rule: 'k8s/replicas', tool: 'Polaris', check: 'deploymentMissingReplicas', source: 'checks/deploymentMissingReplicas.yaml', name: 'replicas not set', reference: 'reports', code: workload() },
  { rule: 'k8s/replicas', tool: 'Polaris', check: 'deploymentMissingReplicas', source: 'test/checks/deploymentMissingReplicas/success.yaml', name: 'three replicas', reference: 'passes', code: workload({ replicas: 3 }) },
  {
    rule: 'k8s/replicas', tool: 'Polaris', check: 'deploymentMissingReplicas', source: 'checks/deploymentMissingReplicas.yaml', name: 'replicas not set, an autoscaler with minReplicas 2 manages it', reference: 'reports',
    differs: 'the HorizontalPodAutoscaler whose scaleTargetRef names the Deployment decides its replicas (issue 11); leaving replicas out is what the autoscaler documentation asks.',
    code: `${workload()}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n`,
  },

  // k8s/pod-disruption-budget
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'deployment-has-poddisruptionbudget', source: 'score/poddisruptionbudget_test.go (TestDeploymentPodDisruptionBudgetV1Matches)', name: 'a matching budget', reference: 'passes', code: workload({ replicas: 2 }) + budget('matchLabels:\n  app: web') },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'deployment-has-poddisruptionbudget', source: 'score/poddisruptionbudget_test.go (TestDeploymentPodDisruptionBudgetV1NoMatch)', name: 'a budget for other pods', reference: 'reports', code: workload({ replicas: 2 }) + budget('matchLabels:\n  app: other') },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'deployment-has-poddisruptionbudget', source: 'score/poddisruptionbudget_test.go (TestDeploymentPodDisruptionBudgetExpressionMatches)', name: 'a matchExpressions budget that matches', reference: 'passes', code: workload({ replicas: 2 }) + budget('matchExpressions:\n- key: app\n  operator: In\n  values: [web, api]') },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'deployment-has-poddisruptionbudget', source: 'score/poddisruptionbudget_test.go (TestDeploymentPodDisruptionBudgetExpressionNoMatch)', name: 'a matchExpressions budget that does not', reference: 'reports', code: workload({ replicas: 2 }) + budget('matchExpressions:\n- key: app\n  operator: NotIn\n  values: [web]') },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'deployment-has-poddisruptionbudget', source: 'score/testdata/deployment-poddisruptionbudget-v1-different-namespace.yaml', name: 'a budget in another namespace', reference: 'reports', code: workload({ replicas: 2, namespace: 'shop' }) + budget('matchLabels:\n  app: web', { namespace: 'other' }) },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'statefulset-has-poddisruptionbudget', source: 'score/poddisruptionbudget_test.go (TestStatefulSetPodDisruptionBudgetNoMatch)', name: 'a StatefulSet without one', reference: 'reports', code: workload({ kind: 'StatefulSet', replicas: 3 }) },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'deployment-has-poddisruptionbudget', source: 'score/disruptionbudget/disruptionbudget.go (fewer than 2 replicas)', name: 'one replica is skipped', reference: 'passes', code: workload({ replicas: 1 }) },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'deployment-has-poddisruptionbudget', source: 'score/disruptionbudget/disruptionbudget.go (replicas nil)', name: 'replicas not set', reference: 'reports', differs: PDB_NEEDS_REPLICAS, code: workload() },
  { rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/failure.yaml', name: 'no budget', reference: 'reports', code: workload({ replicas: 3 }) },
  { rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/failure.empty-labels.yaml', name: 'pod template labels empty', reference: 'reports', code: workload({ replicas: 3, labels: '{}' }) + budget('matchLabels:\n  app: web') },
  { rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/failure.wrong-place.yaml', name: 'labels on the Deployment, not on its pods', reference: 'reports', code: workload({ replicas: 3, labels: 'tier: backend' }).replace('  name: web\n', '  name: web\n  labels:\n    app: web\n') + budget('matchLabels:\n  app: web') },
  { rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/failure-bad-ns.yaml', name: 'the budget in another namespace', reference: 'reports', code: workload({ replicas: 3, namespace: 'shop' }) + budget('matchLabels:\n  app: web', { namespace: 'other' }) },
  { rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/failure.no-metadata.yaml', name: 'a budget with no metadata', reference: 'reports', code: `${workload({ replicas: 3 })}---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n` },
  { rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/success.yaml', name: 'a matching budget', reference: 'passes', code: workload({ replicas: 3 }) + budget('matchLabels:\n  app: web') },
  {
    rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/failure.bad-name.yaml', name: 'a budget not named <name>-pdb that selects the pods', reference: 'reports',
    differs: 'Kubernetes matches a budget to pods by its selector, not by its name; Polaris checks a naming convention.',
    code: workload({ replicas: 3 }) + budget('matchLabels:\n  app: web', { name: 'availability' }),
  },
  {
    rule: 'k8s/pod-disruption-budget', tool: 'Polaris', check: 'missingPodDisruptionBudget', source: 'test/checks/missingPodDisruptionBudget/success.many.yaml', name: 'a budget matching the Deployment\'s own labels, not its pods\'', reference: 'passes',
    differs: 'the eviction API matches the budget\'s selector against the pods\' labels, which the pod template sets; labels on the Deployment itself select nothing.',
    code: workload({ replicas: 3, labels: 'tier: backend' }).replace('  name: web\n', '  name: web\n  labels:\n    app.kubernetes.io/name: web\n') + budget('matchLabels:\n  app.kubernetes.io/name: web'),
  },
  { rule: 'k8s/pod-disruption-budget', tool: 'KICS', check: 'deployment_without_pod_disruption_budget', source: 'assets/queries/k8s/deployment_without_pod_disruption_budget/query.rego', name: 'two replicas and no budget', reference: 'reports', code: workload({ replicas: 2 }) },
  { rule: 'k8s/pod-disruption-budget', tool: 'KICS', check: 'deployment_without_pod_disruption_budget', source: 'assets/queries/k8s/deployment_without_pod_disruption_budget/query.rego', name: 'a budget selecting its labels', reference: 'passes', code: workload({ replicas: 2 }) + budget('matchLabels:\n  app: web') },
  { rule: 'k8s/pod-disruption-budget', tool: 'KICS', check: 'statefulset_without_pod_disruption_budget', source: 'assets/queries/k8s/statefulset_without_pod_disruption_budget/query.rego', name: 'a StatefulSet with three replicas and no budget', reference: 'reports', code: workload({ kind: 'StatefulSet', replicas: 3 }) },

  // k8s/anti-affinity
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'tests/checks/no-anti-affinity.yml', name: 'three replicas and no anti-affinity', reference: 'reports', code: workload({ replicas: 3 }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'tests/checks/no-anti-affinity.yml', name: 'a DeploymentConfig with three replicas', reference: 'reports', code: workload({ kind: 'DeploymentConfig', replicas: 3 }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (TestNoAntiAffinity)', name: 'one replica', reference: 'passes', code: workload({ replicas: 1 }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (TestWithAntiAffinity)', name: 'preferred anti-affinity on the hostname', reference: 'passes', code: workload({ replicas: 2, pod: antiAffinity('topologyKey: kubernetes.io/hostname\nlabelSelector:\n  matchLabels:\n    app: web') }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (weird-key)', name: 'anti-affinity on an unknown topology key', reference: 'reports', code: workload({ replicas: 4, pod: antiAffinity('topologyKey: weird/key\nlabelSelector:\n  matchLabels:\n    app: web') }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (non-matching-label-selector)', name: 'anti-affinity selecting other pods', reference: 'reports', code: workload({ replicas: 4, pod: antiAffinity('topologyKey: kubernetes.io/hostname\nlabelSelector:\n  matchLabels:\n    app: other') }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (non-matching-namespace)', name: 'anti-affinity limited to another namespace', reference: 'reports', code: workload({ replicas: 4, namespace: 'shop', pod: antiAffinity('topologyKey: kubernetes.io/hostname\nnamespaces: [other]\nlabelSelector:\n  matchLabels:\n    app: web') }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (TestWithTopologySpreadConstraints)', name: 'a spread constraint on the hostname', reference: 'passes', code: workload({ replicas: 2, pod: spread('kubernetes.io/hostname') }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (topology-spread-non-matching-label-selector)', name: 'a spread constraint selecting other pods', reference: 'reports', code: workload({ replicas: 4, pod: spread('kubernetes.io/hostname', 'app: other') }) },
  {
    rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template_test.go (topologyKey defaults to kubernetes.io/hostname)', name: 'a spread constraint over zones', reference: 'reports',
    differs: 'zones have distinct nodes, so spreading over zones also spreads over nodes; kube-linter accepts only the hostname key by default.',
    code: workload({ replicas: 3, pod: spread('topology.kubernetes.io/zone') }),
  },
  { rule: 'k8s/anti-affinity', tool: 'kube-score', check: 'deployment-has-host-podantiaffinity', source: 'score/testdata/deployment-host-antiaffinity-not-set.yaml', name: 'not set', reference: 'reports', code: workload({ replicas: 3 }) },
  { rule: 'k8s/anti-affinity', tool: 'kube-score', check: 'deployment-has-host-podantiaffinity', source: 'score/testdata/deployment-host-antiaffinity-1-replica.yaml', name: 'one replica', reference: 'passes', code: workload({ replicas: 1 }) },
  { rule: 'k8s/anti-affinity', tool: 'kube-score', check: 'deployment-has-host-podantiaffinity', source: 'score/testdata/deployment-host-antiaffinity-required.yaml', name: 'required on the hostname', reference: 'passes', code: workload({ replicas: 3, pod: antiAffinity('topologyKey: kubernetes.io/hostname\nlabelSelector:\n  matchLabels:\n    app: web', 'required') }) },
  { rule: 'k8s/anti-affinity', tool: 'kube-score', check: 'deployment-has-host-podantiaffinity', source: 'score/testdata/deployment-host-antiaffinity-preffered-selector-expression.yaml', name: 'preferred, selector by expression', reference: 'passes', code: workload({ replicas: 3, pod: antiAffinity('topologyKey: kubernetes.io/hostname\nlabelSelector:\n  matchExpressions:\n  - key: app\n    operator: In\n    values: [web]') }) },
  { rule: 'k8s/anti-affinity', tool: 'kube-score', check: 'deployment-has-host-podantiaffinity', source: 'score/testdata/deployment-host-antiaffinity-preffered-selector-no-match.yaml', name: 'preferred, selector matching other pods', reference: 'reports', code: workload({ replicas: 3, pod: antiAffinity('topologyKey: kubernetes.io/hostname\nlabelSelector:\n  matchLabels:\n    app: other') }) },
  { rule: 'k8s/anti-affinity', tool: 'KICS', check: 'deployment_has_no_pod_anti_affinity', source: 'assets/queries/k8s/deployment_has_no_pod_anti_affinity/query.rego', name: 'three replicas and no affinity', reference: 'reports', code: workload({ replicas: 3 }) },
  { rule: 'k8s/anti-affinity', tool: 'KICS', check: 'deployment_has_no_pod_anti_affinity', source: 'assets/queries/k8s/deployment_has_no_pod_anti_affinity/query.rego', name: 'required on the hostname matching the template', reference: 'passes', code: workload({ replicas: 3, pod: antiAffinity('topologyKey: kubernetes.io/hostname\nlabelSelector:\n  matchLabels:\n    app: web', 'required') }) },
  {
    rule: 'k8s/anti-affinity', tool: 'KICS', check: 'deployment_has_no_pod_anti_affinity', source: 'assets/queries/k8s/deployment_has_no_pod_anti_affinity/query.rego (replicas > 2)', name: 'two replicas', reference: 'passes',
    differs: 'two replicas on one node fail together as surely as three; KICS starts at three.',
    code: workload({ replicas: 2 }),
  },

  // k8s/network-policy
  { rule: 'k8s/network-policy', tool: KL, check: 'non-isolated-pod', source: 'tests/checks/non-isolated-pod.yml', name: 'a policy selecting the pods', reference: 'passes', code: workload({ replicas: 3 }) + policy('podSelector:\n  matchLabels:\n    app: web') },
  { rule: 'k8s/network-policy', tool: KL, check: 'non-isolated-pod', source: 'tests/checks/non-isolated-pod.yml', name: 'no policy selects them', reference: 'reports', code: workload({ replicas: 3 }) + policy('podSelector:\n  matchLabels:\n    app: other') },
  { rule: 'k8s/network-policy', tool: KL, check: 'non-isolated-pod', source: 'tests/checks/non-isolated-pod.yml', name: 'a DeploymentConfig no policy selects', reference: 'reports', code: workload({ kind: 'DeploymentConfig', replicas: 3 }) },
  { rule: 'k8s/network-policy', tool: 'kube-score', check: 'pod-networkpolicy', source: 'score/networkpolicy_test.go', name: 'ingress and egress policy for the pods', reference: 'passes', code: workload() + policy('podSelector:\n  matchLabels:\n    app: web\npolicyTypes: [Ingress, Egress]') },
  { rule: 'k8s/network-policy', tool: 'kube-score', check: 'pod-networkpolicy', source: 'score/networkpolicy_test.go', name: 'no policy', reference: 'reports', code: workload() },
  { rule: 'k8s/network-policy', tool: 'kube-score', check: 'pod-networkpolicy', source: 'score/networkpolicy/networkpolicy.go (same namespace)', name: 'a policy in another namespace', reference: 'reports', code: workload({ namespace: 'shop' }) + policy('podSelector: {}\npolicyTypes: [Ingress, Egress]', 'other') },
  {
    rule: 'k8s/network-policy', tool: 'kube-score', check: 'pod-networkpolicy', source: 'score/networkpolicy/networkpolicy.go (matchLabels only)', name: 'a default-deny policy with an empty podSelector', reference: 'reports',
    differs: 'an empty podSelector selects every pod of its namespace (the usual default-deny); kube-score only looks at matchLabels.',
    code: workload() + policy('podSelector: {}\npolicyTypes: [Ingress, Egress]'),
  },
  {
    rule: 'k8s/network-policy', tool: 'kube-score', check: 'pod-networkpolicy', source: 'score/networkpolicy/networkpolicy.go (egress missing: warning)', name: 'an ingress-only policy', reference: 'reports',
    differs: 'the checklist item asks that pods do not accept traffic from everywhere (ingress isolation); egress policies are a further step.',
    code: workload() + policy('podSelector:\n  matchLabels:\n    app: web\npolicyTypes: [Ingress]'),
  },

  // k8s/default-namespace
  { rule: 'k8s/default-namespace', tool: KL, check: 'use-namespace', source: 'tests/checks/use-namespace.yml', name: 'a namespace of its own', reference: 'passes', code: workload({ namespace: 'namespace-dev' }) },
  { rule: 'k8s/default-namespace', tool: KL, check: 'use-namespace', source: 'tests/checks/use-namespace.yml', name: 'namespace: default', reference: 'reports', code: workload({ namespace: 'default' }) },
  { rule: 'k8s/default-namespace', tool: 'KICS', check: 'using_default_namespace', source: 'assets/queries/k8s/using_default_namespace/query.rego', name: 'no namespace', reference: 'reports', code: workload() },
  { rule: 'k8s/default-namespace', tool: 'KICS', check: 'using_default_namespace', source: 'assets/queries/k8s/using_default_namespace/query.rego', name: 'a ConfigMap in default', reference: 'reports', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\ndata:\n  a: b\n' },
  { rule: 'k8s/default-namespace', tool: 'KICS', check: 'using_default_namespace', source: 'assets/queries/k8s/using_default_namespace/query.rego (listKinds)', name: 'a ClusterRole (cluster-scoped)', reference: 'passes', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n' },
  {
    rule: 'k8s/default-namespace', tool: 'KICS', check: 'using_default_namespace', source: 'assets/queries/k8s/using_default_namespace/query.rego', name: 'no namespace, but a kustomization sets one', reference: 'reports',
    differs: 'kustomize\'s namespace: gives every resource it includes that namespace (issue 11); KICS reads each file alone.',
    code: workload(), files: { 'kustomization.yaml': 'namespace: shop\nresources:\n- deploy.yaml\n' },
  },

  // k8s/service-account-token
  { rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/failure.uses_defaults.yaml', name: 'automount left to the defaults', reference: 'reports', code: `${workload({ kind: 'Pod', pod: 'serviceAccountName: test\n' })}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: test\n` },
  { rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/success.serviceaccount.yaml', name: 'the ServiceAccount disables it', reference: 'passes', code: `${workload({ kind: 'Pod', pod: 'serviceAccountName: test\n' })}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: test\nautomountServiceAccountToken: false\n` },
  { rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/success.no_serviceaccount.yaml', name: 'the pod disables it', reference: 'passes', code: workload({ kind: 'Pod', pod: 'automountServiceAccountToken: false\n' }) },
  { rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/success.pod_false_serviceaccount_true.yaml', name: 'the pod disables it, its account enables it', reference: 'passes', code: `${workload({ kind: 'Pod', pod: 'automountServiceAccountToken: false\nserviceAccountName: test\n' })}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: test\nautomountServiceAccountToken: true\n` },
  { rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/failure.pod_true_serviceaccount_false.yaml', name: 'the pod enables it over its account', reference: 'reports', code: `${workload({ kind: 'Pod', pod: 'automountServiceAccountToken: true\nserviceAccountName: test\n' })}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: test\nautomountServiceAccountToken: false\n` },
  { rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/failure.all_true.yaml', name: 'pod and account enable it', reference: 'reports', code: `${workload({ kind: 'Pod', pod: 'automountServiceAccountToken: true\nserviceAccountName: test\n' })}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: test\nautomountServiceAccountToken: true\n` },
  {
    rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/failure.uses_defaults.yaml', name: 'left to the defaults, and a RoleBinding grants the account something', reference: 'reports',
    differs: 'a pod whose account a binding in the workspace grants something calls the API and needs its token.',
    code: `${workload({ kind: 'Pod', pod: 'serviceAccountName: test\n' })}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: test\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader\nsubjects:\n- kind: ServiceAccount\n  name: test\n`,
  },
  { rule: 'k8s/service-account-token', tool: 'KICS', check: 'service_account_token_automount_not_disabled', source: 'assets/queries/k8s/service_account_token_automount_not_disabled/test/positive1.yaml', name: 'a Pod that sets nothing', reference: 'reports', code: workload({ kind: 'Pod' }) },
  { rule: 'k8s/service-account-token', tool: 'KICS', check: 'service_account_token_automount_not_disabled', source: 'assets/queries/k8s/service_account_token_automount_not_disabled/test/positive1.yaml', name: 'a Pod that enables it', reference: 'reports', code: workload({ kind: 'Pod', pod: 'automountServiceAccountToken: true\n' }) },
  { rule: 'k8s/service-account-token', tool: 'KICS', check: 'service_account_token_automount_not_disabled', source: 'assets/queries/k8s/service_account_token_automount_not_disabled/test/negative2.yaml', name: 'its ServiceAccount disables it', reference: 'passes', code: `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: redis-sa\nautomountServiceAccountToken: false\n---\n${workload({ pod: 'serviceAccountName: redis-sa\n' })}` },
  { rule: 'k8s/service-account-token', tool: 'KICS', check: 'service_account_token_automount_not_disabled', source: 'assets/queries/k8s/service_account_token_automount_not_disabled/test/positive2.yaml', name: 'its ServiceAccount enables it', reference: 'reports', code: `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: redis-sa\nautomountServiceAccountToken: true\n---\n${workload({ pod: 'serviceAccountName: redis-sa\n' })}` },

  // k8s/secret-env-literal
  { rule: 'k8s/secret-env-literal', tool: KL, check: 'env-var-secret', source: 'tests/checks/env-var-secret.yml', name: 'SECRET_BLAH with a literal value', reference: 'reports', code: workload({ containers: container('env:\n- name: SECRET_BLAH\n  value: secretsquirrels\n') }) },
  { rule: 'k8s/secret-env-literal', tool: KL, check: 'env-var-secret', source: 'tests/checks/env-var-secret.yml', name: 'BLAH with a literal value', reference: 'passes', code: workload({ containers: container('env:\n- name: BLAH\n  value: secretsquirrels\n') }) },
  { rule: 'k8s/secret-env-literal', tool: KL, check: 'env-var-secret', source: 'pkg/builtinchecks/yamls/env-var-secret.yaml (name .*password.*)', name: 'DB_PASSWORD with a literal value', reference: 'reports', code: workload({ containers: container('env:\n- name: DB_PASSWORD\n  value: hunter2\n') }) },
  { rule: 'k8s/secret-env-literal', tool: KL, check: 'env-var-secret', source: 'pkg/templates/envvar/template.go (value only)', name: 'a secret read from a Secret', reference: 'passes', code: workload({ containers: container('env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password\n') }) },

  // k8s/rbac-wildcard
  { rule: 'k8s/rbac-wildcard', tool: KL, check: 'wildcard-in-rules', source: 'tests/checks/wildcard-in-rules.yml', name: 'a ClusterRole granting every verb', reference: 'reports', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: admin-ish\nrules:\n- apiGroups: [""]\n  resources: [pods]\n  verbs: ["*"]\n' },
  { rule: 'k8s/rbac-wildcard', tool: KL, check: 'wildcard-in-rules', source: 'tests/checks/wildcard-in-rules.yml', name: 'a Role granting every resource', reference: 'reports', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ns-admin\nrules:\n- apiGroups: [""]\n  resources: ["*"]\n  verbs: [get]\n' },
  { rule: 'k8s/rbac-wildcard', tool: KL, check: 'wildcard-in-rules', source: 'tests/checks/wildcard-in-rules.yml', name: 'explicit resources and verbs', reference: 'passes', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\nrules:\n- apiGroups: [""]\n  resources: [pods]\n  verbs: [get, list]\n' },
  { rule: 'k8s/rbac-wildcard', tool: 'KICS', check: 'rbac_wildcard_in_rule', source: 'assets/queries/k8s/rbac_wildcard_in_rule/query.rego', name: 'apiGroups "*"', reference: 'reports', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: any-group\nrules:\n- apiGroups: ["*"]\n  resources: [deployments]\n  verbs: [get]\n' },

  // k8s/rolling-update
  {
    rule: 'k8s/rolling-update', tool: KL, check: 'no-rolling-update-strategy', source: 'tests/checks/no-rolling-update-strategy.yml', name: 'an unknown strategy type', reference: 'reports',
    differs: 'the API server rejects a Deployment strategy other than RollingUpdate or Recreate, and a DeploymentConfig\'s Custom strategy runs the team\'s own rollout: neither is judged.',
    code: workload({ replicas: 3, spec: 'strategy:\n  type: Other\n' }),
  },
  { rule: 'k8s/rolling-update', tool: KL, check: 'no-rolling-update-strategy', source: 'pkg/templates/updateconfig/template.go (Recreate fails the regex)', name: 'Recreate with three replicas', reference: 'reports', code: workload({ replicas: 3, spec: 'strategy:\n  type: Recreate\n' }) },
  { rule: 'k8s/rolling-update', tool: KL, check: 'no-rolling-update-strategy', source: 'pkg/templates/updateconfig/template.go (TypeExists)', name: 'no strategy (RollingUpdate by default)', reference: 'passes', code: workload({ replicas: 3 }) },
  { rule: 'k8s/rolling-update', tool: KL, check: 'no-rolling-update-strategy', source: 'tests/checks/no-rolling-update-strategy.yml', name: 'a DeploymentConfig with a Rolling strategy', reference: 'passes', code: workload({ kind: 'DeploymentConfig', replicas: 3, spec: 'strategy:\n  type: Rolling\n  rollingParams:\n    maxUnavailable: 0\n' }) },
  {
    rule: 'k8s/rolling-update', tool: KL, check: 'no-rolling-update-strategy', source: 'pkg/templates/updateconfig/template.go', name: 'Recreate with one replica', reference: 'reports',
    differs: 'a single replica is replaced either way; Recreate keeps a singleton from ever running twice (issue 11: Kubernetes\' own semantics).',
    code: workload({ replicas: 1, spec: 'strategy:\n  type: Recreate\n' }),
  },

  // k8s/probe-port
  { rule: 'k8s/probe-port', tool: KL, check: 'liveness-port', source: 'tests/checks/liveness-port.yml (dont-fire-deployment)', name: 'a named port the container declares', reference: 'passes', code: workload({ containers: container('ports:\n- containerPort: 8080\n  name: http\nlivenessProbe:\n  httpGet:\n    path: /\n    port: http\n') }) },
  { rule: 'k8s/probe-port', tool: KL, check: 'liveness-port', source: 'tests/checks/liveness-port.yml (dont-fire-deployment)', name: 'a port number the container declares', reference: 'passes', code: workload({ containers: container('ports:\n- containerPort: 8080\n  name: http\nlivenessProbe:\n  httpGet:\n    path: /\n    port: 8080\n') }) },
  { rule: 'k8s/probe-port', tool: KL, check: 'liveness-port', source: 'tests/checks/liveness-port.yml (fire-deployment-name)', name: 'a named port on a container that declares none', reference: 'reports', code: workload({ containers: container('livenessProbe:\n  httpGet:\n    path: /\n    port: http\n') }) },
  { rule: 'k8s/probe-port', tool: KL, check: 'liveness-port', source: 'tests/checks/liveness-port.yml (fire-deployment-int)', name: 'a port number the container does not declare', reference: 'reports', code: workload({ containers: container('ports:\n- containerPort: 9999\n  name: http\nlivenessProbe:\n  httpGet:\n    path: /\n    port: 8080\n') }) },
  { rule: 'k8s/probe-port', tool: KL, check: 'liveness-port', source: 'tests/checks/liveness-port.yml (fire-stateful-name)', name: 'an undeclared port name on a StatefulSet', reference: 'reports', code: workload({ kind: 'StatefulSet', containers: container('ports:\n- containerPort: 9999\n  name: http\nlivenessProbe:\n  httpGet:\n    path: /\n    port: healthcheck\n') }) },
  { rule: 'k8s/probe-port', tool: KL, check: 'readiness-port', source: 'tests/checks/readiness-port.yml', name: 'a readiness probe on an undeclared port name', reference: 'reports', code: workload({ containers: container('ports:\n- containerPort: 8080\n  name: http\nreadinessProbe:\n  tcpSocket:\n    port: grpc\n') }) },
  { rule: 'k8s/probe-port', tool: KL, check: 'startup-port', source: 'tests/checks/startup-port.yml', name: 'a startup probe on a declared port', reference: 'passes', code: workload({ containers: container('ports:\n- containerPort: 8080\n  name: http\nstartupProbe:\n  httpGet:\n    path: /\n    port: http\n') }) },
  // More cases from the same suites and check definitions: init containers, other kinds, overrides.
  { rule: 'k8s/liveness-probe', tool: KL, check: 'no-liveness-probe', source: 'pkg/templates/livenessprobe/template.go (podSpec.Containers)', name: 'an init container needs no liveness probe', reference: 'passes', code: workload({ pod: `initContainers:\n${container('', 'init')}`, containers: container(liveness) }) },
  { rule: 'k8s/liveness-probe', tool: KL, check: 'no-liveness-probe', source: 'tests/checks/no-liveness-probe.yml', name: 'a StatefulSet without a probe', reference: 'reports', code: workload({ kind: 'StatefulSet', replicas: 3 }) },
  { rule: 'k8s/readiness-probe', tool: 'Polaris', check: 'readinessProbeMissing', source: 'checks/readinessProbeMissing.yaml (containers.exclude)', name: 'an init container needs no readiness probe', reference: 'passes', code: workload({ pod: `initContainers:\n${container(withPort, 'init')}`, containers: container(withPort + readiness) }) },
  { rule: 'k8s/read-only-root-fs', tool: KL, check: 'no-read-only-root-fs', source: 'pkg/templates/readonlyrootfs/template.go (AllContainers)', name: 'an init container with a writable root', reference: 'reports', code: workload({ pod: `initContainers:\n${container('', 'init')}`, containers: container(securityContext('readOnlyRootFilesystem: true')) }) },
  { rule: 'k8s/read-only-root-fs', tool: 'kube-score', check: 'container-security-context-readonlyrootfilesystem', source: 'score/security_test.go', name: 'readOnlyRootFilesystem: false on a CronJob', reference: 'reports', code: workload({ kind: 'CronJob', pod: 'restartPolicy: OnFailure\n', containers: container(securityContext('readOnlyRootFilesystem: false')) }) },
  { rule: 'k8s/no-privileged', tool: KL, check: 'privileged-container', source: 'pkg/templates/privileged/template.go (AllContainers)', name: 'a privileged init container', reference: 'reports', code: workload({ pod: `initContainers:\n${container(securityContext('privileged: true'), 'init')}` }) },
  { rule: 'k8s/no-privileged', tool: 'KICS', check: 'privileged_containers', source: 'assets/queries/k8s/privileged_containers/query.rego', name: 'privileged: true on a Job', reference: 'reports', code: workload({ kind: 'Job', pod: 'restartPolicy: Never\n', containers: container(securityContext('privileged: true')) }) },
  { rule: 'k8s/no-privilege-escalation', tool: KL, check: 'privilege-escalation-container', source: 'pkg/templates/privilegeescalation/template.go (privileged implies escalation)', name: 'privileged without allowPrivilegeEscalation', reference: 'reports', code: workload({ containers: container(securityContext('privileged: true')) }) },
  { rule: 'k8s/run-as-non-root', tool: KL, check: 'run-as-non-root', source: 'pkg/templates/runasnonroot/template.go (effectiveRunAsNonRoot: the container wins)', name: 'the container sets runAsNonRoot: false over the pod\'s true', reference: 'reports', code: workload({ pod: securityContext('runAsNonRoot: true'), containers: container(securityContext('runAsNonRoot: false')) }) },
  { rule: 'k8s/run-as-non-root', tool: 'Polaris', check: 'runAsRootAllowed', source: 'checks/runAsRootAllowed.yaml (non-root at container level)', name: 'every container sets runAsUser: 1001', reference: 'passes', code: workload({ containers: container(securityContext('runAsUser: 1001')) }) },
  { rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego', name: 'pod Unconfined, inherited', reference: 'reports', code: workload({ pod: securityContext('seccompProfile:\n  type: Unconfined') }) },
  { rule: 'k8s/seccomp-profile', tool: 'KICS', check: 'seccomp_profile_is_not_configured', source: 'assets/queries/k8s/seccomp_profile_is_not_configured/query.rego', name: 'container RuntimeDefault over pod Unconfined', reference: 'passes', code: workload({ pod: securityContext('seccompProfile:\n  type: Unconfined'), containers: container(securityContext('seccompProfile:\n  type: RuntimeDefault')) }) },
  { rule: 'k8s/host-namespaces', tool: 'Polaris', check: 'hostNetworkSet', source: 'test/checks/hostNetworkSet/failure.yaml', name: 'hostNetwork: true on a DaemonSet', reference: 'reports', code: workload({ kind: 'DaemonSet', pod: 'hostNetwork: true\n' }) },
  { rule: 'k8s/host-namespaces', tool: 'KICS', check: 'shared_host_ipc_namespace', source: 'assets/queries/k8s/shared_host_ipc_namespace/query.rego', name: 'hostIPC: true on a Pod', reference: 'reports', code: workload({ kind: 'Pod', pod: 'hostIPC: true\n' }) },
  { rule: 'k8s/docker-socket', tool: 'KICS', check: 'docker_daemon_socket_is_exposed_to_containers', source: 'assets/queries/k8s/docker_daemon_socket_is_exposed_to_containers/query.rego', name: 'the socket as hostPath type Socket on a Pod', reference: 'reports', code: workload({ kind: 'Pod', pod: 'volumes:\n- name: docker\n  hostPath:\n    path: /var/run/docker.sock\n    type: Socket\n' }) },
  {
    rule: 'k8s/docker-socket', tool: KL, check: 'docker-sock', source: 'pkg/templates/dockersock/template.go (path ends in docker.sock)', name: 'the /var/run folder that holds the socket', reference: 'passes',
    differs: 'mounting /var/run mounts every socket in it, the runtime\'s included; kube-linter only matches a path ending in docker.sock.',
    code: workload({ pod: hostPathVolume('/var/run') }),
  },
  { rule: 'k8s/image-tag', tool: KL, check: 'latest-tag', source: 'pkg/templates/latesttag/template.go (AllContainers)', name: 'an init container on latest', reference: 'reports', code: workload({ pod: `initContainers:\n${container('', 'init', 'busybox:latest')}` }) },
  { rule: 'k8s/image-tag', tool: 'Polaris', check: 'tagNotSpecified', source: 'checks/tagNotSpecified.yaml', name: 'pinned by digest only', reference: 'passes', code: workload({ kind: 'Pod', containers: container('', 'nginx', 'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31') }) },
  { rule: 'k8s/image-tag', tool: 'kube-score', check: 'container-image-tag', source: 'score/container/container.go (containerTag)', name: 'a tag and a digest', reference: 'passes', code: workload({ containers: container('', 'app', 'ghcr.io/org/app:1.4@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31') }) },
  { rule: 'k8s/resource-requests', tool: 'KICS', check: 'memory_requests_not_defined', source: 'assets/queries/k8s/memory_requests_not_defined/query.rego', name: 'cpu requested, memory not', reference: 'reports', code: workload({ kind: 'Pod', containers: container(resources('requests:\n  cpu: 100m')) }) },
  { rule: 'k8s/resource-requests', tool: 'Polaris', check: 'memoryRequestsMissing', source: 'test/checks/memoryRequestsMissing/success.yaml', name: 'both requested on a Job', reference: 'passes', code: workload({ kind: 'Job', pod: 'restartPolicy: Never\n', containers: container(resources('requests:\n  cpu: 100m\n  memory: 128Mi')) }) },
  { rule: 'k8s/resource-limits', tool: 'KICS', check: 'cpu_limits_not_set', source: 'assets/queries/k8s/cpu_limits_not_set/query.rego', name: 'memory limited, cpu not', reference: 'reports', code: workload({ kind: 'Pod', containers: container(resources('limits:\n  memory: 256Mi')) }) },
  { rule: 'k8s/resource-limits', tool: KL, check: 'unset-memory-requirements', source: 'tests/checks/unset-memory-requirements.yml', name: 'both limited', reference: 'passes', code: workload({ containers: container(resources('limits:\n  cpu: 500m\n  memory: 256Mi')) }) },
  { rule: 'k8s/replicas', tool: KL, check: 'minimum-three-replicas', source: 'pkg/extract/replicas.go (no replicas for a DaemonSet)', name: 'a DaemonSet', reference: 'passes', options: { minReplicas: 3 }, code: workload({ kind: 'DaemonSet' }) },
  { rule: 'k8s/replicas', tool: KL, check: 'minimum-three-replicas', source: 'tests/checks/minimum-three-replicas.yml', name: 'a StatefulSet with one replica', reference: 'reports', options: { minReplicas: 3 }, code: workload({ kind: 'StatefulSet', replicas: 1 }) },
  { rule: 'k8s/pod-disruption-budget', tool: 'kube-score', check: 'statefulset-has-poddisruptionbudget', source: 'score/poddisruptionbudget_test.go (TestStatefulSetPodDisruptionBudgetExpressionMatches)', name: 'a StatefulSet with an Exists budget', reference: 'passes', code: workload({ kind: 'StatefulSet', replicas: 3 }) + budget('matchExpressions:\n- key: app\n  operator: Exists') },
  { rule: 'k8s/pod-disruption-budget', tool: 'KICS', check: 'statefulset_without_pod_disruption_budget', source: 'assets/queries/k8s/statefulset_without_pod_disruption_budget/query.rego', name: 'a StatefulSet with a matching budget', reference: 'passes', code: workload({ kind: 'StatefulSet', replicas: 3 }) + budget('matchLabels:\n  app: web') },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/templates/antiaffinity/template.go (required terms)', name: 'required anti-affinity on the hostname', reference: 'passes', code: workload({ replicas: 3, pod: antiAffinity('topologyKey: kubernetes.io/hostname\nlabelSelector:\n  matchLabels:\n    app: web', 'required') }) },
  { rule: 'k8s/anti-affinity', tool: 'KICS', check: 'deployment_has_no_pod_anti_affinity', source: 'assets/queries/k8s/deployment_has_no_pod_anti_affinity/query.rego (topologyKey)', name: 'preferred anti-affinity on a custom key', reference: 'reports', code: workload({ replicas: 3, pod: antiAffinity('topologyKey: example.com/rack\nlabelSelector:\n  matchLabels:\n    app: web') }) },
  { rule: 'k8s/anti-affinity', tool: 'KICS', check: 'deployment_has_no_pod_anti_affinity', source: 'assets/queries/k8s/deployment_has_no_pod_anti_affinity/query.rego', name: 'affinity without podAntiAffinity', reference: 'reports', code: workload({ replicas: 3, pod: 'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - key: kubernetes.io/os\n          operator: In\n          values: [linux]\n' }) },
  { rule: 'k8s/network-policy', tool: KL, check: 'non-isolated-pod', source: 'pkg/templates/nonisolatedpod/template.go (same namespace)', name: 'a policy for the pods, in another namespace', reference: 'reports', code: workload({ namespace: 'shop' }) + policy('podSelector:\n  matchLabels:\n    app: web', 'other') },
  { rule: 'k8s/network-policy', tool: KL, check: 'non-isolated-pod', source: 'pkg/templates/nonisolatedpod/template.go (LabelSelectorAsSelector)', name: 'a policy selecting the pods by expression', reference: 'passes', code: workload() + policy('podSelector:\n  matchExpressions:\n  - key: app\n    operator: In\n    values: [web]') },
  { rule: 'k8s/default-namespace', tool: 'KICS', check: 'using_default_namespace', source: 'assets/queries/k8s/using_default_namespace/query.rego (listKinds)', name: 'a Namespace (cluster-scoped)', reference: 'passes', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' },
  { rule: 'k8s/default-namespace', tool: KL, check: 'use-namespace', source: 'tests/checks/use-namespace.yml', name: 'a Service in default', reference: 'reports', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n' },
  { rule: 'k8s/service-account-token', tool: 'Polaris', check: 'automountServiceAccountToken', source: 'test/checks/automountServiceAccountToken/success.pod_and_serviceaccount.yaml', name: 'pod and account disable it', reference: 'passes', code: `${workload({ kind: 'Pod', pod: 'automountServiceAccountToken: false\nserviceAccountName: test\n' })}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: test\nautomountServiceAccountToken: false\n` },
  { rule: 'k8s/rbac-wildcard', tool: 'KICS', check: 'rbac_wildcard_in_rule', source: 'assets/queries/k8s/rbac_wildcard_in_rule/query.rego', name: 'verbs "*" in a Role', reference: 'reports', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: all-verbs\nrules:\n- apiGroups: [apps]\n  resources: [deployments]\n  verbs: ["*"]\n' },
  { rule: 'k8s/rolling-update', tool: KL, check: 'no-rolling-update-strategy', source: 'tests/checks/no-rolling-update-strategy.yml', name: 'a DeploymentConfig with Recreate and three replicas', reference: 'reports', code: workload({ kind: 'DeploymentConfig', replicas: 3, spec: 'strategy:\n  type: Recreate\n' }) },
  { rule: 'k8s/secret-env-literal', tool: KL, check: 'env-var-secret', source: 'tests/checks/env-var-secret.yml', name: 'a DeploymentConfig with SECRET_BLAH', reference: 'reports', code: workload({ kind: 'DeploymentConfig', containers: container('env:\n- name: SECRET_BLAH\n  value: secretsquirrels\n') }) },
  { rule: 'k8s/host-port', tool: 'Polaris', check: 'hostPortSet', source: 'checks/hostPortSet.yaml', name: 'a hostPort on an init container', reference: 'reports', code: workload({ pod: `initContainers:\n${container('ports:\n- containerPort: 53\n  hostPort: 53\n', 'init')}` }) },
  {
    rule: 'k8s/liveness-probe', tool: KL, check: 'no-liveness-probe', source: 'pkg/objectkinds/deploymentlike.go (Job and CronJob are DeploymentLike)', name: 'a Job without a probe', reference: 'reports',
    differs: 'a Job runs to completion and its restartPolicy handles failure: a liveness probe has nothing to keep alive (issue 11).',
    code: workload({ kind: 'Job', pod: 'restartPolicy: OnFailure\n' }),
  },
  {
    rule: 'k8s/readiness-probe', tool: KL, check: 'no-readiness-probe', source: 'pkg/objectkinds/deploymentlike.go (Job and CronJob are DeploymentLike)', name: 'a CronJob that declares a port, without a probe', reference: 'reports',
    differs: 'a batch pod is not put behind a Service while it runs to completion: readiness gates nothing (issue 11).',
    code: workload({ kind: 'CronJob', pod: 'restartPolicy: OnFailure\n', containers: container(withPort) }),
  },
  { rule: 'k8s/liveness-probe', tool: KL, check: 'no-liveness-probe', source: 'pkg/objectkinds/deploymentlike.go (argoproj.io Rollout)', name: 'an Argo Rollout without a probe', reference: 'reports', code: workload({ kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1', replicas: 3 }) },
  { rule: 'k8s/anti-affinity', tool: KL, check: 'no-anti-affinity', source: 'pkg/objectkinds/deploymentlike.go (argoproj.io Rollout)', name: 'an Argo Rollout with three replicas', reference: 'reports', code: workload({ kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1', replicas: 3 }) },
];
