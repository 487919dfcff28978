import rule from '../../../rules/terraform/ebs-encryption';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_ebs_volume" "data" {\n  size      = 100\n  encrypted = true\n}\n',
    { name: 'encryption by default in the module', code: 'resource "aws_ebs_volume" "data" {\n  size = 100\n}\n', files: { 'account.tf': 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\n' } },
    { name: 'restored from a snapshot', code: 'resource "aws_ebs_volume" "data" {\n  snapshot_id = "snap-123"\n}\n' },
    { name: 'instance without root_block_device, with encryption by default', code: 'resource "aws_ebs_encryption_by_default" "on" {}\nresource "aws_instance" "web" {\n  ami = "ami-123"\n}\n', inspected: ['resource', 'volume'] },
    {
      name: 'launch configuration with an encrypted root device',
      code: 'resource "aws_launch_configuration" "web" {\n  image_id = "ami-123"\n  root_block_device {\n    encrypted = true\n  }\n}\n',
      inspected: ['volume'],
    },
    { name: 'nothing to inspect', code: 'resource "aws_s3_bucket" "b" {}\n', inspected: [] },
    { name: 'encryption by default left at the provider default (on)', code: 'resource "aws_ebs_encryption_by_default" "on" {}\nresource "aws_ebs_volume" "data" {\n  size = 1\n}\n', inspected: ['resource', 'volume'] },
  ],
  invalid: [
    {
      name: 'instance without root_block_device: the AMI root volume is unencrypted (checkov CKV_AWS_8)',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n',
      errors: [{ messageId: 'rootMissing', line: 1, column: 1, endLine: 1, endColumn: 30, message: 'The root volume of aws_instance.web is encrypted only if its AMI is, and most are not; add a root_block_device with encrypted = true.' }],
      output: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n\n  root_block_device {\n    encrypted = true\n  }\n}\n',
      inspected: ['volume'],
    },
    {
      name: 'launch configuration: an unencrypted data device',
      code: 'resource "aws_launch_configuration" "web" {\n  root_block_device {\n    encrypted = true\n  }\n  ebs_block_device {\n    device_name = "/dev/xvdb"\n    encrypted   = false\n  }\n}\n',
      errors: [{ messageId: 'disabled', line: 7, column: 19, endLine: 7, endColumn: 24 }],
      output: 'resource "aws_launch_configuration" "web" {\n  root_block_device {\n    encrypted = true\n  }\n  ebs_block_device {\n    device_name = "/dev/xvdb"\n    encrypted   = true\n  }\n}\n',
    },
    {
      name: 'reusable module: the caller decides, the default leaves the volume unencrypted (at most information)',
      filename: 'modules/disk/main.tf',
      code: 'resource "aws_ebs_volume" "this" {\n  size      = 10\n  encrypted = var.encrypted\n}\n',
      files: { 'variables.tf': 'variable "encrypted" {\n  default = false\n}\n' },
      errors: [{ messageId: 'callerDefault', line: 3, column: 15, endLine: 3, endColumn: 28, message: 'Volume aws_ebs_volume.this leaves encrypted to its callers, and the default of var.encrypted (false) stores it unencrypted; default it to true so that callers who omit it are safe.' }],
      output: null,
      inspected: ['volume?'],
    },
    {
      name: 'volume',
      code: 'resource "aws_ebs_volume" "data" {\n  size = 100\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 33, message: 'Volume aws_ebs_volume.data is not encrypted, and neither are its snapshots; set encrypted = true.' }],
      output: 'resource "aws_ebs_volume" "data" {\n  size = 100\n  encrypted = true\n}\n',
    },
    {
      name: 'instance root device and launch template',
      code: 'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 50\n  }\n}\nresource "aws_launch_template" "web" {\n  block_device_mappings {\n    ebs {\n      encrypted = false\n    }\n  }\n}\n',
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 20 },
        { messageId: 'disabled', line: 9, column: 19, endLine: 9, endColumn: 24 },
      ],
      output: 'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 50\n    encrypted = true\n  }\n}\nresource "aws_launch_template" "web" {\n  block_device_mappings {\n    ebs {\n      encrypted = true\n    }\n  }\n}\n',
    },
    {
      name: 'encryption by default turned off (checkov CKV_AWS_106), and so the volume counts on its own',
      code: 'resource "aws_ebs_encryption_by_default" "off" {\n  enabled = false\n}\nresource "aws_ebs_volume" "data" {\n  size = 1\n}\n',
      errors: [
        { messageId: 'defaultOff', line: 2, column: 13, endLine: 2, endColumn: 18, message: 'Default EBS encryption aws_ebs_encryption_by_default.off is turned off, so every new volume that does not ask for encryption is stored in clear; set enabled = true.' },
        { messageId: 'missing', line: 4, column: 1, endLine: 4, endColumn: 33 },
      ],
      output: 'resource "aws_ebs_encryption_by_default" "off" {\n  enabled = true\n}\nresource "aws_ebs_volume" "data" {\n  size = 1\n  encrypted = true\n}\n',
      inspected: ['resource', 'volume'],
    },
    {
      name: 'launch template devices from a dynamic block over a local map',
      code: 'locals {\n  disks = { root = { size = 50, encrypted = false } }\n}\nresource "aws_launch_template" "nodes" {\n  dynamic "block_device_mappings" {\n    for_each = local.disks\n    content {\n      device_name = block_device_mappings.key\n      ebs {\n        volume_size = block_device_mappings.value.size\n        encrypted   = block_device_mappings.value.encrypted\n      }\n    }\n  }\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 45, endLine: 2, endColumn: 50 }],
      output: 'locals {\n  disks = { root = { size = 50, encrypted = true } }\n}\nresource "aws_launch_template" "nodes" {\n  dynamic "block_device_mappings" {\n    for_each = local.disks\n    content {\n      device_name = block_device_mappings.key\n      ebs {\n        volume_size = block_device_mappings.value.size\n        encrypted   = block_device_mappings.value.encrypted\n      }\n    }\n  }\n}\n',
      inspected: ['volume'],
    },
  ],
});
