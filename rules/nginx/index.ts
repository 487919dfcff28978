import type { Rule } from '../../server/src/engine/rule';

export const nginxRules: Rule<any>[] = [];
