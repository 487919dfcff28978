import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeFile, analyzeModel } from '../../server/src/engine/analyze';
import type { BaseModel } from '../../server/src/engine/types';
import { kubernetesSupport } from '../../server/src/kinds/kubernetes';
import { k8sRules } from '../../rules/k8s';
import { workspaceOf } from '../helpers/rule-tester';

const corpus = path.resolve(__dirname, '../../../shared/corpus/real/k8s');

describe('kubernetes corpus', () => {
  /** Every real manifest, parsed once for both passes (parsing 14 MB of YAML is most of the cost). */
  const models: Record<string, BaseModel> = {};

  before(() => {
    if (!existsSync(corpus)) return;
    for (const name of readdirSync(corpus).filter((entry) => /\.ya?ml$/i.test(entry))) {
      const file = path.join(corpus, name);
      models[file] = kubernetesSupport.parse(readFileSync(file, 'utf8'), file);
    }
  });

  it('analyzes every real manifest on its own without a crash or a rule error', (t) => {
    if (!existsSync(corpus)) {
      t.skip(`no corpus at ${corpus}`);
      return;
    }
    assert.ok(Object.keys(models).length > 0);
    for (const model of Object.values(models)) {
      const findings = analyzeModel({ model, rules: k8sRules });
      assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message), [], model.path);
    }
  });

  it('analyzes the corpus as one workspace (cross-file rules use the shared index) without a rule error', (t) => {
    if (!existsSync(corpus)) {
      t.skip(`no corpus at ${corpus}`);
      return;
    }
    const workspace = workspaceOf(models);
    for (const model of Object.values(models)) {
      const { findings, inspected } = analyzeFile({ model, rules: k8sRules, workspace });
      assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message), [], model.path);
      for (const finding of findings) assert.ok(finding.span.start <= finding.span.end && finding.span.end <= model.text.length, `${finding.ruleId} range in ${model.path}`);
      for (const finding of findings.filter((candidate) => candidate.ruleId.startsWith('k8s/'))) {
        assert.ok(inspected.some((inspection) => inspection.ruleId === finding.ruleId), `${finding.ruleId} reported in ${model.path} without inspecting anything`);
      }
    }
  });
});
