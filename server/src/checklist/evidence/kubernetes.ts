import type { Detector } from './source';
export const KUBERNETES_DETECTORS: Detector[] = [];
