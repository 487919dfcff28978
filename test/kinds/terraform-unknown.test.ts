/**
 * Unknown is not proof (engine contract item 5) and "at most information" (item 6), for every
 * Terraform rule: a subject whose decisive value the files cannot show (a root variable without
 * default, a reusable module's variable, a data source, a module output, a registry module pinned
 * outside its mapped versions, a resource that may not be created) is inspected as unknown and
 * gets no finding; a known value is judged. In a reusable module, an unsafe default is reported at
 * most as information.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { terraformRules } from '../../rules/terraform';
import { initKinds } from '../../server/src/kinds';
import { analyzeCase } from '../helpers/rule-tester';

type Expected = 'unknown' | 'pass' | 'fail';

interface Row {
  rule: string;
  name: string;
  code: string;
  filename?: string;
  files?: Record<string, string>;
  expected: Expected;
}

/** A module another module calls, or that looks published, is reusable: its variables are its callers'. */
const REUSABLE = { filename: 'modules/unit/main.tf' };
const variables = (text: string) => ({ 'variables.tf': text });
const noDefault = (name: string, type = 'bool') => `variable "${name}" {\n  type = ${type}\n}\n`;

const ROWS: Row[] = [
  // rds-encryption: the reproduction from the checklist engineer, then every other source of unknown
  { rule: 'rds-encryption', name: 'root variable without default', code: `${noDefault('encrypted')}resource "aws_db_instance" "main" {\n  storage_encrypted = var.encrypted\n}\n`, expected: 'unknown' },
  { rule: 'rds-encryption', name: 'data source', code: 'resource "aws_db_instance" "main" {\n  storage_encrypted = data.terraform_remote_state.base.outputs.encrypted\n}\n', expected: 'unknown' },
  { rule: 'rds-encryption', name: 'module output', code: 'resource "aws_rds_cluster" "main" {\n  storage_encrypted = module.settings.encrypted\n}\n', expected: 'unknown' },
  { rule: 'rds-encryption', name: 'registry module pinned outside its mapped versions, setting left to the default', code: 'module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "~> 5.0"\n}\n', expected: 'unknown' },
  { rule: 'rds-encryption', name: 'registry module pinned outside its mapped versions, setting passed', code: 'module "db" {\n  source            = "terraform-aws-modules/rds/aws"\n  version           = "~> 5.0"\n  storage_encrypted = false\n}\n', expected: 'fail' },
  { rule: 'rds-encryption', name: 'reusable module, safe default', ...REUSABLE, code: 'resource "aws_db_instance" "this" {\n  storage_encrypted = var.encrypted\n}\n', files: variables('variable "encrypted" {\n  default = true\n}\n'), expected: 'unknown' },
  { rule: 'rds-encryption', name: 'Aurora engine_mode unknown, encryption off', code: `${noDefault('mode', 'string')}resource "aws_rds_cluster" "main" {\n  engine_mode       = var.mode\n  storage_encrypted = false\n}\n`, expected: 'unknown' },
  { rule: 'rds-encryption', name: 'root variable with a default', code: 'variable "encrypted" {\n  default = true\n}\nresource "aws_db_instance" "main" {\n  storage_encrypted = var.encrypted\n}\n', expected: 'pass' },
  { rule: 'rds-encryption', name: 'resource created only if a caller asks', ...REUSABLE, code: 'resource "aws_db_instance" "this" {\n  count             = var.create ? 1 : 0\n  storage_encrypted = true\n}\n', files: variables('variable "create" {\n  default = true\n}\n'), expected: 'unknown' },

  { rule: 'rds-backup-retention', name: 'root variable without default', code: `${noDefault('days', 'number')}resource "aws_db_instance" "main" {\n  backup_retention_period = var.days\n}\n`, expected: 'unknown' },
  { rule: 'rds-backup-retention', name: 'replica source from a data source, no retention', code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = data.aws_db_instance.primary.identifier\n}\n', expected: 'unknown' },
  { rule: 'rds-backup-retention', name: 'registry module pinned outside its mapped versions', code: 'module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "6.1.0"\n}\n', expected: 'unknown' },
  { rule: 'rds-backup-retention', name: 'enough days from a module output would still be unknown', code: 'resource "aws_rds_cluster" "main" {\n  backup_retention_period = module.policy.days\n}\n', expected: 'unknown' },

  { rule: 'rds-deletion-protection', name: 'root variable without default', code: `${noDefault('protect')}resource "aws_rds_cluster" "main" {\n  deletion_protection = var.protect\n}\n`, expected: 'unknown' },
  { rule: 'rds-multi-az', name: 'local fed by a data source', code: 'locals {\n  ha = data.aws_ssm_parameter.ha.value\n}\nresource "aws_db_instance" "main" {\n  multi_az = local.ha\n}\n', expected: 'unknown' },
  { rule: 'rds-public', name: 'data source', code: 'resource "aws_db_instance" "main" {\n  publicly_accessible = data.external.flags.result.public\n}\n', expected: 'unknown' },
  { rule: 'rds-public', name: 'known false', code: 'resource "aws_db_instance" "main" {\n  publicly_accessible = false\n}\n', expected: 'pass' },

  { rule: 'rds-monitoring', name: 'interval from a root variable without default, the rest off', code: `${noDefault('interval', 'number')}resource "aws_db_instance" "main" {\n  monitoring_interval = var.interval\n}\n`, expected: 'unknown' },
  { rule: 'rds-monitoring', name: 'Aurora cluster whose instances are elsewhere', code: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n}\n', expected: 'unknown' },
  { rule: 'rds-monitoring', name: 'Aurora instance joined through a value not known', code: 'resource "aws_rds_cluster" "main" {}\nresource "aws_rds_cluster_instance" "one" {\n  cluster_identifier = data.aws_rds_cluster.main.id\n}\n', expected: 'unknown' },
  { rule: 'rds-monitoring', name: 'Multi-AZ DB cluster with nothing on', code: 'resource "aws_rds_cluster" "main" {\n  engine                    = "postgres"\n  db_cluster_instance_class = "db.r6gd.large"\n}\n', expected: 'fail' },

  { rule: 'elasticache-encryption', name: 'root variable without default', code: `${noDefault('encrypt')}resource "aws_elasticache_replication_group" "main" {\n  at_rest_encryption_enabled = var.encrypt\n  transit_encryption_enabled = var.encrypt\n}\n`, expected: 'unknown' },
  { rule: 'elasticache-encryption', name: 'one flag unknown, the other off', code: `${noDefault('encrypt')}resource "aws_elasticache_replication_group" "main" {\n  at_rest_encryption_enabled = var.encrypt\n}\n`, expected: 'fail' },

  { rule: 'kms-rotation', name: 'key spec from a variable without default', code: `${noDefault('spec', 'string')}resource "aws_kms_key" "main" {\n  customer_master_key_spec = var.spec\n}\n`, expected: 'unknown' },
  { rule: 'kms-rotation', name: 'rotation from a module output', code: 'resource "aws_kms_key" "main" {\n  enable_key_rotation = module.policy.rotate\n}\n', expected: 'unknown' },

  { rule: 'lb-deletion-protection', name: 'registry ALB module pinned to 9.x (not mapped)', code: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 9.0"\n}\n', expected: 'unknown' },
  { rule: 'lb-deletion-protection', name: 'root variable without default', code: `${noDefault('protect')}resource "aws_lb" "main" {\n  enable_deletion_protection = var.protect\n}\n`, expected: 'unknown' },

  { rule: 'lb-https', name: 'listener protocol from a variable without default', code: `${noDefault('protocol', 'string')}resource "aws_lb_listener" "web" {\n  protocol = var.protocol\n}\n`, expected: 'unknown' },
  { rule: 'lb-https', name: 'HTTPS listener with a policy from a data source', code: 'resource "aws_lb_listener" "web" {\n  protocol   = "HTTPS"\n  ssl_policy = data.aws_ssm_parameter.policy.value\n}\n', expected: 'unknown' },
  { rule: 'lb-https', name: 'listener without protocol on a load balancer not in view', code: 'resource "aws_lb_listener" "web" {\n  load_balancer_arn = var.lb_arn\n}\n', expected: 'unknown' },
  { rule: 'lb-https', name: 'HTTP listener redirecting to a protocol not known', code: `${noDefault('scheme', 'string')}resource "aws_lb_listener" "web" {\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      protocol = var.scheme\n    }\n  }\n}\n`, expected: 'unknown' },
  { rule: 'lb-https', name: 'target group protocol from a module output', code: 'resource "aws_lb_target_group" "app" {\n  protocol = module.settings.protocol\n}\n', expected: 'unknown' },
  { rule: 'lb-https', name: 'listener without protocol on an ALB in view serves HTTP', code: 'resource "aws_lb" "web" {}\nresource "aws_lb_listener" "web" {\n  load_balancer_arn = aws_lb.web.arn\n}\n', expected: 'fail' },
  { rule: 'lb-https', name: 'listener without protocol on a Gateway Load Balancer', code: 'resource "aws_lb" "gw" {\n  load_balancer_type = "gateway"\n}\nresource "aws_lb_listener" "gw" {\n  load_balancer_arn = aws_lb.gw.arn\n}\n', expected: 'pass' },

  { rule: 'lb-health-check', name: 'path from a variable without default', code: `${noDefault('path', 'string')}resource "aws_lb_target_group" "app" {\n  protocol = "HTTP"\n  health_check {\n    path = var.path\n  }\n}\n`, expected: 'unknown' },
  { rule: 'log-retention', name: 'retention from a variable without default', code: `${noDefault('days', 'number')}resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = var.days\n}\n`, expected: 'unknown' },

  { rule: 'open-ingress', name: 'SSH from CIDRs of a variable without default', code: `${noDefault('cidrs', 'list(string)')}resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = var.cidrs\n}\n`, expected: 'unknown' },
  { rule: 'open-ingress', name: 'open to the internet on a port from a data source', code: 'resource "aws_security_group_rule" "app" {\n  type        = "ingress"\n  from_port   = data.external.app.result.port\n  to_port     = data.external.app.result.port\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n', expected: 'unknown' },
  { rule: 'open-ingress', name: 'rule type not known', code: `${noDefault('direction', 'string')}resource "aws_security_group_rule" "app" {\n  type        = var.direction\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n`, expected: 'unknown' },
  { rule: 'open-ingress', name: 'a known private source on an unknown port proves the rule closed', code: 'resource "aws_security_group_rule" "app" {\n  type        = "ingress"\n  from_port   = var.port\n  to_port     = var.port\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n}\n', expected: 'pass' },

  { rule: 's3-encryption', name: 'encryption configuration created on a variable without default', code: `${noDefault('encrypt')}resource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  count  = var.encrypt ? 1 : 0\n  bucket = aws_s3_bucket.data.id\n}\n`, expected: 'unknown' },
  {
    rule: 's3-versioning',
    name: 'versioning paired by a bucket name from a data source, with a status not known',
    code: `${noDefault('status', 'string')}resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = data.aws_s3_bucket.other.id\n  versioning_configuration {\n    status = var.status\n  }\n}\n`,
    expected: 'unknown',
  },
  { rule: 's3-versioning', name: 'inline versioning from a variable without default', code: `${noDefault('versioned')}resource "aws_s3_bucket" "data" {\n  versioning {\n    enabled = var.versioned\n  }\n}\n`, expected: 'unknown' },
  { rule: 's3-public-access', name: 'flag from a variable without default', code: `${noDefault('block')}resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = "data"\n  block_public_acls       = var.block\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`, expected: 'unknown' },
  { rule: 's3-public-access', name: 'registry s3-bucket module: the flags of its public access block are not mapped, so neither the block nor the bucket is judged', code: 'module "data" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "~> 5.0"\n}\n', expected: 'unknown' },
  { rule: 's3-public-access', name: 'ACL from a module output', code: 'resource "aws_s3_bucket_acl" "data" {\n  bucket = "data"\n  acl    = module.settings.acl\n}\n', expected: 'unknown' },
  { rule: 's3-replication', name: 'force_destroy not known: whether it must replicate is not known', code: `${noDefault('disposable')}resource "aws_s3_bucket" "data" {\n  force_destroy = var.disposable\n}\n`, expected: 'unknown' },

  { rule: 'ebs-encryption', name: 'volume encryption from a variable without default', code: `${noDefault('encrypted')}resource "aws_ebs_volume" "data" {\n  encrypted = var.encrypted\n}\n`, expected: 'unknown' },
  { rule: 'ebs-encryption', name: 'encryption by default not known', code: `${noDefault('on')}resource "aws_ebs_encryption_by_default" "account" {\n  enabled = var.on\n}\nresource "aws_ebs_volume" "data" {\n  size = 10\n}\n`, expected: 'unknown' },

  { rule: 'required-tags', name: 'tags from a variable without default', code: `provider "aws" {}\n${noDefault('tags', 'map(string)')}resource "aws_s3_bucket" "data" {\n  tags = var.tags\n}\n`, expected: 'unknown' },
  { rule: 'required-tags', name: 'reusable module: the provider is the caller\'s', ...REUSABLE, code: 'resource "aws_s3_bucket" "data" {\n  tags = {}\n}\n', files: variables('variable "name" {}\n'), expected: 'unknown' },
  { rule: 'hardcoded-secret', name: 'a variable is not a literal secret, known or not', code: `${noDefault('password', 'string')}resource "aws_db_instance" "main" {\n  password = var.password\n}\n`, expected: 'pass' },
];

/** Reusable modules whose default is unsafe: reported at most as information, whatever the rule's severity. */
const CALLER_DEFAULTS: { rule: string; code: string; variables: string; findings: number }[] = [
  { rule: 'rds-encryption', code: 'resource "aws_db_instance" "this" {\n  storage_encrypted = var.encrypted\n}\n', variables: 'variable "encrypted" {\n  default = false\n}\n', findings: 1 },
  { rule: 'rds-public', code: 'resource "aws_db_instance" "this" {\n  publicly_accessible = var.public\n}\n', variables: 'variable "public" {\n  default = true\n}\n', findings: 1 },
  { rule: 'rds-public', code: 'resource "aws_db_instance" "this" {\n  publicly_accessible = var.public\n}\n', variables: 'variable "public" {\n  default = false\n}\n', findings: 0 },
  { rule: 'rds-backup-retention', code: 'resource "aws_db_instance" "this" {\n  backup_retention_period = var.days\n}\n', variables: 'variable "days" {\n  default = 1\n}\n', findings: 1 },
  { rule: 'rds-backup-retention', code: 'resource "aws_db_instance" "this" {\n  backup_retention_period = var.days\n}\n', variables: 'variable "days" {\n  default = 14\n}\n', findings: 0 },
  { rule: 'rds-backup-retention', code: 'resource "aws_db_instance" "this" {\n  replicate_source_db     = var.source_db\n  backup_retention_period = var.days\n}\n', variables: 'variable "source_db" {\n  default = null\n}\nvariable "days" {\n  default = null\n}\n', findings: 1 },
  { rule: 'open-ingress', code: 'resource "aws_security_group_rule" "this" {\n  type        = "ingress"\n  from_port   = 5432\n  to_port     = 5432\n  protocol    = "tcp"\n  cidr_blocks = var.sources\n}\n', variables: 'variable "sources" {\n  default = ["10.0.0.0/8"]\n}\n', findings: 0 },
  { rule: 'lb-https', code: 'resource "aws_lb_listener" "this" {\n  protocol   = "HTTPS"\n  ssl_policy = var.policy\n}\n', variables: 'variable "policy" {\n  default = "ELBSecurityPolicy-2016-08"\n}\n', findings: 1 },
  { rule: 's3-public-access', code: 'resource "aws_s3_bucket_acl" "this" {\n  bucket = "data"\n  acl    = var.acl\n}\n', variables: 'variable "acl" {\n  default = "public-read"\n}\n', findings: 1 },
  { rule: 's3-encryption', code: 'resource "aws_s3_bucket" "this" {}\nresource "aws_s3_bucket_server_side_encryption_configuration" "this" {\n  count  = var.encrypt ? 1 : 0\n  bucket = aws_s3_bucket.this.id\n}\n', variables: 'variable "encrypt" {\n  default = false\n}\n', findings: 1 },
  { rule: 'kms-rotation', code: 'resource "aws_kms_key" "this" {\n  enable_key_rotation = var.rotate\n}\n', variables: 'variable "rotate" {\n  default = false\n}\n', findings: 1 },
  { rule: 'log-retention', code: 'resource "aws_cloudwatch_log_group" "this" {\n  retention_in_days = var.days\n}\n', variables: 'variable "days" {\n  default = 0\n}\n', findings: 1 },
];

function analyze(rule: string, testCase: { code: string; filename?: string; files?: Record<string, string> }) {
  const ruleId = `terraform/${rule}`;
  const found = terraformRules.find((candidate) => candidate.meta.id === ruleId);
  assert.ok(found, `no rule ${ruleId}`);
  const result = analyzeCase([found], 'terraform', testCase, ruleId);
  assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message), []);
  return {
    findings: result.findings.filter((finding) => finding.ruleId === ruleId && finding.path === result.model.path),
    inspected: result.inspected.filter((inspection) => inspection.ruleId === ruleId && inspection.path === result.model.path),
  };
}

