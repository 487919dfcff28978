import rule from '../../../rules/terraform/lb-https';
import { runRuleTests } from '../../helpers/rule-tester';

const redirect = 'resource "aws_lb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n';

runRuleTests(rule, {
  valid: [
    redirect,
    'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS-1-2-2017-01"\n}\n',
    'resource "aws_lb_listener" "tls" {\n  protocol   = "TLS"\n  ssl_policy = "ELBSecurityPolicy-FS-1-2-Res-2020-10"\n}\n',
    { name: 'unknown action type', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = var.action\n  }\n}\n' },
    { name: 'TCP listener', code: 'resource "aws_lb_listener" "tcp" {\n  protocol = "TCP"\n}\n' },
  ],
  invalid: [
    {
      name: 'plain HTTP forward',
      code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n}\n',
      errors: [{ messageId: 'plainHttp', line: 2, column: 14, endLine: 2, endColumn: 20 }],
      output: null,
    },
    {
      name: 'redirect that keeps HTTP',
      code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port = "8080"\n    }\n  }\n}\n',
      errors: [{ messageId: 'plainHttp', line: 2, column: 14, endLine: 2, endColumn: 20 }],
      output: null,
    },
    {
      name: 'HTTPS with the AWS default policy',
      code: 'resource "aws_lb_listener" "https" {\n  port     = 443\n  protocol = "HTTPS"\n}\n',
      errors: [{ messageId: 'noPolicy', line: 1, column: 1, endLine: 1, endColumn: 35 }],
      output: 'resource "aws_lb_listener" "https" {\n  port     = 443\n  protocol = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    },
    {
      name: 'outdated policies',
      code: 'resource "aws_lb_listener" "a" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}\nresource "aws_lb_listener" "b" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-0-2021-06"\n}\n',
      errors: [
        { messageId: 'outdatedPolicy', line: 3, column: 16, endLine: 3, endColumn: 43, message: 'SSL policy ELBSecurityPolicy-2016-08 still accepts protocols older than TLS 1.2; use "ELBSecurityPolicy-TLS13-1-2-2021-06".' },
        { messageId: 'outdatedPolicy', line: 7, column: 16, endLine: 7, endColumn: 53 },
      ],
      output: 'resource "aws_lb_listener" "a" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\nresource "aws_lb_listener" "b" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    },
  ],
});
