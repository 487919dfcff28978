/**
 * The check the cross-file edit tests end with: every file's findings in the service are those a
 * fresh analysis of the whole workspace gives, as the editor holds it (`texts`).
 */
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../rules';
import type { Finding } from '../../server/src/engine/types';
import type { ReadinessService } from '../../server/src/service';
import { WorkspaceIndex } from '../../server/src/workspace';

/** A finding as the comparison sees it: where, which rule, what it says. */
export const findingKey = (finding: Finding) => `${finding.range.start.line}:${finding.range.start.character} ${finding.ruleId} ${finding.message}`;

/** The service's findings for a file, as sorted keys (none when it reports no findings). */
export function findingKeysOf(service: ReadinessService, path: string): string[] {
  const report = service.fileReport(path);
  return report.state === 'findings' ? report.findings.map(findingKey).sort() : [];
}

/** Asserts that each file of `texts` has in `service` the findings of a fresh index of `root` holding `texts`. */
export function assertFindingsAsFresh(service: ReadinessService, root: string, texts: ReadonlyMap<string, string>, context = ''): void {
  const fresh = new WorkspaceIndex(root);
  for (const [file, content] of texts) fresh.setText(file, content);
  for (const file of texts.keys()) {
    const expected = fresh.has(file) && !fresh.skipReason(file) ? fresh.analyze(file, ALL_RULES, service.analysisSettings).findings.map(findingKey).sort() : [];
    assert.deepEqual(findingKeysOf(service, file), expected, `${file}${context}`);
  }
}
