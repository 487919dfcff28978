import type { KindSupport } from '../types';
import { baseName } from '../paths';
import { parseDockerfile, type DockerfileModel } from './model';

export type { DockerfileModel } from './model';

const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:[.-][\w.-]+)?|[\w.-]+\.(?:dockerfile|containerfile))$/i;

export const dockerfileSupport: KindSupport<DockerfileModel> = {
  kind: 'dockerfile',
  label: 'Dockerfile',
  commentPrefix: '#',
  claim: (path) => (DOCKERFILE_NAME.test(baseName(path)) ? 'yes' : 'no'),
  parse: parseDockerfile,
  // dockerfile/healthcheck reads the Compose services that build the Dockerfile, and no other
  // Dockerfile: each one is a scope of its own, and a Compose change makes them all stale.
  crossFileScope: (path) => path,
  readsKinds: ['compose'],
};
