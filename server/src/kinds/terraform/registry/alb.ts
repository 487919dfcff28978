import type { RegistryModule } from './types';

export const alb: RegistryModule = {
  source: 'terraform-aws-modules/alb/aws',
  versions: { from: '6.0.0', below: '9.0.0' },
  checkedAgainst: 'terraform-aws-alb variables.tf at 08c1d95 and main.tf at f51ae89 (create_lb, target_groups, https_listeners, http_tcp_listeners)',
  notMapped: 'v9 and later (listeners and target_groups as maps, enable_deletion_protection default true): the stored files are v8, so calls pinned to 9.x keep only the arguments they pass',
  hcl: `
variable "create_lb" { default = true }
variable "enable_deletion_protection" { default = false }
variable "load_balancer_type" { default = "application" }
variable "target_groups" { default = [] }
variable "https_listeners" { default = [] }
variable "http_tcp_listeners" { default = [] }
variable "listener_ssl_policy_default" { default = "ELBSecurityPolicy-2016-08" }
variable "tags" { default = {} }
variable "lb_tags" { default = {} }

resource "aws_lb" "this" {
  count = var.create_lb ? 1 : 0

  load_balancer_type         = var.load_balancer_type
  enable_deletion_protection = var.enable_deletion_protection
  tags                       = merge(var.tags, var.lb_tags)
}

resource "aws_lb_target_group" "main" {
  count = var.create_lb ? length(var.target_groups) : 0

  protocol    = lookup(var.target_groups[count.index], "backend_protocol", null) != null ? upper(lookup(var.target_groups[count.index], "backend_protocol")) : null
  target_type = lookup(var.target_groups[count.index], "target_type", null)

  dynamic "health_check" {
    for_each = length(keys(lookup(var.target_groups[count.index], "health_check", {}))) == 0 ? [] : [lookup(var.target_groups[count.index], "health_check", {})]

    content {
      enabled  = lookup(health_check.value, "enabled", null)
      path     = lookup(health_check.value, "path", null)
      protocol = lookup(health_check.value, "protocol", null)
    }
  }
}

resource "aws_lb_listener" "frontend_http_tcp" {
  count = var.create_lb ? length(var.http_tcp_listeners) : 0

  protocol = var.http_tcp_listeners[count.index]["protocol"]

  dynamic "default_action" {
    for_each = length(keys(var.http_tcp_listeners[count.index])) == 0 ? [] : [var.http_tcp_listeners[count.index]]

    content {
      type = lookup(default_action.value, "action_type", "forward")

      dynamic "redirect" {
        for_each = length(keys(lookup(default_action.value, "redirect", {}))) == 0 ? [] : [lookup(default_action.value, "redirect", {})]

        content {
          protocol = lookup(redirect.value, "protocol", null)
        }
      }
    }
  }
}

resource "aws_lb_listener" "frontend_https" {
  count = var.create_lb ? length(var.https_listeners) : 0

  protocol   = lookup(var.https_listeners[count.index], "protocol", "HTTPS")
  ssl_policy = lookup(var.https_listeners[count.index], "ssl_policy", var.listener_ssl_policy_default)
}
`,
};
