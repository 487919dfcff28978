import rule from '../../../rules/terraform/rds-deletion-protection';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  deletion_protection = true\n}\n',
    'resource "aws_rds_cluster" "main" {\n  deletion_protection = local.is_prod\n}\n',
  ],
  invalid: [
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
  ],
});
