import rule from '../../../rules/terraform/rds-multi-az';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  multi_az = true\n}\n',
    { name: 'Aurora clusters get standbys from their instances', code: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-mysql"\n}\n' },
    { name: 'unknown', code: 'resource "aws_db_instance" "main" {\n  multi_az = var.environment == "prod"\n}\n' },
  ],
  invalid: [
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
  ],
});
