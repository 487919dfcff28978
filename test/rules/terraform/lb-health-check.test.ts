import rule from '../../../rules/terraform/lb-health-check';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_lb_target_group" "app" {\n  protocol = "HTTP"\n  health_check {\n    path = "/health"\n  }\n}\n',
    { name: 'TCP target groups use TCP checks', code: 'resource "aws_lb_target_group" "nlb" {\n  protocol = "TCP"\n}\n' },
    { name: 'unknown protocol', code: 'resource "aws_lb_target_group" "app" {\n  protocol = var.protocol\n}\n' },
    { name: 'dynamic health_check', code: 'resource "aws_lb_target_group" "app" {\n  protocol = "HTTPS"\n  dynamic "health_check" {\n    for_each = var.checks\n    content {\n      path = health_check.value\n    }\n  }\n}\n' },
    { name: 'nothing to inspect', code: 'resource "aws_lb" "main" {}\n', inspected: [] },
    {
      name: 'registry ALB module: target group with a health check path',
      code: 'module "alb" {\n  source        = "terraform-aws-modules/alb/aws"\n  version       = "~> 8.0"\n  target_groups = [{ backend_protocol = "HTTP", health_check = { path = "/health" } }]\n}\n',
      inspected: ['target-group'],
    },
  ],
  invalid: [
    {
      name: 'the seed target group without its health_check',
      code: 'resource "aws_lb_target_group" "app" {\n  name     = "app-tg"\n  port     = 80\n  protocol = "HTTP"\n  vpc_id   = aws_vpc.main.id\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 37 }],
      output:
        'resource "aws_lb_target_group" "app" {\n  name     = "app-tg"\n  port     = 80\n  protocol = "HTTP"\n  vpc_id   = aws_vpc.main.id\n\n  health_check {\n    enabled             = true\n    healthy_threshold   = 2\n    interval            = 30\n    matcher             = "200"\n    path                = "/health"\n    port                = "traffic-port"\n    protocol            = "HTTP"\n    timeout             = 5\n    unhealthy_threshold = 2\n  }\n}\n',
    },
    {
      name: 'health check without a path',
      code: 'resource "aws_lb_target_group" "app" {\n  protocol = "HTTPS"\n  health_check {\n    matcher = "200"\n  }\n}\n',
      errors: [{ messageId: 'noPath', line: 3, column: 3, endLine: 3, endColumn: 15 }],
      output: 'resource "aws_lb_target_group" "app" {\n  protocol = "HTTPS"\n  health_check {\n    matcher = "200"\n    path = "/health"\n  }\n}\n',
    },
    {
      name: 'disabled health check without a path: the fix enables it and adds the path',
      code: 'resource "aws_alb_target_group" "app" {\n  protocol = "HTTP"\n  health_check {\n    enabled = false\n  }\n}\n',
      errors: [{ messageId: 'disabled', line: 4, column: 15, endLine: 4, endColumn: 20 }],
      output: 'resource "aws_alb_target_group" "app" {\n  protocol = "HTTP"\n  health_check {\n    enabled = true\n    path = "/health"\n  }\n}\n',
    },
    {
      name: 'registry ALB module: a target group passed without health_check, at the element the caller writes',
      code: 'module "alb" {\n  source        = "terraform-aws-modules/alb/aws"\n  version       = "~> 8.0"\n  target_groups = [{ backend_protocol = "HTTP", backend_port = 80 }]\n}\n',
      errors: [{ messageId: 'moduleMissing', line: 4, column: 20, endLine: 4, endColumn: 68, message: 'Target group module.alb.aws_lb_target_group.main gets no health_check from this module call, so AWS only probes "/" and keeps sending traffic to targets whose application is broken; pass a health_check with a path such as /health.' }],
      output: null,
      inspected: ['target-group'],
    },
    {
      name: 'registry ALB module: health check without a path',
      code: 'module "alb" {\n  source        = "terraform-aws-modules/alb/aws"\n  version       = "~> 8.0"\n  target_groups = [{ backend_protocol = "HTTP", health_check = { matcher = "200" } }]\n}\n',
      errors: [{ messageId: 'noPath', line: 4, column: 64, endLine: 4, endColumn: 83 }],
      output: null,
    },
  ],
});
