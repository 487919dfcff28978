import rule from '../../../rules/terraform/open-ingress';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'HTTPS from anywhere', code: 'resource "aws_security_group" "alb" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
    { name: 'SSH from the VPC', code: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n}\n' },
    { name: 'egress is not ingress', code: 'resource "aws_security_group_rule" "out" {\n  type        = "egress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n' },
    { name: 'unknown ports', code: 'resource "aws_vpc_security_group_ingress_rule" "app" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = var.port\n  to_port     = var.port\n  ip_protocol = "tcp"\n}\n' },
    { name: 'ping', code: 'resource "aws_security_group" "sg" {\n  ingress {\n    from_port   = 8\n    to_port     = 0\n    protocol    = "icmp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'inline SSH open to the world on IPv4 and IPv6',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port        = 22\n    to_port          = 22\n    protocol         = "tcp"\n    cidr_blocks      = ["10.0.0.0/8", "0.0.0.0/0"]\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n',
      errors: [
        { messageId: 'open', line: 6, column: 39, endLine: 6, endColumn: 50, message: 'Ingress from 0.0.0.0/0 opens port 22 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' },
        { messageId: 'open', line: 7, column: 25, endLine: 7, endColumn: 31 },
      ],
      output: null,
    },
    {
      name: 'all protocols',
      code: 'resource "aws_security_group_rule" "all" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      errors: [{ messageId: 'open', line: 6, column: 18, endLine: 6, endColumn: 29 }],
      output: null,
    },
    {
      name: 'a range from 80 to 443 includes other ports',
      code: 'resource "aws_vpc_security_group_ingress_rule" "web" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = 80\n  to_port     = 443\n  ip_protocol = "tcp"\n}\n',
      errors: [{ messageId: 'open', line: 2, column: 17, endLine: 2, endColumn: 28, message: 'Ingress from 0.0.0.0/0 opens ports 80-443 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' }],
      output: null,
    },
    {
      name: 'open CIDR list from a variable default',
      code: 'resource "aws_security_group_rule" "db" {\n  type        = "ingress"\n  from_port   = 5432\n  to_port     = 5432\n  protocol    = "tcp"\n  cidr_blocks = var.allowed\n}\n',
      files: { 'variables.tf': 'variable "allowed" {\n  default = ["0.0.0.0/0"]\n}\n' },
      errors: [{ messageId: 'open', line: 6, column: 17, endLine: 6, endColumn: 28 }],
      output: null,
    },
  ],
});
