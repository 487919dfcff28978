import type { RegistryModule } from './types';

export const elb: RegistryModule = {
  source: 'terraform-aws-modules/elb/aws',
  versions: { from: '2.0.0' },
  checkedAgainst: 'terraform-aws-elb modules/elb/main.tf at 36890c9 (listener: list of maps with lb_protocol, instance_protocol)',
  notMapped: 'the root main.tf stored (0bf0d84) is Terraform 0.11 syntax; the listener wiring was checked on modules/elb, which the root passes listener to unchanged',
  hcl: `
variable "create_elb" { default = true }
variable "listener" {}
variable "tags" { default = {} }

resource "aws_elb" "this" {
  count = var.create_elb ? 1 : 0

  dynamic "listener" {
    for_each = var.listener
    content {
      instance_port      = listener.value.instance_port
      instance_protocol  = listener.value.instance_protocol
      lb_port            = listener.value.lb_port
      lb_protocol        = listener.value.lb_protocol
      ssl_certificate_id = lookup(listener.value, "ssl_certificate_id", null)
    }
  }

  tags = var.tags
}
`,
};
