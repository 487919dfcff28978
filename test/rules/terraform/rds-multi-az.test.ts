import rule from '../../../rules/terraform/rds-multi-az';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  multi_az = true\n}\n',
    { name: 'Aurora clusters get standbys from their instances', code: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-mysql"\n}\n' },
    { name: 'unknown', code: 'resource "aws_db_instance" "main" {\n  multi_az = var.environment == "prod"\n}\n' },
    { name: 'nothing to inspect in an Aurora-only file', code: 'resource "aws_rds_cluster" "main" {}\n', inspected: [] },
    { name: 'registry module with multi_az = true', code: 'module "db" {\n  source   = "terraform-aws-modules/rds/aws"\n  multi_az = true\n}\n', inspected: ['database'] },
  ],
  invalid: [
    {
      name: 'conditional resource in a reusable module: the caller decides; the unsafe default is information',
      filename: 'modules/db/main.tf',
      code: 'resource "aws_db_instance" "this" {\n  count    = var.create ? 1 : 0\n  multi_az = var.multi_az\n}\n',
      files: { 'variables.tf': 'variable "create" {\n  default = false\n}\nvariable "multi_az" {\n  default = false\n}\n' },
      inspected: ['database?'],
      errors: [{ messageId: 'callerDefault', line: 3, column: 14, endLine: 3, endColumn: 26 }],
      output: null,
    },
    {
      code: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  multi_az = true\n}\n',
    },
    {
      code: 'resource "aws_db_instance" "main" {\n  multi_az = false # saves money\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 14, endLine: 2, endColumn: 19 }],
      output: 'resource "aws_db_instance" "main" {\n  multi_az = true # saves money\n}\n',
    },
    {
      name: 'registry module leaving multi_az at its default (false): at the call, with the argument added',
      code: 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 12, message: 'Database module.db.aws_db_instance.this has no Multi-AZ standby, so a zone or host failure takes it down; set multi_az = true.' }],
      output: 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n  multi_az = true\n}\n',
      inspected: ['database'],
    },
    {
      name: 'root module resource absent with the defaults: reported as conditional',
      code: 'variable "create" {\n  default = false\n}\nresource "aws_db_instance" "main" {\n  count = var.create ? 1 : 0\n}\n',
      errors: [{ messageId: 'missing', line: 4, column: 1, endLine: 4, endColumn: 34, message: 'Database aws_db_instance.main (count = var.create ? 1 : 0) has no Multi-AZ standby, so a zone or host failure takes it down; set multi_az = true.' }],
      output: 'variable "create" {\n  default = false\n}\nresource "aws_db_instance" "main" {\n  count = var.create ? 1 : 0\n  multi_az = true\n}\n',
    },
    {
      name: 'a module called from the workspace: the caller gets the finding, at the argument',
      filename: 'app/main.tf',
      code: 'terraform {\n  backend "s3" {}\n}\nmodule "db" {\n  source   = "../modules/db"\n  ha       = false\n}\n',
      files: { '../modules/db/main.tf': 'variable "ha" {\n  default = true\n}\nresource "aws_db_instance" "this" {\n  multi_az = var.ha\n}\n' },
      errors: [{ messageId: 'disabled', line: 6, column: 14, endLine: 6, endColumn: 19, message: 'Database module.db.aws_db_instance.this turns Multi-AZ off, so a zone or host failure takes it down; set ha = true.' }],
      output: 'terraform {\n  backend "s3" {}\n}\nmodule "db" {\n  source   = "../modules/db"\n  ha       = true\n}\n',
    },
  ],
});
