import rule from '../../../rules/terraform/lb-https';
import { runRuleTests } from '../../helpers/rule-tester';

const redirect = 'resource "aws_lb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n';

runRuleTests(rule, {
  valid: [
    { name: 'a Gateway Load Balancer listener has no protocol', code: 'resource "aws_lb" "gw" {\n  load_balancer_type = "gateway"\n}\nresource "aws_lb_listener" "gw" {\n  load_balancer_arn = aws_lb.gw.arn\n}\n', inspected: ['listener'] },
    redirect,
    'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS-1-2-2017-01"\n}\n',
    'resource "aws_lb_listener" "tls" {\n  protocol   = "TLS"\n  ssl_policy = "ELBSecurityPolicy-FS-1-2-Res-2020-10"\n}\n',
    { name: 'unknown action type', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = var.action\n  }\n}\n' },
    { name: 'TCP listener', code: 'resource "aws_lb_listener" "tcp" {\n  protocol = "TCP"\n}\n' },
    { name: 'HTTPS target group', code: 'resource "aws_lb_target_group" "app" {\n  protocol = "HTTPS"\n}\n', inspected: ['target-group'] },
    { name: 'Lambda target group', code: 'resource "aws_lb_target_group" "fn" {\n  target_type = "lambda"\n  protocol    = "HTTP"\n}\n' },
    { name: 'classic ELB on HTTPS with a TLS 1.2 policy', code: 'resource "aws_elb" "web" {\n  listener {\n    lb_port           = 443\n    lb_protocol       = "https"\n    instance_port     = 8443\n    instance_protocol = "https"\n  }\n}\nresource "aws_load_balancer_policy" "tls" {\n  policy_type_name = "SSLNegotiationPolicyType"\n  policy_attribute {\n    name  = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-TLS-1-2-2017-01"\n  }\n  policy_attribute {\n    name  = "Protocol-TLSv1.2"\n    value = "true"\n  }\n}\n', inspected: ['load-balancer', 'resource'] },
    { name: 'nothing to inspect', code: 'resource "aws_lb" "main" {}\n', inspected: [] },
    {
      name: 'registry ALB module: HTTP listener redirecting to HTTPS',
      code: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 8.0"\n  http_tcp_listeners = [{\n    port        = 80\n    protocol    = "HTTP"\n    action_type = "redirect"\n    redirect    = { port = "443", protocol = "HTTPS", status_code = "HTTP_301" }\n  }]\n}\n',
      inspected: ['listener'],
    },
  ],
  invalid: [
    {
      name: 'a listener without protocol on an Application Load Balancer serves HTTP (KICS "ALB Listening on HTTP")',
      code: 'resource "aws_lb" "web" {\n  load_balancer_type = "application"\n}\nresource "aws_lb_listener" "web" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n}\n',
      errors: [{ messageId: 'plainHttp', line: 4, column: 1, endLine: 4, endColumn: 33 }],
      output: null,
      inspected: ['listener'],
    },
    {
      name: 'reusable module: an old default SSL policy is information at the default',
      filename: 'modules/web/main.tf',
      code: 'variable "policy" {\n  default = "ELBSecurityPolicy-2016-08"\n}\nresource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = var.policy\n}\n',
      files: { 'outputs.tf': 'output "arn" {\n  value = aws_lb_listener.https.arn\n}\n' },
      errors: [{ messageId: 'callerDefault', line: 2, column: 13, endLine: 2, endColumn: 40 }],
      output: 'variable "policy" {\n  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\nresource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = var.policy\n}\n',
    },
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
    {
      name: 'target group forwarding in plain HTTP (checkov CKV_AWS_378)',
      code: 'resource "aws_lb_target_group" "app" {\n  port     = 8080\n  protocol = "HTTP"\n}\n',
      errors: [{ messageId: 'targetPlainHttp', line: 3, column: 14, endLine: 3, endColumn: 20, message: 'Target group aws_lb_target_group.app forwards traffic to its targets in plain HTTP; set protocol = "HTTPS" so it stays encrypted inside the network.' }],
      output: 'resource "aws_lb_target_group" "app" {\n  port     = 8080\n  protocol = "HTTPS"\n}\n',
      inspected: ['target-group'],
    },
    {
      name: 'classic ELB listening on plain HTTP',
      code: 'resource "aws_elb" "web" {\n  listener {\n    lb_port           = 80\n    lb_protocol       = "http"\n    instance_port     = 8080\n    instance_protocol = "http"\n  }\n}\n',
      errors: [{ messageId: 'classicPlainHttp', line: 4, column: 25, endLine: 4, endColumn: 31, message: 'Classic load balancer aws_elb.web accepts plain HTTP on port 80; serve it with lb_protocol = "https" and a certificate, or move to an ALB that redirects to HTTPS.' }],
      output: null,
      inspected: ['load-balancer'],
    },
    {
      name: 'classic ELB policy with TLS 1.0, a weak cipher and an old reference policy (KICS "ELB Using Insecure Protocols" / "Weak Ciphers")',
      code: 'resource "aws_load_balancer_policy" "ssl" {\n  policy_type_name = "SSLNegotiationPolicyType"\n  policy_attribute {\n    name  = "Protocol-TLSv1"\n    value = "true"\n  }\n  policy_attribute {\n    name  = "DES-CBC3-SHA"\n    value = "true"\n  }\n  policy_attribute {\n    name  = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-2016-08"\n  }\n}\n',
      errors: [
        { messageId: 'insecureProtocol', line: 4, column: 13, endLine: 4, endColumn: 29 },
        { messageId: 'weakCipher', line: 8, column: 13, endLine: 8, endColumn: 27, message: 'Load balancer policy aws_load_balancer_policy.ssl enables the weak cipher DES-CBC3-SHA; remove it or set it to "false".' },
        { messageId: 'outdatedClassicPolicy', line: 13, column: 13, endLine: 13, endColumn: 40 },
      ],
      output: null,
      inspected: ['resource'],
    },
    {
      name: 'registry ALB module: plain HTTP listener, at the protocol the caller passes',
      code: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 8.0"\n  http_tcp_listeners = [{\n    port     = 80\n    protocol = "HTTP"\n  }]\n}\n',
      errors: [{ messageId: 'plainHttp', line: 6, column: 16, endLine: 6, endColumn: 22, message: 'Listener module.alb.aws_lb_listener.frontend_http_tcp serves plain HTTP instead of redirecting to HTTPS; make its default_action a redirect with protocol = "HTTPS".' }],
      output: null,
      inspected: ['listener'],
    },
    {
      name: 'registry ALB module: HTTPS listener left at the module default policy, and a plain HTTP target group',
      code: 'module "alb" {\n  source          = "terraform-aws-modules/alb/aws"\n  version         = "8.7.0"\n  https_listeners = [{ port = 443, certificate_arn = var.cert }]\n  target_groups   = [{ backend_protocol = "http", backend_port = 80 }]\n}\n',
      errors: [
        { messageId: 'outdatedPolicy', line: 1, column: 1, endLine: 1, endColumn: 13, message: 'SSL policy ELBSecurityPolicy-2016-08 still accepts protocols older than TLS 1.2; use "ELBSecurityPolicy-TLS13-1-2-2021-06".' },
        { messageId: 'targetPlainHttp', line: 5, column: 43, endLine: 5, endColumn: 49 },
      ],
      output: 'module "alb" {\n  source          = "terraform-aws-modules/alb/aws"\n  version         = "8.7.0"\n  https_listeners = [{ port = 443, certificate_arn = var.cert }]\n  target_groups   = [{ backend_protocol = "http", backend_port = 80 }]\n  listener_ssl_policy_default = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    },
  ],
});
