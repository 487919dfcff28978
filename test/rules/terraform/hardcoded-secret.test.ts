import rule from '../../../rules/terraform/hardcoded-secret';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  password = var.db_password\n}\n',
    'resource "aws_db_instance" "main" {\n  manage_master_user_password = true\n  password_length             = 32\n}\n',
    'resource "aws_rds_cluster" "main" {\n  master_password = data.aws_secretsmanager_secret_version.db.secret_string\n}\n',
    { name: 'interpolated templates are not literals', code: 'provider "aws" {\n  token = "${var.token}"\n}\n' },
    { name: 'variables and locals are not scanned', code: 'locals {\n  password = "local-only"\n}\n' },
    { name: 'nothing to inspect without secret-like arguments', code: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n', inspected: [] },
    { name: 'a secret argument from a variable is inspected, not reported', code: 'module "db" {\n  source   = "terraform-aws-modules/rds/aws"\n  password = var.db_password\n}\n', inspected: ['resource'] },
  ],
  invalid: [
    {
      name: 'RDS password: replaced by a variable appended at the end',
      code: 'resource "aws_db_instance" "main" {\n  username = "admin"\n  password = "hunter2"\n}\n',
      errors: [{ messageId: 'literal', line: 3, column: 14, endLine: 3, endColumn: 23, message: 'password is a literal secret that ends up in version control and plans; pass it through a sensitive variable (var.main_password) fed from a secret manager.' }],
      output: 'resource "aws_db_instance" "main" {\n  username = "admin"\n  password = var.main_password\n}\n\nvariable "main_password" {\n  type      = string\n  sensitive = true\n}\n',
    },
    {
      name: 'provider keys, no trailing newline',
      code: 'provider "aws" {\n  access_key = "AKIAEXAMPLE"\n  secret_key = "wJalrXUtnFEMI"\n}',
      errors: [
        { messageId: 'literal', line: 2, column: 16, endLine: 2, endColumn: 29 },
        { messageId: 'literal', line: 3, column: 16, endLine: 3, endColumn: 31 },
      ],
      output: 'provider "aws" {\n  access_key = var.aws_access_key\n  secret_key = var.aws_secret_key\n}\n\nvariable "aws_access_key" {\n  type      = string\n  sensitive = true\n}\n\nvariable "aws_secret_key" {\n  type      = string\n  sensitive = true\n}',
    },
    {
      name: 'nested block; the variable already exists in the module',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  auth_token = "s3cr3t-t0ken-value"\n}\n',
      files: { 'variables.tf': 'variable "cache_auth_token" {\n  type      = string\n  sensitive = true\n}\n' },
      errors: [{ messageId: 'literal', line: 2, column: 16, endLine: 2, endColumn: 36 }],
      output: 'resource "aws_elasticache_replication_group" "cache" {\n  auth_token = var.cache_auth_token\n}\n',
    },
    {
      name: 'a module argument',
      code: 'module "db" {\n  source   = "terraform-aws-modules/rds/aws"\n  password = "SuperSecretPassw0rd"\n}\n',
      errors: [{ messageId: 'literal', line: 3, column: 14, endLine: 3, endColumn: 35 }],
      output: 'module "db" {\n  source   = "terraform-aws-modules/rds/aws"\n  password = var.db_password\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
      inspected: ['resource'],
    },
  ],
});
