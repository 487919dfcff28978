/**
 * How the workspace runs a Dockerfile: the Docker Compose services that build its final stage,
 * whether they publish ports and whether they declare a health check of their own. A Compose
 * file that cannot be followed (an unknown build context, a variable, an `extends` the workspace
 * lacks) names no service here: unknown, not absent.
 */
import { isMap, isSeq } from 'yaml';
import type { WorkspaceView } from '../../engine/rule';
import { portsOf, type PortMapping } from '../compose/checks';
import { builtImage } from '../compose/image';
import type { ComposeModel } from '../compose/model';
import { relativeTo, resolvedServices, type ResolvedService } from '../compose/services';
import { isTrue, scalarString } from '../kubernetes/nodes';
import type { DockerfileModel } from './model';

export interface ComposeRun {
  /** The service's name. */
  service: string;
  /** The Compose file, relative to the Dockerfile's folder (`../docker-compose.yml`). */
  file: string;
  /** The first port the service publishes, as the Compose file writes its container side. */
  published?: { port: string; portNumber?: number };
  /** The service's own `healthcheck:`: a test, or switched off (`disable: true`, `test: ["NONE"]`). */
  healthcheck?: 'declared' | 'disabled';
}

/** The Compose services of the workspace that build the Dockerfile's final stage. */
export function composeRuns(model: DockerfileModel, workspace: WorkspaceView): ComposeRun[] {
  const stage = model.finalStage;
  if (!stage) return [];
  const runs: ComposeRun[] = [];
  for (const file of workspace.files('compose')) {
    const compose = file.model as ComposeModel;
    for (const service of resolvedServices(compose, workspace)) {
      const image = builtImage(service, workspace);
      if (image === undefined || image === 'unknown' || image.path !== model.path || image.stage.index !== stage.index) continue;
      const mapping = portsOf(service)[0];
      runs.push({
        service: service.name,
        file: relativeTo(model.path, compose.path),
        ...(mapping ? { published: publishedPort(mapping) } : {}),
        ...ownHealthcheck(service),
      });
    }
  }
  return runs;
}

function publishedPort(mapping: PortMapping): { port: string; portNumber?: number } {
  const port = mapping.layer.model.text.slice(mapping.targetSpan.start, mapping.targetSpan.end);
  return { port, ...(mapping.target !== undefined ? { portNumber: mapping.target } : {}) };
}

/** The service's own health check; the image's HEALTHCHECK is what the Dockerfile rules look at. */
function ownHealthcheck(service: ResolvedService): Pick<ComposeRun, 'healthcheck'> {
  const found = service.field('healthcheck');
  const { reader } = found?.layer.model ?? {};
  const healthcheck = reader?.map(found?.value);
  if (!reader || !healthcheck) return {};
  if (isTrue(reader.get(healthcheck, 'disable'))) return { healthcheck: 'disabled' };
  const test = reader.get(healthcheck, 'test');
  const first = isSeq(test) ? scalarString(reader.items(test)[0]) : isMap(test) ? undefined : scalarString(test);
  if (first === undefined) return {};
  return { healthcheck: first.toUpperCase() === 'NONE' ? 'disabled' : 'declared' };
}
