import type { RegistryModule } from './types';

export const eks: RegistryModule = {
  source: 'terraform-aws-modules/eks/aws',
  versions: { from: '21.0.0' },
  checkedAgainst: 'terraform-aws-eks main.tf, node_groups.tf and variables.tf at bef29c4 (v21: create, encryption_config, security_group_additional_rules)',
  notMapped: 'the node groups (their launch templates and EBS volumes): they are submodules with their own inputs, followed only when the module is in the workspace',
  hcl: `
variable "create" { default = true }
variable "putin_khuylo" { default = true }
variable "outpost_config" { default = null }
variable "encryption_config" { default = {} }
variable "create_kms_key" { default = true }
variable "enable_kms_key_rotation" { default = true }
variable "create_cloudwatch_log_group" { default = true }
variable "cloudwatch_log_group_retention_in_days" { default = 90 }
variable "create_security_group" { default = true }
variable "security_group_additional_rules" { default = {} }
variable "create_node_security_group" { default = true }
variable "node_security_group_additional_rules" { default = {} }
variable "tags" { default = {} }
variable "cloudwatch_log_group_tags" { default = {} }

locals {
  create                   = var.create && var.putin_khuylo
  enable_encryption_config = var.encryption_config != null && var.outpost_config == null
  create_security_group    = local.create && var.create_security_group
  create_node_sg           = local.create && var.create_node_security_group
}

resource "aws_cloudwatch_log_group" "this" {
  count = local.create && var.create_cloudwatch_log_group ? 1 : 0

  retention_in_days = var.cloudwatch_log_group_retention_in_days
  tags              = merge(var.tags, var.cloudwatch_log_group_tags)
}

module "kms" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.0.0"

  create              = local.create && var.create_kms_key && local.enable_encryption_config
  key_usage           = "ENCRYPT_DECRYPT"
  enable_key_rotation = var.enable_kms_key_rotation
  tags                = var.tags
}

resource "aws_security_group_rule" "cluster" {
  for_each = { for k, v in var.security_group_additional_rules : k => v if local.create_security_group }

  type             = try(each.value.type, "ingress")
  protocol         = try(each.value.protocol, "tcp")
  from_port        = each.value.from_port
  to_port          = each.value.to_port
  cidr_blocks      = try(each.value.cidr_blocks, null)
  ipv6_cidr_blocks = try(each.value.ipv6_cidr_blocks, null)
}

resource "aws_security_group_rule" "node" {
  for_each = { for k, v in var.node_security_group_additional_rules : k => v if local.create_node_sg }

  type             = try(each.value.type, "ingress")
  protocol         = try(each.value.protocol, "tcp")
  from_port        = each.value.from_port
  to_port          = each.value.to_port
  cidr_blocks      = try(each.value.cidr_blocks, null)
  ipv6_cidr_blocks = try(each.value.ipv6_cidr_blocks, null)
}
`,
};
