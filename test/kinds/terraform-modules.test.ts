import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { terraformRules } from '../../rules/terraform';
import { analyzeFile } from '../../server/src/engine/analyze';
import type { BaseModel } from '../../server/src/engine/types';
import { initKinds } from '../../server/src/kinds';
import { terraformSupport } from '../../server/src/kinds/terraform';
import { plain, type Known } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { REGISTRY_MODULES, registryModelOf, registryModuleFor, versionOutsideRange } from '../../server/src/kinds/terraform/registry';
import { TerraformFile, valueOf } from '../../server/src/kinds/terraform/resources';
import { TerraformWorkspace } from '../../server/src/kinds/terraform/workspace';
import { workspaceOf } from '../helpers/rule-tester';

const parse = (text: string, path: string) => terraformSupport.parse(text, path) as TerraformModel;

/** The analyzed file (the first one) in a workspace of these files. */
function fileOf(files: Record<string, string>): TerraformFile {
  const models: Record<string, BaseModel> = {};
  for (const [path, text] of Object.entries(files)) models[path] = parse(text, path);
  const model = models[Object.keys(files)[0]] as TerraformModel;
  return TerraformFile.of({ model, workspace: workspaceOf(models) });
}

/** The value of `local.<name>` in the analyzed file's module, as plain data (undefined when unknown). */
function local(files: Record<string, string>, name: string): unknown {
  const file = fileOf(files);
  const value = file.home.scope.local(name);
  return value.known ? plain(value) : undefined;
}

