import rule from '../../../rules/terraform/rds-encryption';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n}\n',
    'resource "aws_rds_cluster" "main" {\n  storage_encrypted = var.encrypted\n}\n',
    { name: 'other resource types are ignored', code: 'resource "aws_db_subnet_group" "main" {\n  name = "db"\n}\n' },
  ],
  invalid: [
    {
      name: 'missing on an instance',
      code: 'resource "aws_db_instance" "main" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34, message: 'Database aws_db_instance.main does not encrypt its storage, snapshots or backups; set storage_encrypted = true.' }],
      output: 'resource "aws_db_instance" "main" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n  storage_encrypted = true\n}\n',
    },
    {
      name: 'false on a cluster',
      code: 'resource "aws_rds_cluster" "aurora" {\n  storage_encrypted = false\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 23, endLine: 2, endColumn: 28 }],
      output: 'resource "aws_rds_cluster" "aurora" {\n  storage_encrypted = true\n}\n',
    },
    {
      name: 'nested blocks only: inserted right after the opening brace',
      code: 'resource "aws_db_instance" "main" {\n  timeouts {\n    create = "60m"\n  }\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: 'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n  timeouts {\n    create = "60m"\n  }\n}\n',
    },
  ],
});
