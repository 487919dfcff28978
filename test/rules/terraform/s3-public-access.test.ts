import rule from '../../../rules/terraform/s3-public-access';
import { runRuleTests } from '../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}\n';
const fullBlock =
  'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n';

runRuleTests(rule, {
  valid: [
    {
      name: 'a flag the account-level block turns on is on for every bucket (KICS "S3 Bucket Without Restriction Of Public Bucket")',
      code: 'resource "aws_s3_account_public_access_block" "account" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = "data"\n  block_public_acls       = false\n  block_public_policy     = false\n  ignore_public_acls      = false\n  restrict_public_buckets = false\n}\n',
      inspected: ['bucket', 'resource'],
    },
    { name: 'bucket block in another file', code: bucket, files: { 'access.tf': fullBlock } },
    { name: 'account-level block', code: bucket + 'resource "aws_s3_account_public_access_block" "all" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' },
    { name: 'private ACL', code: bucket.replace('}', '  acl = "private"\n}') + fullBlock },
    { name: 'registry module: the public access block is created; its flag defaults changed across versions, so unset flags are not judged', code: 'module "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\n', inspected: ['bucket?', 'bucket?'] },
    { name: 'nothing to inspect', code: 'resource "aws_db_instance" "db" {}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'no block',
      code: bucket,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 32 }],
      output: null,
    },
    {
      name: 'block with a flag off and a flag missing',
      code: 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = false\n  ignore_public_acls      = true\n}\n',
      errors: [
        { messageId: 'flagOff', line: 4, column: 29, endLine: 4, endColumn: 34 },
        { messageId: 'flagMissing', line: 1, column: 1, endLine: 1, endColumn: 52, message: 'Public access block aws_s3_bucket_public_access_block.data does not set restrict_public_buckets, which defaults to false; set restrict_public_buckets = true.' },
      ],
      output: 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      name: 'public canned ACL, inline and v4',
      code: 'resource "aws_s3_bucket" "data" {\n  acl = "public-read"\n}\nresource "aws_s3_bucket_acl" "data" {\n  bucket = aws_s3_bucket.data.id\n  acl    = "public-read-write"\n}\n' + fullBlock,
      errors: [
        { messageId: 'publicAcl', line: 2, column: 9, endLine: 2, endColumn: 22 },
        { messageId: 'publicAcl', line: 6, column: 12, endLine: 6, endColumn: 31 },
      ],
      output: 'resource "aws_s3_bucket" "data" {\n  acl = "private"\n}\nresource "aws_s3_bucket_acl" "data" {\n  bucket = aws_s3_bucket.data.id\n  acl    = "private"\n}\n' + fullBlock,
    },
    {
      name: 'each of the four flags is checked on its own (checkov CKV_AWS_53..56)',
      code: 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket = aws_s3_bucket.data.id\n}\n',
      errors: [
        { messageId: 'flagMissing', line: 1, column: 1, endLine: 1, endColumn: 52 },
        { messageId: 'flagMissing', line: 1, column: 1, endLine: 1, endColumn: 52 },
        { messageId: 'flagMissing', line: 1, column: 1, endLine: 1, endColumn: 52 },
        { messageId: 'flagMissing', line: 1, column: 1, endLine: 1, endColumn: 52 },
      ],
      output: 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket = aws_s3_bucket.data.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n',
      inspected: ['bucket'],
    },
    {
      name: 'registry module with a flag turned off: at the argument',
      code: 'module "data" {\n  source              = "terraform-aws-modules/s3-bucket/aws"\n  block_public_policy = false\n}\n',
      errors: [{ messageId: 'flagOff', line: 3, column: 25, endLine: 3, endColumn: 30, message: 'Public access block module.data.aws_s3_bucket_public_access_block.this turns block_public_policy off; set block_public_policy = true.' }],
      output: 'module "data" {\n  source              = "terraform-aws-modules/s3-bucket/aws"\n  block_public_policy = true\n}\n',
    },
    {
      name: 'registry module without a public access block',
      code: 'module "data" {\n  source               = "terraform-aws-modules/s3-bucket/aws"\n  attach_public_policy = false\n  acl                  = "public-read"\n}\n',
      errors: [
        { messageId: 'moduleMissing', line: 3, column: 26, endLine: 3, endColumn: 31, message: 'Bucket module.data.aws_s3_bucket.this is created without a public access block, so one wrong policy or ACL publishes it; set attach_public_policy = true.' },
        { messageId: 'publicAcl', line: 4, column: 26, endLine: 4, endColumn: 39 },
      ],
      output: 'module "data" {\n  source               = "terraform-aws-modules/s3-bucket/aws"\n  attach_public_policy = false\n  acl                  = "private"\n}\n',
    },
  ],
});
