import type { RuleMeta } from './rule';

/** Where rule pages live; diagnostics link there (codeDescription.href) and SARIF names it helpUri. */
export const REPOSITORY_URL = 'https://github.com/readiness-team/production-readiness';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

export function ruleDocsPath(meta: Pick<RuleMeta, 'id'>): string {
  return `docs/rules/${meta.id}.md`;
}
