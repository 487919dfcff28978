import rule from '../../../rules/terraform/kms-rotation';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n',
    { name: 'asymmetric keys cannot rotate', code: 'resource "aws_kms_key" "sign" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage                = "SIGN_VERIFY"\n}\n' },
    { name: 'HMAC keys cannot rotate', code: 'resource "aws_kms_key" "mac" {\n  customer_master_key_spec = "HMAC_256"\n  key_usage                = "GENERATE_VERIFY_MAC"\n}\n' },
  ],
  invalid: [
    {
      code: 'resource "aws_kms_key" "data" {\n  description = "data"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 30 }],
      output: 'resource "aws_kms_key" "data" {\n  description = "data"\n  enable_key_rotation = true\n}\n',
    },
    {
      code: 'resource "aws_kms_key" "data" {\n  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = false\n}\n',
      errors: [{ messageId: 'disabled', line: 3, column: 30, endLine: 3, endColumn: 35 }],
      output: 'resource "aws_kms_key" "data" {\n  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = true\n}\n',
    },
  ],
});
