import rule from '../../../rules/terraform/ebs-encryption';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_ebs_volume" "data" {\n  size      = 100\n  encrypted = true\n}\n',
    { name: 'encryption by default in the module', code: 'resource "aws_ebs_volume" "data" {\n  size = 100\n}\n', files: { 'account.tf': 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\n' } },
    { name: 'restored from a snapshot', code: 'resource "aws_ebs_volume" "data" {\n  snapshot_id = "snap-123"\n}\n' },
    { name: 'instance without block devices: the AMI decides', code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n' },
  ],
  invalid: [
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
  ],
});
