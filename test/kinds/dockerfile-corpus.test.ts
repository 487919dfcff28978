/**
 * Every real-world Dockerfile of the shared corpus parses and goes through every Dockerfile rule
 * without an exception or a crashed rule. Only completion is checked, not the findings.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { dockerfileRules } from '../../rules/dockerfile';
import { analyzeModel } from '../../server/src/engine/analyze';
import { initKinds } from '../../server/src/kinds';
import { parseDockerfile } from '../../server/src/kinds/dockerfile/model';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/real/dockerfile');

describe('dockerfile corpus', () => {
  before(() => initKinds());

  if (!existsSync(CORPUS)) {
    it('corpus present', (t) => t.skip(`no corpus at ${CORPUS}`));
    return;
  }
  const files = readdirSync(CORPUS).filter((name) => statSync(path.join(CORPUS, name)).isFile());

  it('has files', () => assert.ok(files.length > 0));

  for (const name of files) {
    it(name, () => {
      const file = path.join(CORPUS, name);
      const model = parseDockerfile(readFileSync(file, 'utf8'), file);
      const crashes = analyzeModel({ model, rules: dockerfileRules }).filter((finding) => finding.ruleId === 'readiness/rule-error');
      assert.deepEqual(crashes.map((finding) => finding.message), []);
    });
  }
});
