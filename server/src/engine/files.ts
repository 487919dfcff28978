/** Checks at the edge, before a file is parsed: too large, or not text at all. */

/**
 * 4 MB: a whole install bundle (argo-cd's install.yaml, 1.9 MB) is analyzed by default; the limit
 * is there to keep generated and vendored giants out, not real manifests.
 */
export const DEFAULT_MAX_FILE_SIZE_KB = 4096;

export function skipReasonForContent(text: string, maxFileSizeKb: number = DEFAULT_MAX_FILE_SIZE_KB): string | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxFileSizeKb * 1024) return tooLargeReason(bytes, maxFileSizeKb);
  if (looksBinary(text)) return 'not analyzed: binary file';
  return undefined;
}

export function tooLargeReason(bytes: number, maxFileSizeKb: number): string {
  return `not analyzed: ${Math.round(bytes / 1024)} KB is over readiness.maxFileSizeKb (${maxFileSizeKb} KB)`;
}

/** A NUL in the first 8 KB, as git and most editors decide. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/**
 * The text without a leading UTF-8 byte order mark. Editors (VS Code among them) drop it from the
 * document, so a file read from disk must too, or every range on its first line is one off.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
