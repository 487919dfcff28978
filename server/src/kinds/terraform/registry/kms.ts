import type { RegistryModule } from './types';

export const kms: RegistryModule = {
  source: 'terraform-aws-modules/kms/aws',
  versions: { from: '1.0.0' },
  checkedAgainst:
    'terraform-aws-kms variables.tf at 0cb932e; the same input names (create, key_usage, enable_key_rotation) are passed to kms 4.0.0 by terraform-aws-eks main.tf at bef29c4',
  hcl: `
variable "create" { default = true }
variable "create_external" { default = false }
variable "create_replica" { default = false }
variable "create_replica_external" { default = false }
variable "enable_key_rotation" { default = true }
variable "customer_master_key_spec" { default = null }
variable "key_usage" { default = null }
variable "tags" { default = {} }

resource "aws_kms_key" "this" {
  count = var.create && !var.create_external && !var.create_replica && !var.create_replica_external ? 1 : 0

  customer_master_key_spec = var.customer_master_key_spec
  key_usage                = var.key_usage
  enable_key_rotation      = var.enable_key_rotation
  tags                     = var.tags
}
`,
};
