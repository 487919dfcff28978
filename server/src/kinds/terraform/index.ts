import type { KindSupport } from '../types';
import type { BaseModel } from '../../engine/types';

// Placeholder until the Terraform model lands: claims no file.
export const terraformSupport: KindSupport<BaseModel> = {
  kind: 'terraform',
  label: 'Terraform',
  commentPrefix: '#',
  claim: () => 'no',
  parse: (text, path) => ({ kind: 'terraform', path, text, errors: [] }),
};
