import type { Rule } from '../../server/src/engine/rule';
import nonRootUser from './non-root-user';

export const dockerfileRules: Rule<any>[] = [nonRootUser];
