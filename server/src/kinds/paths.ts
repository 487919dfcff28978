export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** The path's folders, lower-cased, for rules like "*.conf under conf.d/". */
export function folderNames(path: string): string[] {
  return path.split(/[\\/]/).slice(0, -1).map((part) => part.toLowerCase());
}
