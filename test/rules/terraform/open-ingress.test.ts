import rule from '../../../rules/terraform/open-ingress';
import { runRuleTests } from '../../helpers/rule-tester';

const SG = 'terraform-aws-modules/security-group/aws';

runRuleTests(rule, {
  valid: [
    { name: 'HTTPS from anywhere', code: 'resource "aws_security_group" "alb" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n', inspected: ['security-group'] },
    { name: 'SSH from the VPC', code: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n}\n' },
    { name: 'egress is not ingress', code: 'resource "aws_security_group_rule" "out" {\n  type        = "egress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n', inspected: ['security-group'] },
    { name: 'unknown ports', code: 'resource "aws_vpc_security_group_ingress_rule" "app" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = var.port\n  to_port     = var.port\n  ip_protocol = "tcp"\n}\n' },
    { name: 'ping', code: 'resource "aws_security_group" "sg" {\n  ingress {\n    from_port   = 8\n    to_port     = 0\n    protocol    = "icmp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
    { name: 'nothing to inspect', code: 'resource "aws_instance" "web" {}\n', inspected: [] },
    { name: 'registry module: HTTPS open to the world', code: `module "web" {\n  source              = "${SG}"\n  ingress_rules       = ["https-443-tcp"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n`, inspected: ['security-group', 'security-group'] },
    { name: 'registry module: SSH from the office', code: `module "ssh" {\n  source              = "${SG}//modules/ssh"\n  ingress_cidr_blocks = ["203.0.113.0/24"]\n}\n` },
  ],
  invalid: [
    {
      name: 'ports -1 stand for all ports (checkov CKV_AWS_277)',
      code: 'resource "aws_vpc_security_group_ingress_rule" "any" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = -1\n  to_port     = -1\n  ip_protocol = "tcp"\n}\n',
      errors: [{ messageId: 'open', line: 2, column: 17, endLine: 2, endColumn: 28, message: 'Ingress to aws_vpc_security_group_ingress_rule.any from 0.0.0.0/0 opens all ports to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' }],
      output: null,
      inspected: ['security-group'],
    },
    {
      name: 'reusable module: CIDRs from its caller, whose default opens SSH (information)',
      filename: 'modules/sg/main.tf',
      code: 'resource "aws_security_group_rule" "this" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = var.cidrs\n}\n',
      files: { 'variables.tf': 'variable "cidrs" {\n  default = ["0.0.0.0/0"]\n}\n' },
      inspected: ['security-group?'],
      errors: [{ messageId: 'callerDefault', line: 6, column: 17, endLine: 6, endColumn: 26, message: 'Ingress to aws_security_group_rule.this takes its sources from its callers, and the default of var.cidrs (["0.0.0.0/0"]) opens port 22 to the whole internet; default to known networks so that callers who omit it are safe.' }],
      output: null,
    },
    {
      name: 'inline SSH open to the world on IPv4 and IPv6',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port        = 22\n    to_port          = 22\n    protocol         = "tcp"\n    cidr_blocks      = ["10.0.0.0/8", "0.0.0.0/0"]\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n',
      errors: [
        { messageId: 'open', line: 6, column: 39, endLine: 6, endColumn: 50, message: 'Ingress to aws_security_group.web from 0.0.0.0/0 opens port 22 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' },
        { messageId: 'open', line: 7, column: 25, endLine: 7, endColumn: 31 },
      ],
      output: null,
      inspected: ['security-group'],
    },
    {
      name: 'all protocols (checkov CKV_AWS_277)',
      code: 'resource "aws_security_group_rule" "all" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      errors: [{ messageId: 'open', line: 6, column: 18, endLine: 6, endColumn: 29 }],
      output: null,
    },
    {
      name: 'every port, and a range that covers 3389',
      code: 'resource "aws_vpc_security_group_ingress_rule" "everything" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = 0\n  to_port     = 65535\n  ip_protocol = "tcp"\n}\nresource "aws_vpc_security_group_ingress_rule" "rdp" {\n  cidr_ipv6   = "::/0"\n  from_port   = 3380\n  to_port     = 3390\n  ip_protocol = "6"\n}\n',
      errors: [
        { messageId: 'open', line: 2, column: 17, endLine: 2, endColumn: 28, message: 'Ingress to aws_vpc_security_group_ingress_rule.everything from 0.0.0.0/0 opens ports 0-65535 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' },
        { messageId: 'open', line: 8, column: 17, endLine: 8, endColumn: 23 },
      ],
      output: null,
    },
    {
      name: 'a range from 80 to 443 includes other ports',
      code: 'resource "aws_vpc_security_group_ingress_rule" "web" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = 80\n  to_port     = 443\n  ip_protocol = "tcp"\n}\n',
      errors: [{ messageId: 'open', line: 2, column: 17, endLine: 2, endColumn: 28, message: 'Ingress to aws_vpc_security_group_ingress_rule.web from 0.0.0.0/0 opens ports 80-443 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' }],
      output: null,
    },
    {
      name: 'open CIDR list from a variable default of a root module',
      code: 'provider "aws" {}\nresource "aws_security_group_rule" "db" {\n  type        = "ingress"\n  from_port   = 5432\n  to_port     = 5432\n  protocol    = "tcp"\n  cidr_blocks = var.allowed\n}\n',
      files: { 'variables.tf': 'variable "allowed" {\n  default = ["0.0.0.0/0"]\n}\n' },
      errors: [{ messageId: 'open', line: 7, column: 17, endLine: 7, endColumn: 28 }],
      output: null,
    },
    {
      name: 'ingress written as a list attribute, and a dynamic block over a local list',
      code: 'locals {\n  ports = [22, 5432]\n}\nresource "aws_security_group" "legacy" {\n  ingress = [{\n    from_port   = 3306\n    to_port     = 3306\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }]\n  dynamic "ingress" {\n    for_each = local.ports\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
      errors: [
        { messageId: 'open', line: 17, column: 22, endLine: 17, endColumn: 33, message: 'Ingress to aws_security_group.legacy from 0.0.0.0/0 opens port 22 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' },
        { messageId: 'open', line: 17, column: 22, endLine: 17, endColumn: 33, message: 'Ingress to aws_security_group.legacy from 0.0.0.0/0 opens port 5432 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' },
        { messageId: 'open', line: 9, column: 20, endLine: 9, endColumn: 31 },
      ],
      output: null,
    },
    {
      name: 'the default security group of a VPC',
      code: 'resource "aws_default_security_group" "default" {\n  ingress {\n    protocol    = "-1"\n    from_port   = 0\n    to_port     = 0\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
      errors: [{ messageId: 'open', line: 6, column: 20, endLine: 6, endColumn: 31 }],
      output: null,
      inspected: ['security-group'],
    },
    {
      name: 'registry module: named rules with ingress_cidr_blocks',
      code: `module "bastion" {\n  source              = "${SG}"\n  version             = "~> 5.0"\n  ingress_rules       = ["ssh-tcp", "https-443-tcp", "all-all"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n`,
      errors: [
        { messageId: 'open', line: 5, column: 26, endLine: 5, endColumn: 37, message: 'Ingress to module.bastion.aws_security_group_rule.ingress_rules[0] from 0.0.0.0/0 opens all ports to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' },
        { messageId: 'open', line: 5, column: 26, endLine: 5, endColumn: 37, message: 'Ingress to module.bastion.aws_security_group_rule.ingress_rules[2] from 0.0.0.0/0 opens port 22 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' },
      ],
      output: null,
      inspected: ['security-group', 'security-group', 'security-group', 'security-group'],
    },
    {
      name: 'registry module: a rule with its own comma-separated CIDRs',
      code: `module "db" {\n  source = "${SG}"\n  ingress_with_cidr_blocks = [\n    {\n      rule        = "postgresql-tcp"\n      cidr_blocks = "10.0.0.0/8,0.0.0.0/0"\n    },\n  ]\n}\n`,
      errors: [{ messageId: 'open', line: 6, column: 21, endLine: 6, endColumn: 43, message: 'Ingress to module.db.aws_security_group_rule.ingress_with_cidr_blocks from 0.0.0.0/0 opens port 5432 to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.' }],
      output: null,
    },
    {
      name: 'registry submodule opening its own rule (//modules/ssh)',
      code: `module "ssh" {\n  source              = "${SG}//modules/ssh"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n`,
      errors: [{ messageId: 'open', line: 3, column: 26, endLine: 3, endColumn: 37 }],
      output: null,
    },
    {
      name: 'registry VPC module: ingress on the default security group',
      code: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  default_security_group_ingress = [{\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = "0.0.0.0/0"\n  }]\n}\n',
      errors: [{ messageId: 'open', line: 7, column: 19, endLine: 7, endColumn: 30 }],
      output: null,
      inspected: ['security-group'],
    },
    {
      name: 'local module: the caller passes the open CIDR',
      filename: 'app/main.tf',
      code: 'provider "aws" {}\nmodule "sg" {\n  source = "../modules/sg"\n  cidrs  = ["0.0.0.0/0"]\n}\n',
      files: {
        '../modules/sg/main.tf': 'resource "aws_security_group_rule" "this" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = var.cidrs\n}\n',
        '../modules/sg/variables.tf': 'variable "cidrs" {\n  default = []\n}\n',
      },
      errors: [{ messageId: 'open', line: 4, column: 13, endLine: 4, endColumn: 24 }],
      output: null,
      inspected: ['security-group'],
    },
  ],
});
