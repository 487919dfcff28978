import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { terraformRules } from '../../rules/terraform';
import { analyzeModel } from '../../server/src/engine/analyze';
import type { BaseModel, Finding } from '../../server/src/engine/types';
import { initKinds } from '../../server/src/kinds';
import { terraformSupport } from '../../server/src/kinds/terraform';
import { TerraformFile } from '../../server/src/kinds/terraform/resources';
import { workspaceOf } from '../helpers/rule-tester';

const corpus = path.resolve(__dirname, '../../../shared/corpus/real/terraform');
const manifest = path.resolve(__dirname, '../../../shared/corpus/real/manifest.json');

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

  it('laid out as the original repositories: examples are reported at the arguments they pass, reusable modules get no claim about what callers decide', (t) => {
    if (!existsSync(manifest)) {
      t.skip(`no corpus manifest at ${manifest}`);
      return;
    }
    // The same layout as ../shared/corpus/real-tree.mjs, kept in memory.
    const { files } = JSON.parse(readFileSync(manifest, 'utf8')) as { files: { repo: string; path: string; file: string }[] };
    const models: Record<string, BaseModel> = {};
    for (const file of files.filter((entry) => entry.path.endsWith('.tf'))) {
      const where = `/corpus/${file.repo.replace('/', '__')}/${file.path}`;
      models[where] = terraformSupport.parse(readFileSync(path.join(corpus, '..', file.file), 'utf8'), where);
    }
    const workspace = workspaceOf(models);
    const findings: Finding[] = [];
    const claimsInReusable: string[] = [];
    const callerDefaults: string[] = [];
    for (const model of Object.values(models)) {
      const own = analyzeModel({ model, rules: terraformRules, workspace }).filter((finding) => finding.ruleId.startsWith('terraform/'));
      findings.push(...own);
      if (TerraformFile.of({ model: model as never, workspace }).role !== 'reusable') continue;
      for (const finding of own) {
        const where = `${finding.ruleId} ${finding.path.replace('/corpus/', '')}:${finding.range.start.line + 1}`;
        // The only thing said in a reusable module: a default its callers get when they pass nothing, at most as information.
        if (finding.messageId === 'callerDefault' && finding.severity === 'information') callerDefaults.push(where);
        else claimsInReusable.push(where);
      }
    }
    assert.deepEqual(claimsInReusable, []);
    assert.deepEqual(callerDefaults.sort(), [
      'terraform/log-retention terraform-aws-modules__terraform-aws-vpc/vpc-flow-logs.tf:71',
      'terraform/rds-backup-retention terraform-aws-modules__terraform-aws-rds/main.tf:136',
      'terraform/rds-backup-retention terraform-aws-modules__terraform-aws-rds/modules/db_instance/main.tf:103',
      'terraform/rds-deletion-protection terraform-aws-modules__terraform-aws-rds/main.tf:162',
      'terraform/rds-deletion-protection terraform-aws-modules__terraform-aws-rds/modules/db_instance/main.tf:115',
      'terraform/rds-monitoring terraform-aws-modules__terraform-aws-rds/main.tf:64',
      'terraform/rds-monitoring terraform-aws-modules__terraform-aws-rds/modules/db_instance/main.tf:30',
      'terraform/rds-multi-az terraform-aws-modules__terraform-aws-rds/main.tf:111',
      'terraform/rds-multi-az terraform-aws-modules__terraform-aws-rds/modules/db_instance/main.tf:70',
    ]);
    const at = (ruleId: string, file: string, line: number, text: string) => {
      const found = findings.find((finding) => finding.ruleId === ruleId && finding.path.endsWith(file) && finding.range.start.line + 1 === line);
      assert.ok(found, `${ruleId} at ${file}:${line}`);
      assert.equal(models[found.path].text.slice(found.span.start, found.span.end), text);
    };
    const rds = 'terraform-aws-rds/examples/complete-postgres/main.tf';
    at('terraform/rds-backup-retention', rds, 70, '1');
    at('terraform/rds-deletion-protection', rds, 72, 'false');
    at('terraform/rds-backup-retention', rds, 135, '0');
    at('terraform/rds-multi-az', rds, 105, 'module "db_default"');
    at('terraform/rds-encryption', 'terraform-aws-rds/examples/replica-postgres/main.tf', 69, 'false');
    at('terraform/open-ingress', 'terraform-aws-security-group/examples/complete/main.tf', 82, '"0.0.0.0/0,2.2.2.2/32"');
    at('terraform/s3-versioning', 'terraform-aws-vpc/examples/flow-log/main.tf', 101, 'module "s3_bucket"');
  });
});
