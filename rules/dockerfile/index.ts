import type { Rule } from '../../server/src/engine/rule';
import aptNoRecommends from './apt-no-recommends';
import copyNotAdd from './copy-not-add';
import execFormCommand from './exec-form-command';
import healthcheck from './healthcheck';
import multiStageBuild from './multi-stage-build';
import noPipeToShell from './no-pipe-to-shell';
import noSecretsInEnv from './no-secrets-in-env';
import nonRootUser from './non-root-user';
import packageCache from './package-cache';
import pinnedBaseImage from './pinned-base-image';

export const dockerfileRules: Rule<any>[] = [aptNoRecommends, copyNotAdd, execFormCommand, healthcheck, multiStageBuild, noPipeToShell, noSecretsInEnv, nonRootUser, packageCache, pinnedBaseImage];
