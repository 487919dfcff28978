import type { Locale } from '../../i18n';
import type { EvidenceHit } from '../types';
import { FACT_PREFIX } from './source';
import type { EvidenceSource } from './index';

export const JOINS: (EvidenceSource & { join(): void })[] = [];

export function joinFacts(evidence: Map<string, EvidenceHit[]>, locale: Locale): Map<string, EvidenceHit[]> {
  for (const key of [...evidence.keys()]) if (key.startsWith(FACT_PREFIX)) evidence.delete(key);
  return evidence;
}
