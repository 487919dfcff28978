import type { Rule } from '../../server/src/engine/rule';
import antiAffinity from './anti-affinity';
import dangerousCapabilities from './dangerous-capabilities';
import defaultNamespace from './default-namespace';
import dockerSocket from './docker-socket';
import dropCapabilities from './drop-capabilities';
import hostNamespaces from './host-namespaces';
import hostPort from './host-port';
import imagePullPolicy from './image-pull-policy';
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

/**
 * In run order. The securityContext hardening rules are listed in the order of RESTRICTED_SETTINGS
 * (security.ts), which is also their reporting order: the first of them that is enabled reports
 * their grouped finding (groups.ts), whatever order they run in.
 */
export const k8sRules: Rule<any>[] = [
  livenessProbe,
  readinessProbe,
  probePort,
  resourceRequests,
  resourceLimits,
  runAsNonRoot,
  noPrivileged,
  hostNamespaces,
  readOnlyRootFs,
  dropCapabilities,
  noPrivilegeEscalation,
  seccompProfile,
  dangerousCapabilities,
  dockerSocket,
  hostPort,
  imageTag,
  imagePullPolicy,
  secretEnvLiteral,
  replicas,
  rollingUpdate,
  ingressTls,
  ingressRateLimit,
  defaultNamespace,
  serviceAccountToken,
  rbacWildcard,
  podDisruptionBudget,
  antiAffinity,
  networkPolicy,
];
