import type { RegistryModule } from './types';

export const vpc: RegistryModule = {
  source: 'terraform-aws-modules/vpc/aws',
  versions: { from: '5.0.0' },
  checkedAgainst: 'terraform-aws-vpc main.tf, vpc-flow-logs.tf and variables.tf at 82d1929 (v6)',
  hcl: `
variable "create_vpc" { default = true }
variable "putin_khuylo" { default = true }
variable "manage_default_security_group" { default = true }
variable "default_security_group_ingress" { default = [] }
variable "enable_flow_log" { default = false }
variable "flow_log_destination_type" { default = "cloud-watch-logs" }
variable "create_flow_log_cloudwatch_log_group" { default = false }
variable "flow_log_cloudwatch_log_group_retention_in_days" { default = null }
variable "tags" { default = {} }
variable "vpc_flow_log_tags" { default = {} }
variable "default_security_group_tags" { default = {} }

locals {
  create_vpc                           = var.create_vpc && var.putin_khuylo
  create_flow_log_cloudwatch_log_group = var.create_vpc && var.enable_flow_log && var.flow_log_destination_type != "s3" && var.create_flow_log_cloudwatch_log_group
}

resource "aws_default_security_group" "this" {
  count = local.create_vpc && var.manage_default_security_group ? 1 : 0

  dynamic "ingress" {
    for_each = var.default_security_group_ingress
    content {
      cidr_blocks      = compact(split(",", lookup(ingress.value, "cidr_blocks", "")))
      ipv6_cidr_blocks = compact(split(",", lookup(ingress.value, "ipv6_cidr_blocks", "")))
      from_port        = lookup(ingress.value, "from_port", 0)
      to_port          = lookup(ingress.value, "to_port", 0)
      protocol         = lookup(ingress.value, "protocol", "-1")
    }
  }

  tags = merge(var.tags, var.default_security_group_tags)
}

resource "aws_cloudwatch_log_group" "flow_log" {
  count = local.create_flow_log_cloudwatch_log_group ? 1 : 0

  retention_in_days = var.flow_log_cloudwatch_log_group_retention_in_days
  tags              = merge(var.tags, var.vpc_flow_log_tags)
}
`,
};
