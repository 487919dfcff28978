import type { RegistryModule } from './types';

export const s3Bucket: RegistryModule = {
  source: 'terraform-aws-modules/s3-bucket/aws',
  versions: { from: '3.0.0' },
  checkedAgainst:
    'terraform-aws-s3-bucket main.tf at 0170e4f (aws provider >= 6.44) for the resources and their conditions; variables.tf at 0308df5 and 8836d0f (v3) and README at 0170e4f (latest) for the defaults',
  notMapped:
    'the defaults of block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets: false in v3 and true in the latest README, and the version that changed them could not be found, so a call that leaves them out makes no claim',
  hcl: `
variable "create_bucket" { default = true }
variable "putin_khuylo" { default = true }
variable "is_directory_bucket" { default = false }
variable "acl" { default = null }
variable "versioning" { default = {} }
variable "server_side_encryption_configuration" { default = {} }
variable "replication_configuration" { default = {} }
variable "attach_public_policy" { default = true }
variable "force_destroy" { default = false }
variable "block_public_acls" {}
variable "block_public_policy" {}
variable "ignore_public_acls" {}
variable "restrict_public_buckets" {}
variable "tags" { default = {} }

locals {
  create_bucket = var.create_bucket && var.putin_khuylo
}

resource "aws_s3_bucket" "this" {
  count = local.create_bucket && !var.is_directory_bucket ? 1 : 0

  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_acl" "this" {
  count = local.create_bucket && var.acl != null && var.acl != "null" && !var.is_directory_bucket ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  acl    = var.acl == "null" ? null : var.acl
}

resource "aws_s3_bucket_versioning" "this" {
  count = local.create_bucket && length(keys(var.versioning)) > 0 && !var.is_directory_bucket ? 1 : 0

  bucket = aws_s3_bucket.this[0].id

  versioning_configuration {
    status = try(var.versioning["enabled"] ? "Enabled" : "Suspended", tobool(var.versioning["status"]) ? "Enabled" : "Suspended", title(lower(var.versioning["status"])), "Enabled")
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count = local.create_bucket && length(keys(var.server_side_encryption_configuration)) > 0 ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
}

resource "aws_s3_bucket_replication_configuration" "this" {
  count = local.create_bucket && length(keys(var.replication_configuration)) > 0 && !var.is_directory_bucket ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
}

resource "aws_s3_bucket_public_access_block" "this" {
  count = local.create_bucket && var.attach_public_policy ? 1 : 0

  bucket                  = aws_s3_bucket.this[0].id
  block_public_acls       = var.block_public_acls
  block_public_policy     = var.block_public_policy
  ignore_public_acls      = var.ignore_public_acls
  restrict_public_buckets = var.restrict_public_buckets
}
`,
};
