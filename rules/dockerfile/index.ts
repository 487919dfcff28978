import type { Rule } from '../../server/src/engine/rule';
import healthcheck from './healthcheck';
import nonRootUser from './non-root-user';
import pinnedBaseImage from './pinned-base-image';

export const dockerfileRules: Rule<any>[] = [healthcheck, nonRootUser, pinnedBaseImage];
