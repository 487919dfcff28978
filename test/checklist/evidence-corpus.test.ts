import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { DETECTORS, isEvidenceCandidate } from '../../server/src/checklist/evidence/index';
import { SourceFile } from '../../server/src/checklist/evidence/source';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../../server/src/engine/files';

const CORPUS = resolve(__dirname, '../../../shared/corpus/real');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('every detector runs on every real-world candidate file without throwing', (t) => {
  if (!existsSync(CORPUS)) return t.skip('corpus not present');
  let checked = 0;
  for (const absolute of files(CORPUS)) {
    // Corpus names flatten paths with "__"; restoring them gives detectors realistic paths.
    const path = relative(CORPUS, absolute).replace(/__/g, '/');
    // The workspace index never reads a file over the size limit, for rules or evidence.
    if (!isEvidenceCandidate(path) || statSync(absolute).size > DEFAULT_MAX_FILE_SIZE_KB * 1024) continue;
    const file = new SourceFile({ path, text: readFileSync(absolute, 'utf8') });
    // The same short-cuts as runDetectors: CRD-only files and files without a detector's hint are skipped.
    if (file.isCrdOnly) continue;
    for (const detector of DETECTORS) {
      if (!detector.appliesTo(file) || (detector.textHint && !detector.textHint.test(file.text))) continue;
      let hits;
      try {
        hits = detector.detect(file);
      } catch (error) {
        assert.fail(`${detector.id} threw on ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const hit of hits) {
        const internal = hit.item.startsWith('fact:') || hit.item.startsWith('declared:');
        assert.ok(internal || detector.proves[hit.item], `${detector.id} reported ${hit.item}, which it does not declare`);
        if (hit.item.startsWith('fact:')) assert.ok(hit.fact, `${detector.id}: a fact carries its fields`);
        if (hit.declares) assert.ok(Number.isFinite(hit.declares.value) && hit.declares.span.start <= hit.declares.span.end && hit.declares.span.end <= file.text.length, `${detector.id} declares a value inside ${path}`);
        assert.ok(hit.line === undefined || (Number.isInteger(hit.line) && hit.line >= 0), `${detector.id} line on ${path}`);
      }
    }
    checked++;
  }
  assert.ok(checked > 0);
});
