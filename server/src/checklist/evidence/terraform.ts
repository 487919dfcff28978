import type { Detector } from './source';
export const TERRAFORM_DETECTORS: Detector[] = [];
