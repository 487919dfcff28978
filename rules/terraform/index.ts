import type { Rule } from '../../server/src/engine/rule';

export const terraformRules: Rule<any>[] = [];
