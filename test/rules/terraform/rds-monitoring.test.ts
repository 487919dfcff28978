import rule from '../../../rules/terraform/rds-monitoring';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    {
      name: 'Aurora: Performance Insights on the cluster instance',
      code: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n}\nresource "aws_rds_cluster_instance" "one" {\n  cluster_identifier           = aws_rds_cluster.main.id\n  performance_insights_enabled = true\n}\n',
      inspected: ['database'],
    },
    {
      name: 'Aurora: Enhanced Monitoring on instances joined by identifier',
      code: 'resource "aws_rds_cluster" "main" {\n  cluster_identifier = "orders"\n}\nresource "aws_rds_cluster_instance" "one" {\n  count               = 2\n  cluster_identifier  = "orders"\n  monitoring_interval = 30\n}\n',
    },
    { name: 'Aurora cluster whose instances are not in view: not judged', code: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-mysql"\n}\n', inspected: ['database?'] },
    'resource "aws_db_instance" "main" {\n  monitoring_interval = 60\n}\n',
    'resource "aws_db_instance" "main" {\n  performance_insights_enabled = true\n}\n',
    'resource "aws_rds_cluster" "main" {\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}\n',
    { name: 'unknown interval', code: 'resource "aws_db_instance" "main" {\n  monitoring_interval = var.interval\n}\n' },
    { name: 'registry module with Performance Insights', code: 'module "db" {\n  source                       = "terraform-aws-modules/rds/aws"\n  performance_insights_enabled = true\n}\n', inspected: ['database'] },
  ],
  invalid: [
    {
      name: 'reusable module: the signals come from the caller, and by default none is on (information)',
      filename: 'modules/db/main.tf',
      code: 'resource "aws_db_instance" "this" {\n  monitoring_interval = var.interval\n}\n',
      files: { 'variables.tf': 'variable "interval" {\n  default = 0\n}\n' },
      inspected: ['database?'],
      errors: [{ messageId: 'callerDefault', line: 1, column: 1, endLine: 1, endColumn: 34, message: 'Database aws_db_instance.this leaves its monitoring to its callers, and by default it has no Enhanced Monitoring, Performance Insights or log exports; turn one on by default so that callers who omit them are covered.' }],
      output: null,
    },
    {
      code: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
      errors: [{ messageId: 'unmonitored', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: null,
    },
    {
      name: 'all three known to be off, on the cluster and on its instance',
      code: 'resource "aws_rds_cluster" "main" {\n  monitoring_interval             = 0\n  performance_insights_enabled    = false\n  enabled_cloudwatch_logs_exports = []\n}\nresource "aws_rds_cluster_instance" "one" {\n  cluster_identifier = aws_rds_cluster.main.id\n}\n',
      errors: [{ messageId: 'unmonitored', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: null,
    },
    {
      name: 'registry module with every signal left at its default (off): at the call',
      code: 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n}\n',
      errors: [{ messageId: 'unmonitored', line: 1, column: 1, endLine: 1, endColumn: 12, message: 'Database module.db.aws_db_instance.this has no Enhanced Monitoring, Performance Insights or log exports; enable at least one (performance_insights_enabled = true is the simplest).' }],
      output: null,
      inspected: ['database'],
    },
  ],
});
