import rule from '../../../rules/terraform/s3-versioning';
import { runRuleTests } from '../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}\n';
const versioning = (status: string) =>
  `resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = ${status}\n  }\n}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'v4 resource in another file', code: bucket, files: { 's3.tf': versioning('"Enabled"') } },
    { name: 'inline v3 block', code: 'resource "aws_s3_bucket" "data" {\n  versioning {\n    enabled = true\n  }\n}\n' },
    { name: 'unknown status', code: bucket + versioning('var.status') },
    { name: 'registry module with versioning enabled', code: 'module "logs" {\n  source     = "terraform-aws-modules/s3-bucket/aws"\n  versioning = { enabled = true }\n}\n', inspected: ['bucket', 'bucket'] },
    { name: 'registry module with status "Enabled"', code: 'module "logs" {\n  source     = "terraform-aws-modules/s3-bucket/aws"\n  versioning = { status = "Enabled" }\n}\n' },
    { name: 'nothing to inspect', code: 'resource "aws_db_instance" "db" {}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'reusable module: versioning only when the caller asks, off by default (information at the condition)',
      filename: 'modules/bucket/main.tf',
      code: bucket + 'resource "aws_s3_bucket_versioning" "data" {\n  count  = var.versioned ? 1 : 0\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
      files: { 'variables.tf': 'variable "versioned" {\n  default = false\n}\n' },
      inspected: ['bucket?', 'bucket?'],
      errors: [{ messageId: 'callerDefault', line: 5, column: 12, endLine: 5, endColumn: 33, message: 'Bucket aws_s3_bucket.data gets aws_s3_bucket_versioning.data only when its caller asks (var.versioned ? 1 : 0), and by default it does not; make versioning unconditional or on by default.' }],
      output: null,
    },
    {
      name: 'no versioning',
      code: bucket,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 32 }],
      output: null,
    },
    {
      name: 'suspended: reported on the status, the bucket itself is paired',
      code: bucket + versioning('"Suspended"'),
      errors: [{ messageId: 'disabled', line: 7, column: 14, endLine: 7, endColumn: 25 }],
      output: bucket + versioning('"Enabled"'),
    },
    {
      name: 'inline block disabled, and one without enabled',
      code: 'resource "aws_s3_bucket" "a" {\n  versioning {\n    enabled = false\n  }\n}\nresource "aws_s3_bucket" "b" {\n  versioning {\n    mfa_delete = false\n  }\n}\n',
      errors: [
        { messageId: 'disabled', line: 3, column: 15, endLine: 3, endColumn: 20 },
        { messageId: 'disabled', line: 7, column: 3, endLine: 7, endColumn: 13 },
      ],
      output: 'resource "aws_s3_bucket" "a" {\n  versioning {\n    enabled = true\n  }\n}\nresource "aws_s3_bucket" "b" {\n  versioning {\n    mfa_delete = false\n    enabled = true\n  }\n}\n',
    },
    {
      name: 'registry module with versioning = { enabled = false }: at the value, no fix (the module computes the status)',
      code: 'module "logs" {\n  source     = "terraform-aws-modules/s3-bucket/aws"\n  versioning = { enabled = false }\n}\n',
      errors: [{ messageId: 'disabled', line: 3, column: 28, endLine: 3, endColumn: 33, message: 'Versioning of module.logs.aws_s3_bucket_versioning.this is not enabled, so overwritten or deleted objects are lost; enable it.' }],
      output: null,
      inspected: ['bucket', 'bucket'],
    },
    {
      name: 'registry module without versioning: at the call',
      code: 'module "logs" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  bucket = "app-logs"\n}\n',
      errors: [{ messageId: 'moduleMissing', line: 1, column: 1, endLine: 1, endColumn: 14, message: 'Bucket module.logs.aws_s3_bucket.this is created without versioning, so overwritten or deleted objects are lost; set versioning so that versioning is enabled.' }],
      output: null,
      inspected: ['bucket'],
    },
  ],
});
