import rule from '../../../rules/terraform/kms-rotation';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'a disabled key encrypts nothing (KICS "CMK Rotation Disabled")', code: 'resource "aws_kms_key" "old" {\n  is_enabled          = false\n  enable_key_rotation = false\n}\n', inspected: ['key'] },
    'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n',
    { name: 'asymmetric keys cannot rotate', code: 'resource "aws_kms_key" "sign" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage                = "SIGN_VERIFY"\n}\n' },
    { name: 'HMAC keys cannot rotate', code: 'resource "aws_kms_key" "mac" {\n  customer_master_key_spec = "HMAC_256"\n  key_usage                = "GENERATE_VERIFY_MAC"\n}\n' },
    { name: 'registry KMS module rotates by default', code: 'module "key" {\n  source = "terraform-aws-modules/kms/aws"\n}\n', inspected: ['key'] },
    { name: 'registry EKS module: its KMS key rotates by default', code: 'module "eks" {\n  source = "terraform-aws-modules/eks/aws"\n}\n', inspected: ['key'] },
    { name: 'nothing to inspect', code: 'resource "aws_kms_alias" "a" {}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'rotation asked of an asymmetric key: AWS rejects it (KICS "CMK Rotation Disabled")',
      code: 'resource "aws_kms_key" "sign" {\n  customer_master_key_spec = "RSA_2048"\n  enable_key_rotation      = true\n}\n',
      errors: [{ messageId: 'unsupported', line: 3, column: 30, endLine: 3, endColumn: 34, message: 'KMS key aws_kms_key.sign is a RSA_2048 key, which AWS cannot rotate, so enable_key_rotation = true fails at apply; remove enable_key_rotation.' }],
      output: null,
      inspected: ['key'],
    },
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
    {
      name: 'registry KMS module with rotation off',
      code: 'module "key" {\n  source              = "terraform-aws-modules/kms/aws"\n  enable_key_rotation = false\n}\n',
      errors: [{ messageId: 'disabled', line: 3, column: 25, endLine: 3, endColumn: 30, message: 'KMS key module.key.aws_kms_key.this turns key rotation off; set enable_key_rotation = true.' }],
      output: 'module "key" {\n  source              = "terraform-aws-modules/kms/aws"\n  enable_key_rotation = true\n}\n',
      inspected: ['key'],
    },
    {
      name: 'registry EKS module with rotation of its cluster key off',
      code: 'module "eks" {\n  source                  = "terraform-aws-modules/eks/aws"\n  version                 = "~> 21.0"\n  enable_kms_key_rotation = false\n}\n',
      errors: [{ messageId: 'disabled', line: 4, column: 29, endLine: 4, endColumn: 34, message: 'KMS key module.eks.module.kms.aws_kms_key.this turns key rotation off; set enable_kms_key_rotation = true.' }],
      output: 'module "eks" {\n  source                  = "terraform-aws-modules/eks/aws"\n  version                 = "~> 21.0"\n  enable_kms_key_rotation = true\n}\n',
    },
  ],
});
