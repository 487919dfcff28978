import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/engine/analyze';
import { kubernetesSupport } from '../../server/src/kinds/kubernetes';
import { k8sRules } from '../../rules/k8s';

const corpus = path.resolve(__dirname, '../../../shared/corpus/real/k8s');

describe('kubernetes corpus', () => {
  it('analyzes every real manifest without a crash or a rule error', (t) => {
    if (!existsSync(corpus)) {
      t.skip(`no corpus at ${corpus}`);
      return;
    }
    const files = readdirSync(corpus).filter((name) => /\.ya?ml$/i.test(name));
    assert.ok(files.length > 0);
    for (const name of files) {
      const file = path.join(corpus, name);
      const text = readFileSync(file, 'utf8');
      const model = kubernetesSupport.parse(text, file);
      const findings = analyzeModel({ model, rules: k8sRules });
      assert.deepEqual(
        findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message),
        [],
        name,
      );
    }
  });
});
