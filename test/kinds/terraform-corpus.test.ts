import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { terraformRules } from '../../rules/terraform';
import { analyzeModel } from '../../server/src/engine/analyze';
import type { BaseModel } from '../../server/src/engine/types';
import { initKinds } from '../../server/src/kinds';
import { terraformSupport } from '../../server/src/kinds/terraform';
import { workspaceOf } from '../helpers/rule-tester';

const corpus = path.resolve(__dirname, '../../../shared/corpus/real/terraform');

function tfFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tfFiles(full) : name.endsWith('.tf') ? [full] : [];
  });
}

describe('terraform corpus', () => {
  before(() => initKinds());

  it('parses and analyzes every real file without a crash or a rule error', (t) => {
    if (!existsSync(corpus)) {
      t.skip(`no corpus at ${corpus}`);
      return;
    }
    const started = Date.now();
    const models: Record<string, BaseModel> = {};
    for (const file of tfFiles(corpus)) models[file] = terraformSupport.parse(readFileSync(file, 'utf8'), file);
    assert.ok(Object.keys(models).length > 0);
    const workspace = workspaceOf(models);
    const problems: string[] = [];
    for (const model of Object.values(models)) {
      const findings = analyzeModel({ model, rules: terraformRules, workspace });
      for (const finding of findings.filter((f) => f.ruleId === 'readiness/rule-error')) problems.push(`${model.path}: ${finding.message}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(Date.now() - started < 60_000, 'the corpus took more than a minute');
  });
});