describe('terraform: unknown is not proof', () => {
  before(() => initKinds());

  it('covers every Terraform rule', () => {
    const covered = new Set(ROWS.map((row) => `terraform/${row.rule}`));
    assert.deepEqual(terraformRules.map((rule) => rule.meta.id).filter((id) => !covered.has(id)), []);
  });

  for (const row of ROWS) {
    it(`${row.rule}: ${row.name} -> ${row.expected}`, () => {
      const { findings, inspected } = analyze(row.rule, row);
      assert.ok(inspected.length > 0, 'the subject is inspected');
      if (row.expected === 'fail') {
        assert.ok(findings.length > 0, 'a finding');
        return;
      }
      assert.deepEqual(findings.map((finding) => finding.message), []);
      const unknown = inspected.filter((inspection) => inspection.unknown).length;
      if (row.expected === 'unknown') assert.equal(unknown, inspected.length, 'every inspection is unknown');
      else assert.equal(unknown, 0, 'no inspection is unknown');
    });
  }
});

describe('terraform: a reusable module\'s unsafe default is at most information', () => {
  before(() => initKinds());

  for (const row of CALLER_DEFAULTS) {
    it(`${row.rule}: ${row.variables.replace(/\s+/g, ' ').trim()} -> ${row.findings} finding(s)`, () => {
      const { findings, inspected } = analyze(row.rule, { code: row.code, ...REUSABLE, files: variables(row.variables) });
      assert.equal(findings.length, row.findings, findings.map((finding) => finding.message).join('\n'));
      for (const finding of findings) {
        assert.equal(finding.severity, 'information');
        assert.match(finding.message, /callers?/);
      }
      // The default is not the deployed value: the subject stays unknown.
      assert.ok(inspected.length > 0 && inspected.every((inspection) => inspection.unknown));
    });
  }
});
