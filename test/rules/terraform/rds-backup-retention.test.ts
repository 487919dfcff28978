import rule from '../../../rules/terraform/rds-backup-retention';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}\n',
    'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 35\n}\n',
    { name: 'option lowers the minimum', code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 3\n}\n', options: { minDays: 3 } },
    { name: 'read replica', code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.main.identifier\n}\n' },
    { name: 'unknown', code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = var.days\n}\n' },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  backup_retention_period = 7\n}\n',
    },
    {
      name: 'zero disables backups',
      code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 0\n}\n',
      errors: [{ messageId: 'tooShort', line: 2, column: 29, endLine: 2, endColumn: 30, message: 'Database aws_db_instance.main keeps backups for 0 days, below the required 7; raise backup_retention_period to at least 7.' }],
      output: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}\n',
    },
    {
      name: 'option raises the minimum',
      code: 'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 7\n}\n',
      options: { minDays: 14 },
      errors: [{ messageId: 'tooShort', line: 2, column: 29, endLine: 2, endColumn: 30 }],
      output: 'resource "aws_rds_cluster" "main" {\n  backup_retention_period = 14\n}\n',
    },
    {
      name: 'too short through a variable default',
      code: 'variable "days" {\n  default = 1\n}\nresource "aws_db_instance" "main" {\n  backup_retention_period = var.days\n}\n',
      errors: [{ messageId: 'tooShort', line: 5, column: 29, endLine: 5, endColumn: 37 }],
      output: null,
    },
  ],
});
