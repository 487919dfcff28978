import rule from '../../../rules/terraform/log-retention';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 30\n}\n',
    'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = var.log_days\n}\n',
  ],
  invalid: [
    {
      code: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/api"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 42 }],
      output: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/api"\n  retention_in_days = 30\n}\n',
    },
    {
      name: 'zero keeps logs forever',
      code: 'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 0\n}\n',
      errors: [{ messageId: 'forever', line: 2, column: 23, endLine: 2, endColumn: 24 }],
      output: 'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 30\n}\n',
    },
    {
      name: 'one-line block',
      code: 'resource "aws_cloudwatch_log_group" "app" { name = "/app/api" }\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 42 }],
      output: 'resource "aws_cloudwatch_log_group" "app" { name = "/app/api"\n  retention_in_days = 30\n}\n',
    },
  ],
});
