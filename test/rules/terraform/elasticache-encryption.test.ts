import rule from '../../../rules/terraform/elasticache-encryption';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}\n',
    'resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = "true"\n  transit_encryption_enabled = var.tls\n}\n',
    { name: 'serverless caches are always encrypted', code: 'resource "aws_elasticache_serverless_cache" "cache" {\n  engine = "redis"\n}\n' },
    { name: 'nothing to inspect', code: 'resource "aws_elasticache_cluster" "memcached" {}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'both missing',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  engine = "redis"\n}\n',
      inspected: ['cache'],
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
    {
      name: 'a local module: the caller turns transit encryption off',
      filename: 'app/main.tf',
      code: 'provider "aws" {}\nmodule "cache" {\n  source = "../modules/cache"\n  tls    = false\n}\n',
      files: { '../modules/cache/main.tf': 'variable "tls" {\n  default = true\n}\nresource "aws_elasticache_replication_group" "this" {\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = var.tls\n}\n' },
      errors: [{ messageId: 'disabledInTransit', line: 4, column: 12, endLine: 4, endColumn: 17, message: 'Replication group module.cache.aws_elasticache_replication_group.this turns encryption in transit off; set tls = true.' }],
      output: 'provider "aws" {}\nmodule "cache" {\n  source = "../modules/cache"\n  tls    = true\n}\n',
      inspected: ['cache'],
    },
  ],
});
