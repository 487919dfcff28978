import rule from '../../../rules/terraform/s3-encryption';
import { runRuleTests } from '../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}\n';
const sse = (target: string) =>
  `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = ${target}\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'v4 resource in another file of the module', code: bucket, files: { 'encryption.tf': sse('aws_s3_bucket.data.id') } },
    { name: 'v4 resource by literal bucket name', code: bucket + sse('"app-data"') },
    { name: 'inline v3 block', code: 'resource "aws_s3_bucket" "data" {\n  server_side_encryption_configuration {\n    rule {}\n  }\n}\n' },
    { name: 'a configuration whose bucket is unknown could be this one', code: bucket + sse('var.bucket_id') },
    {
      name: 'registry module with an encryption configuration',
      code: 'module "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  server_side_encryption_configuration = {\n    rule = { apply_server_side_encryption_by_default = { sse_algorithm = "aws:kms" } }\n  }\n}\n',
      inspected: ['bucket'],
    },
    { name: 'nothing to inspect', code: 'module "x" {\n  source = "terraform-aws-modules/kms/aws"\n}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'no configuration at all',
      code: bucket,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 32, message: 'Bucket aws_s3_bucket.data declares no server-side encryption in this module; add an aws_s3_bucket_server_side_encryption_configuration for it.' }],
      output: null,
    },
    {
      name: 'the configuration belongs to another bucket; a file in another directory does not count',
      code: bucket + 'resource "aws_s3_bucket" "logs" {}\n' + sse('aws_s3_bucket.logs.id'),
      files: { '/elsewhere/encryption.tf': sse('aws_s3_bucket.data.id') },
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 32 }],
      output: null,
    },
    {
      name: 'registry module without an encryption configuration: at the call',
      code: 'module "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\n',
      errors: [{ messageId: 'moduleMissing', line: 1, column: 1, endLine: 1, endColumn: 14, message: 'Bucket module.data.aws_s3_bucket.this is created without a server-side encryption configuration, leaving the key choice to account defaults; set server_side_encryption_configuration.' }],
      output: null,
      inspected: ['bucket'],
    },
  ],
});
