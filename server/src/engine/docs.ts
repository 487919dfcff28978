import manifest from '../../../package.json';

/**
 * Where rule pages live, from package.json's `repository` (the client reads the same field):
 * diagnostics link there (codeDescription.href) and SARIF names it helpUri.
 */
export const REPOSITORY_URL = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
