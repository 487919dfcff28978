import rule from '../../../rules/terraform/rds-backup-retention';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'enough days, whether a replica or not', code: 'resource "aws_db_instance" "main" {\n  replicate_source_db     = var.source_db\n  backup_retention_period = 14\n}\n', inspected: ['database'] },
    {
      name: 'registry module pinned outside the checked versions, retention passed: a replica source has no default in any version',
      code: 'module "db" {\n  source                  = "terraform-aws-modules/rds/aws"\n  version                 = "~> 3.0"\n  backup_retention_period = 12\n}\n',
      inspected: ['database'],
    },
    { code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}\n', inspected: ['database'] },
    'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 35\n}\n',
    { name: 'option lowers the minimum', code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 3\n}\n', options: { minDays: 3 } },
    { name: 'read replica', code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.main.identifier\n}\n', inspected: ['database?'] },
    { name: 'Aurora replica cluster', code: 'resource "aws_rds_cluster" "replica" {\n  replication_source_identifier = var.source_arn\n}\n' },
    { name: 'unknown', code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = var.days\n}\n' },
    { name: 'nothing to inspect', code: 'resource "aws_s3_bucket" "b" {}\n', inspected: [] },
    {
      name: 'registry Aurora module: backup_retention_period defaults to 7',
      code: 'module "aurora" {\n  source  = "terraform-aws-modules/rds-aurora/aws"\n  version = "~> 7.0"\n}\n',
      inspected: ['database'],
    },
    {
      name: 'registry module pinned outside the checked versions: defaults are unknown',
      code: 'module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "~> 5.0"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'more than 35 days: AWS rejects it (checkov CKV_AWS_133)',
      code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 36\n}\n',
      errors: [{ messageId: 'tooLong', line: 2, column: 29, endLine: 2, endColumn: 31, message: 'Database aws_db_instance.main asks for 36 days of backups, more than the 35 AWS allows, so the apply fails; set backup_retention_period between 7 and 35.' }],
      output: null,
    },
    {
      name: 'registry module pinned to 3.x with backups off (KICS "RDS With Backup Disabled")',
      code: 'module "db" {\n  source                  = "terraform-aws-modules/rds/aws"\n  version                 = "~> 3.0"\n  backup_retention_period = 0\n}\n',
      errors: [{ messageId: 'disabled', line: 4, column: 29, endLine: 4, endColumn: 30 }],
      output: 'module "db" {\n  source                  = "terraform-aws-modules/rds/aws"\n  version                 = "~> 3.0"\n  backup_retention_period = 7\n}\n',
      inspected: ['database'],
    },
    {
      name: 'reusable module: a default of one day is information at the default, with a fix',
      filename: 'modules/db/main.tf',
      code: 'variable "days" {\n  default = 1\n}\nresource "aws_db_instance" "this" {\n  backup_retention_period = var.days\n}\n',
      files: { 'outputs.tf': 'output "id" {\n  value = aws_db_instance.this.id\n}\n' },
      errors: [{ messageId: 'callerDefault', line: 2, column: 13, endLine: 2, endColumn: 14, message: 'Database aws_db_instance.this leaves backup_retention_period to its callers, and the default of var.days (1) keeps less than 7 days of backups; default it to 7 or more so that callers who omit it are safe.' }],
      output: 'variable "days" {\n  default = 7\n}\nresource "aws_db_instance" "this" {\n  backup_retention_period = var.days\n}\n',
      inspected: ['database?'],
    },
    {
      name: 'missing',
      code: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34, message: 'Database aws_db_instance.main sets no backup retention, so AWS keeps at most one day of backups; set backup_retention_period = 7 or more.' }],
      output: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  backup_retention_period = 7\n}\n',
    },
    {
      name: 'zero turns automated backups off (checkov CKV_AWS_133, KICS "RDS With Backup Disabled")',
      code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 0\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 29, endLine: 2, endColumn: 30, message: 'Database aws_db_instance.main turns automated backups off (retention 0), so there is no backup and no point-in-time recovery; set backup_retention_period = 7 or more.' }],
      output: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}\n',
    },
    {
      name: 'below the minimum on a cluster',
      code: 'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 1\n}\n',
      errors: [{ messageId: 'tooShort', line: 2, column: 29, endLine: 2, endColumn: 30, message: 'Database aws_rds_cluster.main keeps backups for 1 day(s), below the required 7; raise backup_retention_period to at least 7.' }],
      output: 'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 7\n}\n',
    },
    {
      name: 'option raises the minimum',
      code: 'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 7\n}\n',
      options: { minDays: 14 },
      errors: [{ messageId: 'tooShort', line: 2, column: 29, endLine: 2, endColumn: 30 }],
      output: 'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 14\n}\n',
    },
    {
      name: 'root module, default in the same file: reported at the default, which is the value to change',
      code: 'variable "days" {\n  default = 1\n}\nresource "aws_db_instance" "main" {\n  backup_retention_period = var.days\n}\n',
      errors: [{ messageId: 'tooShort', line: 2, column: 13, endLine: 2, endColumn: 14 }],
      output: 'variable "days" {\n  default = 7\n}\nresource "aws_db_instance" "main" {\n  backup_retention_period = var.days\n}\n',
    },
    {
      name: 'root module, default in variables.tf: reported on the reference, no fix',
      code: 'provider "aws" {}\nresource "aws_db_instance" "main" {\n  backup_retention_period = var.days\n}\n',
      files: { 'variables.tf': 'variable "days" {\n  default = 1\n}\n' },
      errors: [{ messageId: 'tooShort', line: 3, column: 29, endLine: 3, endColumn: 37 }],
      output: null,
    },
    {
      name: 'registry module leaving backup_retention_period at its default (null): at the call, with the argument added',
      code: 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n  engine = "postgres"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 12, message: 'Database module.db.aws_db_instance.this sets no backup retention, so AWS keeps at most one day of backups; set backup_retention_period = 7 or more.' }],
      output: 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n  engine = "postgres"\n  backup_retention_period = 7\n}\n',
      inspected: ['database'],
    },
    {
      name: 'registry module given 0',
      code: 'module "db" {\n  source                  = "terraform-aws-modules/rds/aws"\n  backup_retention_period = 0\n}\n',
      errors: [{ messageId: 'disabled', line: 3, column: 29, endLine: 3, endColumn: 30 }],
      output: 'module "db" {\n  source                  = "terraform-aws-modules/rds/aws"\n  backup_retention_period = 7\n}\n',
    },
    {
      name: 'registry module with a blue/green update and no retention: the module falls back to 1 day',
      code: 'module "db" {\n  source            = "terraform-aws-modules/rds/aws"\n  blue_green_update = { enabled = true }\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 12 }],
      output: null,
    },
  ],
});
