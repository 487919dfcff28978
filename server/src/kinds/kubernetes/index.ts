import type { KindSupport } from '../types';
import type { BaseModel } from '../../engine/types';

// Placeholder until the Kubernetes model lands: claims no file.
export const kubernetesSupport: KindSupport<BaseModel> = {
  kind: 'kubernetes',
  label: 'Kubernetes',
  commentPrefix: '#',
  claim: () => 'no',
  parse: (text, path) => ({ kind: 'kubernetes', path, text, errors: [] }),
};
