import { dirname } from 'node:path';
import type { KindSupport } from '../types';
import { baseName } from '../paths';
import type { TerraformModel } from './model';
import { initTerraformParser, parseTerraform } from './parser';

export type { TerraformModel } from './model';

export const terraformSupport: KindSupport<TerraformModel> = {
  kind: 'terraform',
  label: 'Terraform',
  commentPrefix: '#',
  // .tf.json uses JSON syntax, which this HCL grammar does not read.
  claim: (path) => (/\.(?:tf|tofu)$/i.test(baseName(path)) ? 'yes' : 'no'),
  // Rules pair resources across the .tf files of one module, which is one directory.
  crossFileScope: (path) => dirname(path),
  init: initTerraformParser,
  parse: parseTerraform,
};
