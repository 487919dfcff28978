import rule from '../../../rules/terraform/rds-public';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
    'resource "aws_db_instance" "main" {\n  publicly_accessible = false\n}\n',
    'resource "aws_db_instance" "main" {\n  publicly_accessible = var.public\n}\n',
  ],
  invalid: [
    {
      code: 'resource "aws_db_instance" "main" {\n  publicly_accessible = true\n}\n',
      errors: [{ messageId: 'public', line: 2, column: 25, endLine: 2, endColumn: 29 }],
      output: 'resource "aws_db_instance" "main" {\n  publicly_accessible = false\n}\n',
    },
    {
      name: 'Aurora instance',
      code: 'resource "aws_rds_cluster_instance" "one" {\n  publicly_accessible = "true"\n}\n',
      errors: [{ messageId: 'public', line: 2, column: 25, endLine: 2, endColumn: 31 }],
      output: 'resource "aws_rds_cluster_instance" "one" {\n  publicly_accessible = false\n}\n',
    },
  ],
});
