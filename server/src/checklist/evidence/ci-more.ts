import type { Detector, SourceFile } from './source';

export const CI_MORE_DETECTORS: Detector[] = [];

export function isRepositoryMetaFile(file: SourceFile): boolean {
  return false;
}
