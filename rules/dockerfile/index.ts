import type { Rule } from '../../server/src/engine/rule';
import absoluteWorkdir from './absolute-workdir';
import aptGetYes from './apt-get-yes';
import aptNoRecommends from './apt-no-recommends';
import copyNotAdd from './copy-not-add';
import execFormCommand from './exec-form-command';
import healthcheck from './healthcheck';
import multiStageBuild from './multi-stage-build';
import noPipeToShell from './no-pipe-to-shell';
import noSecretsInEnv from './no-secrets-in-env';
import noSshPort from './no-ssh-port';
import noSudo from './no-sudo';
import nonRootUser from './non-root-user';
import packageCache from './package-cache';
import pinPackages from './pin-packages';
import pinnedBaseImage from './pinned-base-image';
import pipefail from './pipefail';
import updateAlone from './update-alone';

export const dockerfileRules: Rule<any>[] = [
  absoluteWorkdir,
  aptGetYes,
  aptNoRecommends,
  copyNotAdd,
  execFormCommand,
  healthcheck,
  multiStageBuild,
  noPipeToShell,
  noSecretsInEnv,
  noSshPort,
  noSudo,
  nonRootUser,
  packageCache,
  pinPackages,
  pinnedBaseImage,
  pipefail,
  updateAlone,
];
