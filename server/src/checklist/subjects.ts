/**
 * The subjects rules inspect, grouped by the file kind whose rules inspect them: which files could
 * prove an item, for "To verify", and which rule packs an item waits for.
 */
import type { FileKind, Subject } from '../engine/types';

export const SUBJECT_KINDS: Record<Subject, FileKind> = {
  image: 'dockerfile',
  stage: 'dockerfile',
  instruction: 'dockerfile',
  container: 'kubernetes',
  workload: 'kubernetes',
  object: 'kubernetes',
  http: 'nginx',
  server: 'nginx',
  location: 'nginx',
  database: 'terraform',
  bucket: 'terraform',
  'security-group': 'terraform',
  'load-balancer': 'terraform',
  listener: 'terraform',
  'target-group': 'terraform',
  cache: 'terraform',
  key: 'terraform',
  'log-group': 'terraform',
  volume: 'terraform',
  resource: 'terraform',
  service: 'compose',
};

/** The file kinds whose rules inspect any of these subjects. */
export function kindsOfSubjects(subjects: readonly Subject[]): Set<FileKind> {
  return new Set(subjects.map((subject) => SUBJECT_KINDS[subject]));
}
