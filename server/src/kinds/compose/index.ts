import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { yamlParserText } from '../kubernetes/nodes';
import type { KindSupport } from '../types';
import { baseName, folderNames } from '../paths';
import { parseCompose, type ComposeModel } from './model';

export type { ComposeModel, ComposeService } from './model';

/** `compose.yaml`, `docker-compose.yml`, `docker-compose.prod.yml`, `compose.override.yaml`... */
const COMPOSE_NAME = /^(?:docker-)?compose(?:[.\-_][\w.-]*)?\.ya?ml$/i;
const YAML_FILE = /\.ya?ml$/i;
const SNIFF_LENGTH = 64 * 1024;
/** A top-level `services:` key and no Kubernetes `apiVersion`/`kind` pair: worth a parse. */
const SERVICES_KEY = /^services[ \t]*:/m;

/**
 * True when the text is a Compose file: its top level has `services:` mapping every name to a map,
 * one of which runs an image, a build or a base service, and it is not a Kubernetes object. Other
 * tools also have a top-level `services:` (GitLab CI's is a list, Azure Pipelines' maps to strings).
 */
export function looksLikeCompose(text: string): boolean {
  const head = text.slice(0, SNIFF_LENGTH);
  if (!SERVICES_KEY.test(head) || (/^apiVersion[ \t]*:/m.test(head) && /^kind[ \t]*:/m.test(head))) return false;
  let root: unknown;
  try {
    root = parseDocument(yamlParserText(head), { prettyErrors: false, merge: true }).contents;
  } catch {
    return false;
  }
  if (!isMap(root)) return false;
  const services = root.get('services', true);
  if (!isMap(services)) return false;
  const entries = services.items.filter((pair) => !String((pair.key as { value?: unknown } | null)?.value).startsWith('x-'));
  return entries.length > 0 && entries.every((pair) => isMap(pair.value)) && entries.some((pair) => isMap(pair.value) && SERVICE_KEYS.some((key) => (pair.value as YAMLMap).has(key)));
}

/** What a Compose service runs: at least one service of the file names an image, a build or a base service. */
const SERVICE_KEYS = ['image', 'build', 'extends'];

export const composeSupport: KindSupport<ComposeModel> = {
  kind: 'compose',
  readsKinds: ['dockerfile', 'nginx'],
  label: 'Docker Compose',
  commentPrefix: '#',
  claim(path) {
    if (!YAML_FILE.test(path) || folderNames(path).includes('.github')) return 'no';
    return COMPOSE_NAME.test(baseName(path)) ? 'yes' : 'sniff';
  },
  sniff: (text) => looksLikeCompose(text),
  parse: parseCompose,
};
