import manifest from '../../package.json';

/** The extension's version, shown by `readiness --version`, in SARIF and in the server's info. */
export const VERSION: string = manifest.version;

/**
 * The repository, from package.json's `repository` (the client reads the same field): rule pages
 * live there, diagnostics link to them and SARIF names it.
 */
export const REPOSITORY_URL = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
