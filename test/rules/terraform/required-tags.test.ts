import rule from '../../../rules/terraform/required-tags';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_s3_bucket" "data" {\n  tags = {\n    Environment = "production"\n    Project     = "app"\n  }\n}\n',
    { name: 'merge() of a map the file cannot show is not judged', code: 'resource "aws_s3_bucket" "data" {\n  tags = merge(var.tags, { Name = "data" })\n}\n' },
    { name: 'provider default_tags in another file', code: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n', files: { 'providers.tf': 'provider "aws" {\n  default_tags {\n    tags = {\n      Environment = "production"\n      Project     = "app"\n    }\n  }\n}\n' } },
    { name: 'custom option', code: 'resource "aws_vpc" "main" {\n  tags = { Team = "core" }\n}\n', options: { tags: ['Team'] } },
    { name: 'untaggable resource', code: 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n}\n' },
    { name: 'nothing to inspect', code: 'resource "aws_s3_bucket_versioning" "v" {}\n', inspected: [] },
    {
      name: 'reusable module: tags and providers come from the caller',
      filename: 'modules/bucket/main.tf',
      code: 'resource "aws_s3_bucket" "this" {\n  tags = var.tags\n}\n',
      files: { 'variables.tf': 'variable "tags" {\n  default = {}\n}\n' },
      inspected: ['resource?'],
    },
    { name: 'registry module given the required tags', code: 'module "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  tags   = { Environment = "prod", Project = "app" }\n}\n', inspected: ['resource'] },
  ],
  invalid: [
    {
      name: 'no tags at all',
      code: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34, message: 'aws_db_instance.main has no tags and the provider adds none of Environment, Project; add tags (or provider default_tags) with Environment, Project.' }],
      output: null,
    },
    {
      name: 'tags lack one key the provider does not add',
      code: 'provider "aws" {\n  default_tags {\n    tags = { Project = "app" }\n  }\n}\nresource "aws_lb" "main" {\n  tags = {\n    Name = "alb"\n  }\n}\n',
      errors: [{ messageId: 'missingKeys', line: 7, column: 10, endLine: 9, endColumn: 4, message: 'These tags lack Environment; add them here or in the provider default_tags.' }],
      output: null,
    },
    {
      name: 'an aliased provider without default tags',
      code: 'resource "aws_s3_bucket" "replica" {\n  provider = aws.west\n}\n',
      files: { 'providers.tf': 'provider "aws" {\n  default_tags {\n    tags = { Environment = "prod", Project = "app" }\n  }\n}\nprovider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\n' },
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 35 }],
      output: null,
    },
    {
      name: 'registry module given tags that lack a key: at the tags the caller writes',
      code: 'locals {\n  tags = { Environment = "prod" }\n}\nmodule "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  tags   = local.tags\n}\n',
      errors: [{ messageId: 'missingKeys', line: 6, column: 12, endLine: 6, endColumn: 22, message: 'These tags lack Project; add them here or in the provider default_tags.' }],
      output: null,
      inspected: ['resource'],
    },
    {
      name: 'registry module without tags: at the call',
      code: 'module "data" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 14, message: 'module.data.aws_s3_bucket.this has no tags and the provider adds none of Environment, Project; add tags (or provider default_tags) with Environment, Project.' }],
      output: null,
    },
  ],
});
