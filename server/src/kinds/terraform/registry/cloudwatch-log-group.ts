import type { RegistryModule } from './types';

export const cloudwatchLogGroup: RegistryModule = {
  source: 'terraform-aws-modules/cloudwatch/aws//modules/log-group',
  versions: { from: '4.0.0' },
  checkedAgainst: 'terraform-aws-cloudwatch modules/log-group/variables.tf at 0d1e27f',
  hcl: `
variable "create" { default = true }
variable "retention_in_days" { default = null }
variable "tags" { default = {} }

resource "aws_cloudwatch_log_group" "this" {
  count = var.create ? 1 : 0

  retention_in_days = var.retention_in_days
  tags              = var.tags
}
`,
};
