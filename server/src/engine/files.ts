/** Checks at the edge, before a file is parsed: too large, or not text at all. */

export const DEFAULT_MAX_FILE_SIZE_KB = 1024;

export function skipReasonForContent(text: string, maxFileSizeKb: number = DEFAULT_MAX_FILE_SIZE_KB): string | undefined {
  const sizeKb = Buffer.byteLength(text, 'utf8') / 1024;
  if (sizeKb > maxFileSizeKb) return `not analyzed: ${Math.round(sizeKb)} KB is over readiness.maxFileSizeKb (${maxFileSizeKb} KB)`;
  if (looksBinary(text)) return 'not analyzed: binary file';
  return undefined;
}

/** A NUL in the first 8 KB, as git and most editors decide. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}
