import type { Rule } from '../../server/src/engine/rule';

export const k8sRules: Rule<any>[] = [];
