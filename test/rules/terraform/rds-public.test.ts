import rule from '../../../rules/terraform/rds-public';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
    'resource "aws_db_instance" "main" {\n  publicly_accessible = false\n}\n',
    'resource "aws_db_instance" "main" {\n  publicly_accessible = var.public\n}\n',
    { name: 'nothing to inspect', code: 'resource "aws_rds_cluster" "main" {}\n', inspected: [] },
    { name: 'registry module: publicly_accessible defaults to false', code: 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n}\n', inspected: ['database'] },
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
    {
      name: 'registry module made public',
      code: 'module "db" {\n  source              = "terraform-aws-modules/rds/aws"\n  publicly_accessible = true\n}\n',
      errors: [{ messageId: 'public', line: 3, column: 25, endLine: 3, endColumn: 29, message: 'Database module.db.aws_db_instance.this is publicly accessible from the internet; set publicly_accessible = false and reach it from inside the VPC.' }],
      output: 'module "db" {\n  source              = "terraform-aws-modules/rds/aws"\n  publicly_accessible = false\n}\n',
      inspected: ['database'],
    },
  ],
});
