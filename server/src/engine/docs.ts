import { REPOSITORY_URL } from '../package-info';

/** A rule's page: diagnostics link there (codeDescription.href) and SARIF names it helpUri. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
