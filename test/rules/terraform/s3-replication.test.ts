import rule from '../../../rules/terraform/s3-replication';
import { runRuleTests } from '../../helpers/rule-tester';

const replication =
  'resource "aws_s3_bucket_replication_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  role   = aws_iam_role.replication.arn\n  rule {\n    status = "Enabled"\n    destination {\n      bucket = aws_s3_bucket.replica.arn\n    }\n  }\n}\n';

runRuleTests(rule, {
  valid: [
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
