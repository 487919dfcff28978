import type { RegistryModule } from './types';

export const rdsAurora: RegistryModule = {
  source: 'terraform-aws-modules/rds-aurora/aws',
  versions: { from: '7.0.0', below: '8.0.0' },
  checkedAgainst: 'terraform-aws-rds-aurora variables.tf at 008e651 (v7: create_cluster, create_random_password) and main.tf at d2dddbd',
  stableDefaults: {
    inputs: ['engine_mode'],
    why: 'engine_mode defaults to provisioned in every version (written null or "provisioned"): only an explicit "serverless" makes an always-encrypted Serverless v1 cluster',
  },
  notMapped:
    'the cluster instances (publicly_accessible, monitoring_interval, performance_insights_enabled): the stored main.tf and variables.tf are from different major versions (replica_count vs instances), so their wiring could not be verified',
  hcl: `
variable "create_cluster" { default = true }
variable "engine_mode" { default = null }
variable "storage_encrypted" { default = true }
variable "backup_retention_period" { default = 7 }
variable "deletion_protection" { default = null }
variable "enabled_cloudwatch_logs_exports" { default = [] }
variable "replication_source_identifier" { default = null }
variable "tags" { default = {} }
variable "cluster_tags" { default = {} }

resource "aws_rds_cluster" "this" {
  count = var.create_cluster ? 1 : 0

  engine_mode                     = var.engine_mode
  replication_source_identifier   = var.replication_source_identifier
  storage_encrypted               = var.storage_encrypted
  backup_retention_period         = var.backup_retention_period
  deletion_protection             = var.deletion_protection
  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports
  tags                            = merge(var.tags, var.cluster_tags)
}
`,
};