describe('terraform modules and values', () => {
  before(() => initKinds());

  it('tells root modules from reusable ones', () => {
    const role = (files: Record<string, string>) => fileOf(files).role;
    assert.equal(role({ '/w/main.tf': 'resource "aws_s3_bucket" "b" {}\n' }), 'root');
    assert.equal(role({ '/w/main.tf': 'resource "aws_s3_bucket" "b" {}\n', '/w/variables.tf': '' }), 'reusable', 'looks published');
    assert.equal(role({ '/w/main.tf': 'provider "aws" {}\n', '/w/outputs.tf': '' }), 'root', 'configures a provider');
    assert.equal(role({ '/w/main.tf': 'terraform {\n  backend "s3" {}\n}\n', '/w/variables.tf': '' }), 'root', 'has a backend');
    assert.equal(role({ '/w/m/main.tf': 'provider "aws" {}\n', '/w/app/main.tf': 'module "m" {\n  source = "../m"\n}\n' }), 'reusable', 'called by another module');
  });

  it('evaluates the functions and operators modules use to compute their values', () => {
    const locals = (body: string) => ({ '/w/main.tf': `locals {\n${body}\n}\n` });
    const cases: [string, unknown][] = [
      ['compact(split(",", "0.0.0.0/0,,10.0.0.0/8"))', ['0.0.0.0/0', '10.0.0.0/8']],
      ['lookup({ a = 1 }, "b", 2)', 2],
      ['try({ a = 1 }["b"], "fallback")', 'fallback'],
      ['coalesce(null, "", "x")', 'x'],
      ['length(keys({ a = 1, b = 2 })) > 1 ? "many" : "one"', 'many'],
      ['sort(distinct(concat(["b", "a"], ["a", ""])))', ['', 'a', 'b']],
      ['[for v in [1, 2, 3] : v * 2 if v != 2]', [2, 6]],
      ['{ for k, v in { a = 1 } : upper(k) => v }', { A: 1 }],
      ['merge({ a = 1 }, { b = 2 }, null)', { a: 1, b: 2 }],
      ['"${upper("x")}-${1 + 1}"', 'X-2'],
      ['!true || (1 >= 1 && "a" != "b")', true],
      ['toset(["a", "a"])', ['a']],
      ['title(lower("SUSPENDED"))', 'Suspended'],
      ['element(["a", "b"], 3)', 'b'],
      ['flatten([["a"], [["b"]]])', ['a', 'b']],
    ];
    for (const [expression, expected] of cases) assert.deepEqual(local(locals(`  x = ${expression}`), 'x'), expected, expression);
    assert.equal(local(locals('  x = timestamp()'), 'x'), undefined, 'an unknown function');
    assert.equal(local(locals('  x = aws_s3_bucket.b.id'), 'x'), undefined, 'a resource attribute');
    assert.equal(local(locals('  a = local.b\n  b = local.a\n  x = local.a'), 'x'), undefined, 'a cycle of locals');
  });

  it('reads a variable by the role of its module: the default in a root, the argument when called, nothing in a reusable module', () => {
    const declared = 'variable "days" {\n  default = 3\n}\n';
    assert.equal(plain(fileOf({ '/w/main.tf': declared }).home.scope.variable('days') as Known), 3);
    assert.equal(fileOf({ '/w/main.tf': declared, '/w/variables.tf': '' }).home.scope.variable('days').known, false);
    const called = fileOf({
      '/w/app/main.tf': 'module "db" {\n  source = "../db"\n  days   = 9\n}\n',
      '/w/db/main.tf': declared + 'resource "aws_db_instance" "this" {\n  backup_retention_period = var.days\n}\n',
    });
    const [db] = called.resources('aws_db_instance');
    const value = valueOf(db, 'backup_retention_period') as Known;
    assert.equal(value.value, 9);
    // From the resource outward: the reference in the module, then the argument the caller wrote.
    assert.deepEqual(value.sites.map((site) => [site.path, site.kind, site.exact ?? false]), [
      ['/w/db/main.tf', 'value', false],
      ['/w/app/main.tf', 'value', true],
    ]);
  });

  it('follows module calls through count and for_each, and stops at cycles and depth', () => {
    const file = fileOf({
      '/w/app/main.tf': 'module "db" {\n  for_each = { a = true, b = false }\n  source   = "../db"\n  create   = each.value\n}\nmodule "loop" {\n  source = "../loop"\n}\n',
      '/w/db/main.tf': 'variable "create" {}\nresource "aws_db_instance" "this" {\n  count = var.create ? 1 : 0\n}\n',
      '/w/loop/main.tf': 'module "again" {\n  source = "../loop"\n}\nmodule "other" {\n  source = "../app"\n}\nresource "aws_kms_key" "k" {}\n',
    });
    assert.deepEqual(file.resources('aws_db_instance').map((view) => view.address), ['module.db["a"].aws_db_instance.this']);
    assert.deepEqual(file.resources('aws_kms_key').map((view) => view.address), ['module.loop.aws_kms_key.k']);
  });

  it('builds the workspace index once per workspace state and the file analysis once per model', () => {
    const main = parse('module "m" {\n  source = "../m"\n}\n', '/w/app/main.tf');
    const view = workspaceOf({ [main.path]: main });
    assert.equal(TerraformWorkspace.of(view), TerraformWorkspace.of(view));
    assert.equal(TerraformFile.of({ model: main, workspace: view }), TerraformFile.of({ model: main, workspace: view }));
    assert.notEqual(TerraformWorkspace.of(workspaceOf({ [main.path]: main })), TerraformWorkspace.of(view));
  });

  it('recognises registry module sources in the forms Terraform accepts', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['terraform-aws-modules/rds/aws', 'terraform-aws-modules/rds/aws', undefined],
      ['registry.terraform.io/terraform-aws-modules/vpc/aws', 'terraform-aws-modules/vpc/aws', undefined],
      ['git::https://github.com/terraform-aws-modules/terraform-aws-s3-bucket.git?ref=v4.1.2', 'terraform-aws-modules/s3-bucket/aws', '4.1.2'],
      ['github.com/terraform-aws-modules/terraform-aws-security-group//modules/ssh?ref=v5.1.0', 'terraform-aws-modules/security-group/aws//modules/ssh', '5.1.0'],
      ['terraform-aws-modules/cloudwatch/aws//modules/log-group', 'terraform-aws-modules/cloudwatch/aws//modules/log-group', undefined],
      ['terraform-aws-modules/iam/aws//modules/iam-policy', undefined, undefined],
      ['./modules/rds', undefined, undefined],
    ];
    for (const [source, module, ref] of cases) {
      const found = registryModuleFor(source);
      assert.equal(found?.module.source, module, source);
      assert.equal(found?.refVersion, ref, source);
    }
  });

  it('keeps defaults only for the versions a mapping was checked against', () => {
    const range = { from: '6.0.0', below: '9.0.0' };
    const cases: [string | undefined, boolean][] = [
      ['~> 8.0', false],
      ['8.7.0', false],
      ['>= 6.1, < 9.0', false],
      ['~> 9.0', true],
      ['~> 5.0', true],
      ['>= 6.0', true],
      ['< 8.0', true],
      [undefined, true],
    ];
    for (const [constraint, outside] of cases) assert.equal(versionOutsideRange(constraint, range), outside, String(constraint));
    assert.equal(versionOutsideRange(undefined, { from: '7.0.0' }), false, 'the latest version, in an open range');
  });

  it('ships one parsed mapping per registry module, each with the versions it was checked against', () => {
    const sources = new Set<string>();
    for (const module of REGISTRY_MODULES) {
      assert.ok(!sources.has(module.source), `${module.source} is mapped twice`);
      sources.add(module.source);
      assert.match(module.versions.from, /^\d+\.\d+\.\d+$/);
      assert.ok(module.checkedAgainst.length > 10);
      const model = registryModelOf(module);
      assert.deepEqual(model.errors, [], module.source);
      assert.ok(model.blocks.some((block) => block.type === 'resource' || block.type === 'module'), module.source);
    }
    for (const name of ['rds', 'rds-aurora', 's3-bucket', 'security-group', 'alb', 'elb', 'vpc', 'eks', 'kms']) assert.ok(sources.has(`terraform-aws-modules/${name}/aws`), name);
  });

  it('analyzes Terraform nested 2,000 levels deep without a crash: one limit finding, no rule error', () => {
    const text = 'resource "aws_security_group" "deep" {\n' + 'ingress {\n'.repeat(2000) + '}\n'.repeat(2000) + '}\nlocals {\n  x = ' + '['.repeat(2000) + ']'.repeat(2000) + '\n}\n';
    const model = parse(text, '/w/main.tf');
    const { findings } = analyzeFile({ model, rules: terraformRules });
    assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error'), []);
    assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/syntax').map((finding) => finding.message.slice(0, 27)), ['Nesting deeper than 100 lev']);
  });

  it('inspects nothing in an empty file or a file with one variable block, whatever the rule', () => {
    for (const text of ['', 'variable "region" {\n  default = "eu-west-1"\n}\n']) {
      const model = parse(text, '/w/main.tf');
      const { inspected, findings } = analyzeFile({ model, rules: terraformRules, workspace: workspaceOf({ [model.path]: model }) });
      assert.deepEqual(inspected, []);
      assert.deepEqual(findings, []);
    }
  });
});
