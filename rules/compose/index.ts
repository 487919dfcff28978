import type { Rule } from '../../server/src/engine/rule';
import capDrop from './cap-drop';
import dependsOnHealthy from './depends-on-healthy';
import dockerSocket from './docker-socket';
import exposedPorts from './exposed-ports';
import healthcheck from './healthcheck';
import imageTag from './image-tag';
import logRotation from './log-rotation';
import noNewPrivileges from './no-new-privileges';
import nonRootUser from './non-root-user';
import privileged from './privileged';
import readOnly from './read-only';
import resourceLimits from './resource-limits';
import restartPolicy from './restart-policy';
import schema from './schema';
import secretEnvLiteral from './secret-env-literal';

export const composeRules: Rule<any>[] = [
  schema,
  healthcheck,
  dependsOnHealthy,
  resourceLimits,
  restartPolicy,
  logRotation,
  imageTag,
  secretEnvLiteral,
  exposedPorts,
  nonRootUser,
  privileged,
  dockerSocket,
  capDrop,
  noNewPrivileges,
  readOnly,
];
