import type { Detector, SourceFile } from './source';
export const NGINX_DETECTORS: Detector[] = [];
export function isNginxConfigPath(file: SourceFile): boolean {
  return false;
}
