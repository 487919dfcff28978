import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { terraformRules } from '../../rules/terraform';
import { analyzeModel } from '../../server/src/engine/analyze';
import { initKinds } from '../../server/src/kinds';
import { terraformSupport } from '../../server/src/kinds/terraform';
import { workspaceOf } from '../helpers/rule-tester';

const dir = path.resolve(__dirname, '../../examples/terraform');

describe('examples/terraform', () => {
  before(() => initKinds());

  it('is not ready in the advertised ways, across its two files', () => {
    const models = Object.fromEntries(
      ['main.tf', 'variables.tf'].map((name) => {
        const file = path.join(dir, name);
        return [file, terraformSupport.parse(readFileSync(file, 'utf8'), file)];
      }),
    );
    const main = models[path.join(dir, 'main.tf')];
    assert.deepEqual(main.errors, []);
    const findings = analyzeModel({ model: main, rules: terraformRules, workspace: workspaceOf(models) });
    const ids = new Set(findings.map((finding) => finding.ruleId));
    for (const id of ['lb-https', 'rds-encryption', 'rds-backup-retention', 'rds-public', 'hardcoded-secret', 's3-versioning', 'open-ingress', 'log-retention']) {
      assert.ok(ids.has(`terraform/${id}`), `expected a terraform/${id} finding`);
    }
    for (const id of ['lb-deletion-protection', 'lb-health-check']) assert.ok(!ids.has(`terraform/${id}`), `the seed's ${id} is ready`);
  });
});
