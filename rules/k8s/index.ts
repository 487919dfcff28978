import type { Rule } from '../../server/src/engine/rule';
import livenessProbe from './liveness-probe';
import probePort from './probe-port';
import readinessProbe from './readiness-probe';
import resourceLimits from './resource-limits';
import resourceRequests from './resource-requests';

export const k8sRules: Rule<any>[] = [livenessProbe, readinessProbe, probePort, resourceRequests, resourceLimits];
