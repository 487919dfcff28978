import type { Rule } from '../server/src/engine/rule';
import { composeRules } from './compose';
import { dockerfileRules } from './dockerfile';
import { k8sRules } from './k8s';
import { nginxRules } from './nginx';
import { terraformRules } from './terraform';

/** Every rule, by kind. A meta-test checks that each file under rules/<kind>/ is registered here. */
export const ALL_RULES: readonly Rule<any>[] = [...dockerfileRules, ...k8sRules, ...nginxRules, ...terraformRules, ...composeRules];

export function ruleById(id: string): Rule<any> | undefined {
  return ALL_RULES.find((rule) => rule.meta.id === id);
}
