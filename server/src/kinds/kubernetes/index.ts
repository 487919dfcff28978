import type { KindSupport } from '../types';
import { baseName, folderNames } from '../paths';
import { parseKubernetes, type KubernetesModel } from './model';

export type { KubernetesModel } from './model';

const YAML_FILE = /\.ya?ml$/i;
const READINESS_CONFIG = /^\.readiness\.ya?ml$/i;
/** Only the first few KB are sniffed: a manifest states apiVersion and kind near the top of a document. */
const SNIFF_LENGTH = 64 * 1024;

export const kubernetesSupport: KindSupport<KubernetesModel> = {
  kind: 'kubernetes',
  label: 'Kubernetes',
  commentPrefix: '#',
  claim(path) {
    if (!YAML_FILE.test(path) || READINESS_CONFIG.test(baseName(path))) return 'no';
    return folderNames(path).includes('.github') ? 'no' : 'sniff';
  },
  sniff(text) {
    const head = text.slice(0, SNIFF_LENGTH);
    return /^apiVersion[ \t]*:/m.test(head) && /^kind[ \t]*:/m.test(head);
  },
  skipReason(text, path) {
    return text.includes('{{') && folderNames(path).includes('templates') ? 'not analyzed: Helm template' : undefined;
  },
  parse: parseKubernetes,
};
