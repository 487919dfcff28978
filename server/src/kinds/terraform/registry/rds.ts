import type { RegistryModule } from './types';

export const rds: RegistryModule = {
  source: 'terraform-aws-modules/rds/aws',
  versions: { from: '7.0.0' },
  checkedAgainst: 'terraform-aws-rds variables.tf, main.tf and modules/db_instance/main.tf at fa183b6 (v7, aws provider >= 6.28)',
  stableDefaults: {
    inputs: ['create_db_instance', 'putin_khuylo', 'replicate_source_db', 'blue_green_update'],
    why: 'a module cannot default to replicating some other database (replicate_source_db is null), create_db_instance has defaulted to true since it exists, and putin_khuylo and blue_green_update were added later with defaults (true, null) that keep the earlier behaviour',
  },
  hcl: `
variable "create_db_instance" { default = true }
variable "putin_khuylo" { default = true }
variable "storage_encrypted" { default = true }
variable "backup_retention_period" { default = null }
variable "blue_green_update" { default = null }
variable "deletion_protection" { default = false }
variable "multi_az" { default = false }
variable "publicly_accessible" { default = false }
variable "monitoring_interval" { default = 0 }
variable "performance_insights_enabled" { default = false }
variable "enabled_cloudwatch_logs_exports" { default = [] }
variable "replicate_source_db" { default = null }
variable "create_cloudwatch_log_group" { default = false }
variable "cloudwatch_log_group_retention_in_days" { default = 7 }
variable "instance_use_identifier_prefix" { default = false }
variable "tags" { default = {} }
variable "db_instance_tags" { default = {} }
variable "cloudwatch_log_group_tags" { default = {} }

resource "aws_db_instance" "this" {
  count = var.create_db_instance && var.putin_khuylo ? 1 : 0

  storage_encrypted               = var.storage_encrypted
  multi_az                        = var.multi_az
  publicly_accessible             = var.publicly_accessible
  replicate_source_db             = var.replicate_source_db
  backup_retention_period         = var.blue_green_update != null ? coalesce(var.backup_retention_period, 1) : var.backup_retention_period
  monitoring_interval             = var.monitoring_interval
  performance_insights_enabled    = var.performance_insights_enabled
  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports
  deletion_protection             = var.deletion_protection
  tags                            = merge(var.tags, var.db_instance_tags)
}

resource "aws_cloudwatch_log_group" "this" {
  for_each = toset([for log in var.enabled_cloudwatch_logs_exports : log if var.create_db_instance && var.putin_khuylo && var.create_cloudwatch_log_group && !var.instance_use_identifier_prefix])

  retention_in_days = var.cloudwatch_log_group_retention_in_days
  tags              = merge(var.tags, var.cloudwatch_log_group_tags)
}
`,
};
