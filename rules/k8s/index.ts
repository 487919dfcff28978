import type { Rule } from '../../server/src/engine/rule';
import defaultNamespace from './default-namespace';
import dropCapabilities from './drop-capabilities';
import hostNamespaces from './host-namespaces';
import imageTag from './image-tag';
import ingressRateLimit from './ingress-rate-limit';
import ingressTls from './ingress-tls';
import livenessProbe from './liveness-probe';
import networkPolicy from './network-policy';
import noPrivilegeEscalation from './no-privilege-escalation';
import noPrivileged from './no-privileged';
import podDisruptionBudget from './pod-disruption-budget';
import probePort from './probe-port';
import rbacWildcard from './rbac-wildcard';
import readOnlyRootFs from './read-only-root-fs';
import readinessProbe from './readiness-probe';
import replicas from './replicas';
import resourceLimits from './resource-limits';
import resourceRequests from './resource-requests';
import rollingUpdate from './rolling-update';
import runAsNonRoot from './run-as-non-root';
import seccompProfile from './seccomp-profile';
import secretEnvLiteral from './secret-env-literal';
import serviceAccountToken from './service-account-token';

export const k8sRules: Rule<any>[] = [
  livenessProbe,
  readinessProbe,
  probePort,
  resourceRequests,
  resourceLimits,
  runAsNonRoot,
  noPrivileged,
  hostNamespaces,
  noPrivilegeEscalation,
  readOnlyRootFs,
  dropCapabilities,
  seccompProfile,
  imageTag,
  secretEnvLiteral,
  replicas,
  rollingUpdate,
  ingressTls,
  ingressRateLimit,
  defaultNamespace,
  serviceAccountToken,
  rbacWildcard,
  podDisruptionBudget,
  networkPolicy,
];
