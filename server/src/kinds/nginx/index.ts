import type { KindSupport } from '../types';
import type { BaseModel } from '../../engine/types';

// Placeholder until the nginx model lands: claims no file.
export const nginxSupport: KindSupport<BaseModel> = {
  kind: 'nginx',
  label: 'nginx',
  commentPrefix: '#',
  claim: () => 'no',
  parse: (text, path) => ({ kind: 'nginx', path, text, errors: [] }),
};
