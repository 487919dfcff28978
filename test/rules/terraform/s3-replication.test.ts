import rule from '../../../rules/terraform/s3-replication';
import { runRuleTests } from '../../helpers/rule-tester';

const replication =
  'resource "aws_s3_bucket_replication_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  role   = aws_iam_role.replication.arn\n  rule {\n    status = "Enabled"\n    destination {\n      bucket = aws_s3_bucket.replica.arn\n    }\n  }\n}\n';

runRuleTests(rule, {
  valid: [
    { name: 'contents declared disposable (force_destroy): not about cross-region backups', code: 'resource "aws_s3_bucket" "scratch" {\n  force_destroy = true\n}\n', inspected: [] },
    {
      name: 'the target of access logging receives logs',
      code: 'resource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n}\n' + replication,
      inspected: ['bucket'],
    },
    {
      name: 'load balancer access logs and VPC flow logs',
      code: 'resource "aws_s3_bucket" "lb_logs" {}\nresource "aws_s3_bucket" "flow_logs" {}\nresource "aws_lb" "web" {\n  access_logs {\n    bucket  = aws_s3_bucket.lb_logs.id\n    enabled = true\n  }\n}\nresource "aws_flow_log" "vpc" {\n  log_destination      = aws_s3_bucket.flow_logs.arn\n  log_destination_type = "s3"\n}\n',
      inspected: [],
    },
    {
      name: 'registry module bucket with force_destroy, the flow-log bucket of a VPC example',
      code: 'module "s3_bucket" {\n  source        = "terraform-aws-modules/s3-bucket/aws"\n  version       = "~> 5.0"\n  force_destroy = true\n}\nmodule "flow_log" {\n  source          = "terraform-aws-modules/vpc/aws//modules/flow-log"\n  log_destination = module.s3_bucket.s3_bucket_arn\n}\n',
      inspected: [],
    },
    {
      name: 'registry module bucket that receives CloudTrail logs through an output',
      code: 'module "trail_bucket" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\nresource "aws_cloudtrail" "main" {\n  s3_bucket_name = module.trail_bucket.s3_bucket_id\n}\n',
      inspected: [],
    },
    { name: 'source and destination are both fine', code: 'resource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket" "replica" {\n  provider = aws.west\n}\n', files: { 'replication.tf': replication } },
    { name: 'inline v3 replication', code: 'resource "aws_s3_bucket" "data" {\n  replication_configuration {\n    role = aws_iam_role.replication.arn\n  }\n}\n' },
    {
      name: 'registry module that replicates',
      code: 'module "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  replication_configuration = {\n    role  = aws_iam_role.replication.arn\n    rules = [{ id = "all", destination = { bucket = module.replica.s3_bucket_arn } }]\n  }\n}\n',
      inspected: ['bucket'],
    },
  ],
  invalid: [
    {
      name: 'force_destroy = false keeps the bucket in scope',
      code: 'resource "aws_s3_bucket" "orders" {\n  force_destroy = false\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: null,
      inspected: ['bucket'],
    },
    {
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 32 }],
      output: null,
    },
    {
      name: 'only the bucket without replication is reported',
      code: 'resource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket" "replica" {}\nresource "aws_s3_bucket" "logs" {}\n' + replication,
      errors: [{ messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 32 }],
      output: null,
    },
    {
      name: 'registry module that does not replicate: at the call',
      code: 'module "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\n',
      errors: [{ messageId: 'moduleMissing', line: 1, column: 1, endLine: 1, endColumn: 14 }],
      output: null,
      inspected: ['bucket'],
    },
  ],
});
