import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/engine/analyze';
import { nginxSupport } from '../../server/src/kinds/nginx';
import { nginxRules } from '../../rules/nginx';
import { workspaceOf } from '../helpers/rule-tester';

const corpus = path.resolve(__dirname, '../../../shared/corpus/real/nginx');

describe('nginx corpus', () => {
  it('parses and analyzes every real-world file without a crash', (t) => {
    if (!existsSync(corpus)) {
      t.skip('corpus not present');
      return;
    }
    const names = readdirSync(corpus).filter((name) => !name.startsWith('.'));
    assert.ok(names.length > 0);
    for (const name of names) {
      const file = path.join(corpus, name);
      const model = nginxSupport.parse(readFileSync(file, 'utf8'), file);
      const findings = analyzeModel({ model, rules: nginxRules, workspace: workspaceOf({ [file]: model }) });
      const crashes = findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => `${name}: ${finding.message}`);
      assert.deepEqual(crashes, []);
    }
  });

  it('analyzes the corpus as one workspace, includes resolved across files, in bounded time', (t) => {
    if (!existsSync(corpus)) {
      t.skip('corpus not present');
      return;
    }
    const models = Object.fromEntries(
      readdirSync(corpus)
        .filter((name) => !name.startsWith('.'))
        .map((name) => {
          const file = path.join(corpus, name);
          return [file, nginxSupport.parse(readFileSync(file, 'utf8'), file)];
        }),
    );
    const workspace = workspaceOf(models);
    const started = Date.now();
    for (const model of Object.values(models)) {
      const findings = analyzeModel({ model, rules: nginxRules, workspace });
      assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message), []);
    }
    assert.ok(Date.now() - started < 60_000, 'the corpus takes under a minute');
  });
});
