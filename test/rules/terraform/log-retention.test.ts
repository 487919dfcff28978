import rule from '../../../rules/terraform/log-retention';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 30\n}\n',
    'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = var.log_days\n}\n',
    { name: 'nothing to inspect', code: 'resource "aws_s3_bucket" "b" {}\n', inspected: [] },
    { name: 'registry VPC module without flow logs: no log group', code: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n', inspected: [] },
    { name: 'registry log-group module with a retention', code: 'module "logs" {\n  source            = "terraform-aws-modules/cloudwatch/aws//modules/log-group"\n  retention_in_days = 30\n}\n', inspected: ['log-group'] },
  ],
  invalid: [
    {
      name: 'reusable module: retention from the caller, a null default is reported as information (the log group is conditional)',
      filename: 'modules/vpc/flow-logs.tf',
      code: 'resource "aws_cloudwatch_log_group" "flow_log" {\n  count             = var.enable_flow_log ? 1 : 0\n  retention_in_days = var.retention\n}\n',
      files: { 'variables.tf': 'variable "enable_flow_log" {\n  default = false\n}\nvariable "retention" {\n  default = null\n}\n' },
      inspected: ['log-group?'],
      errors: [{ messageId: 'callerDefault', line: 3, column: 23, endLine: 3, endColumn: 36, message: 'Log group aws_cloudwatch_log_group.flow_log (count = var.enable_flow_log ? 1 : 0) leaves retention_in_days to its callers, and the default of var.retention (null) keeps its logs forever; default it to a retention such as 30 days so that callers who omit it are covered.' }],
      output: null,
    },
    {
      code: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/api"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 42 }],
      output: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/api"\n  retention_in_days = 30\n}\n',
    },
    {
      name: 'zero keeps logs forever',
      code: 'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 0\n}\n',
      errors: [{ messageId: 'forever', line: 2, column: 23, endLine: 2, endColumn: 24 }],
      output: 'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 30\n}\n',
    },
    {
      name: 'one-line block',
      code: 'resource "aws_cloudwatch_log_group" "app" { name = "/app/api" }\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 42 }],
      output: 'resource "aws_cloudwatch_log_group" "app" { name = "/app/api"\n  retention_in_days = 30\n}\n',
    },
    {
      name: 'registry log-group module left at its default retention (forever)',
      code: 'module "logs" {\n  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"\n  version = "~> 5.0"\n  name    = "/app/api"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 14, message: 'Log group module.logs.aws_cloudwatch_log_group.this keeps its logs forever; set retention_in_days (30 to 90 days is typical).' }],
      output: 'module "logs" {\n  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"\n  version = "~> 5.0"\n  name    = "/app/api"\n  retention_in_days = 30\n}\n',
      inspected: ['log-group'],
    },
    {
      name: 'registry VPC module with CloudWatch flow logs and no retention',
      code: 'module "vpc" {\n  source                               = "terraform-aws-modules/vpc/aws"\n  enable_flow_log                      = true\n  create_flow_log_cloudwatch_log_group = true\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13, message: 'Log group module.vpc.aws_cloudwatch_log_group.flow_log keeps its logs forever; set flow_log_cloudwatch_log_group_retention_in_days (30 to 90 days is typical).' }],
      output: 'module "vpc" {\n  source                               = "terraform-aws-modules/vpc/aws"\n  enable_flow_log                      = true\n  create_flow_log_cloudwatch_log_group = true\n  flow_log_cloudwatch_log_group_retention_in_days = 30\n}\n',
    },
    {
      name: 'registry EKS module given 0',
      code: 'module "eks" {\n  source                                 = "terraform-aws-modules/eks/aws"\n  cloudwatch_log_group_retention_in_days = 0\n}\n',
      errors: [{ messageId: 'forever', line: 3, column: 44, endLine: 3, endColumn: 45, message: 'cloudwatch_log_group_retention_in_days = 0 keeps the logs of module.eks.aws_cloudwatch_log_group.this forever; set a retention such as 30 to 90 days.' }],
      output: 'module "eks" {\n  source                                 = "terraform-aws-modules/eks/aws"\n  cloudwatch_log_group_retention_in_days = 30\n}\n',
    },
  ],
});
