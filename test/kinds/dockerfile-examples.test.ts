/**
 * The examples that document each Dockerfile rule are checked like code (ESLint's
 * check-rule-examples): the bad one makes the rule report, the good one does not. The bundled
 * examples/Dockerfile shows every Dockerfile rule at least once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dockerfileRules } from '../../rules/dockerfile';
import { analyzeModel } from '../../server/src/engine/analyze';
import { parseDockerfile } from '../../server/src/kinds/dockerfile/model';

const ruleIds = (text: string, rules = dockerfileRules) => analyzeModel({ model: parseDockerfile(text, '/work/Dockerfile'), rules }).map((finding) => finding.ruleId);

describe('dockerfile rule examples', () => {
  for (const rule of dockerfileRules) {
    const { id, examples } = rule.meta;
    it(`${id}: the bad example reports, the good one does not`, () => {
      assert.ok(examples, `${id} has examples`);
      assert.ok(ruleIds(examples.bad, [rule]).includes(id), `bad example of ${id}:\n${examples.bad}`);
      assert.deepEqual(ruleIds(examples.good, [rule]).filter((ruleId) => ruleId === id), [], `good example of ${id}:\n${examples.good}`);
    });
  }

  it('examples/Dockerfile shows every Dockerfile rule', () => {
    const text = readFileSync(path.resolve(__dirname, '../../examples/Dockerfile'), 'utf8');
    const found = new Set(ruleIds(text));
    assert.deepEqual(dockerfileRules.map((rule) => rule.meta.id).filter((id) => !found.has(id)), []);
  });
});
