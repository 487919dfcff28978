import rule from '../../../rules/terraform/rds-deletion-protection';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  deletion_protection = true\n}\n',
    'resource "aws_rds_cluster" "main" {\n  deletion_protection = local.is_prod\n}\n',
    { name: 'registry module with deletion protection', code: 'module "db" {\n  source              = "terraform-aws-modules/rds/aws"\n  deletion_protection = true\n}\n', inspected: ['database'] },
  ],
  invalid: [
    {
      name: 'module called with a value of its caller: in the module, only the unsafe default, as information',
      filename: 'modules/db/main.tf',
      code: 'resource "aws_db_instance" "this" {\n  deletion_protection = var.protect\n}\n',
      files: {
        'variables.tf': 'variable "protect" {\n  default = false\n}\n',
        '/work/app/main.tf': 'module "db" {\n  source  = "../modules/db"\n  protect = true\n}\n',
      },
      inspected: ['database?'],
      errors: [{ messageId: 'callerDefault', line: 2, column: 25, endLine: 2, endColumn: 36, message: 'Database aws_db_instance.this leaves deletion_protection to its callers, and the default of var.protect (false) leaves it unprotected; default it to true so that callers who omit it are safe.' }],
      output: null,
    },
    {
      code: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n  deletion_protection = true\n}\n',
    },
    {
      name: 'explicit null means unset',
      code: 'resource "aws_db_instance" "main" {\n  deletion_protection = null\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 25, endLine: 2, endColumn: 29 }],
      output: 'resource "aws_db_instance" "main" {\n  deletion_protection = true\n}\n',
    },
    {
      name: 'registry Aurora module: deletion_protection defaults to null',
      code: 'module "aurora" {\n  source  = "terraform-aws-modules/rds-aurora/aws"\n  version = "7.7.1"\n  name    = "orders"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 16 }],
      output: 'module "aurora" {\n  source  = "terraform-aws-modules/rds-aurora/aws"\n  version = "7.7.1"\n  name    = "orders"\n  deletion_protection = true\n}\n',
      inspected: ['database'],
    },
    {
      name: 'registry module given false through a local',
      code: 'locals {\n  protect = false\n}\nmodule "db" {\n  source              = "terraform-aws-modules/rds/aws"\n  deletion_protection = local.protect\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 13, endLine: 2, endColumn: 18 }],
      output: 'locals {\n  protect = true\n}\nmodule "db" {\n  source              = "terraform-aws-modules/rds/aws"\n  deletion_protection = local.protect\n}\n',
    },
  ],
});
