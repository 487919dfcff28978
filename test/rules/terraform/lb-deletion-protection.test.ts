import rule from '../../../rules/terraform/lb-deletion-protection';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_lb" "main" {\n  enable_deletion_protection = true\n}\n',
    { name: 'string "true" is accepted', code: 'resource "aws_alb" "main" {\n  enable_deletion_protection = "true"\n}\n' },
    { name: 'unknown value', code: 'resource "aws_lb" "main" {\n  enable_deletion_protection = var.protect\n}\n' },
    { name: 'variable default true', code: 'variable "protect" {\n  default = true\n}\nresource "aws_lb" "main" {\n  enable_deletion_protection = var.protect\n}\n' },
    'resource "aws_lb_target_group" "main" {\n  port = 80\n}\n',
    { name: 'nothing to inspect', code: 'resource "aws_elb" "classic" {}\n', inspected: [] },
    { name: 'registry ALB module pinned to 9.x, whose defaults were not checked', code: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 9.0"\n}\n', inspected: ['load-balancer?'] },
  ],
  invalid: [
    {
      name: 'reusable module: the caller decides, and the default (false) is reported as information at the reference',
      filename: 'modules/alb/main.tf',
      code: 'resource "aws_lb" "main" {\n  enable_deletion_protection = var.protect\n}\n',
      files: { 'variables.tf': 'variable "protect" {\n  default = false\n}\n', '/work/env/prod/main.tf': 'provider "aws" {}\nmodule "alb" {\n  source = "../../modules/alb"\n}\n' },
      inspected: ['load-balancer?'],
      errors: [{ messageId: 'callerDefault', line: 2, column: 32, endLine: 2, endColumn: 43, message: 'Load balancer aws_lb.main leaves enable_deletion_protection to its callers, and the default of var.protect (false) leaves it unprotected; default it to true so that callers who omit it are safe.' }],
      output: null,
    },
    {
      name: 'missing: inserted after the last attribute',
      code: 'resource "aws_lb" "main" {\n  name     = "production-alb"\n  internal = false\n\n  tags = {\n    Environment = "production"\n  }\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 25, message: 'Load balancer aws_lb.main has no deletion protection, so one mistaken destroy removes it; set enable_deletion_protection = true.' }],
      output: 'resource "aws_lb" "main" {\n  name     = "production-alb"\n  internal = false\n\n  tags = {\n    Environment = "production"\n  }\n  enable_deletion_protection = true\n}\n',
    },
    {
      name: 'explicitly false',
      code: 'resource "aws_alb" "main" {\n  enable_deletion_protection = false\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 32, endLine: 2, endColumn: 37 }],
      output: 'resource "aws_alb" "main" {\n  enable_deletion_protection = true\n}\n',
    },
    {
      name: 'empty one-line block, CRLF, tab indentation',
      code: 'resource "aws_lb" "a" {}\r\nresource "aws_lb" "b" {\r\n\tname = "b"\r\n}\r\n',
      errors: [
        { messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 22 },
        { messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 22 },
      ],
      output: 'resource "aws_lb" "a" {\r\n\tenable_deletion_protection = true\r\n}\r\nresource "aws_lb" "b" {\r\n\tname = "b"\r\n\tenable_deletion_protection = true\r\n}\r\n',
    },
    {
      name: 'false through a variable default of a root module: reported on the reference, no fix',
      code: 'provider "aws" {}\nresource "aws_lb" "main" {\n  enable_deletion_protection = var.protect\n}\n',
      files: { 'variables.tf': 'variable "protect" {\n  default = false\n}\n' },
      errors: [{ messageId: 'disabled', line: 3, column: 32, endLine: 3, endColumn: 43 }],
      output: null,
    },
    {
      name: 'registry ALB module (8.x) left at its default (false)',
      code: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "8.7.0"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13 }],
      output: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "8.7.0"\n  enable_deletion_protection = true\n}\n',
      inspected: ['load-balancer'],
    },
  ],
});
