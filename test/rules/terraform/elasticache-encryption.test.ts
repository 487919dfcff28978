import rule from '../../../rules/terraform/elasticache-encryption';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}\n',
    'resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = "true"\n  transit_encryption_enabled = var.tls\n}\n',
    { name: 'serverless caches are always encrypted', code: 'resource "aws_elasticache_serverless_cache" "cache" {\n  engine = "redis"\n}\n' },
  ],
  invalid: [
    {
      name: 'both missing',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  engine = "redis"\n}\n',
      errors: [
        { messageId: 'missingAtRest', line: 1, column: 1, endLine: 1, endColumn: 53 },
        { messageId: 'missingInTransit', line: 1, column: 1, endLine: 1, endColumn: 53 },
      ],
      // Both fixes insert at the same place; applied together, the later one lands first.
      output: 'resource "aws_elasticache_replication_group" "cache" {\n  engine = "redis"\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}\n',
    },
    {
      name: 'transit off',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = false\n}\n',
      errors: [{ messageId: 'disabledInTransit', line: 3, column: 32, endLine: 3, endColumn: 37 }],
      output: 'resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}\n',
    },
  ],
});
