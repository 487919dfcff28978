import rule from '../../../rules/terraform/rds-encryption';
import { runRuleTests } from '../../helpers/rule-tester';

/** A small reusable module, called from `/work/app/main.tf` as `source = "../modules/db"`. */
const DB_MODULE = {
  '../modules/db/main.tf': 'resource "aws_db_instance" "this" {\n  storage_encrypted = var.encrypted\n}\n',
  '../modules/db/variables.tf': 'variable "encrypted" {\n  default = true\n}\n',
};

runRuleTests(rule, {
  valid: [
    { name: 'Aurora Serverless v1 is always encrypted (checkov CKV_AWS_96, KICS)', code: 'resource "aws_rds_cluster" "main" {\n  engine_mode       = "serverless"\n  storage_encrypted = false\n}\n', inspected: ['database'] },
    { code: 'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n}\n', inspected: ['database'] },
    'resource "aws_rds_cluster" "main" {\n  storage_encrypted = var.encrypted\n}\n',
    { name: 'other resource types are ignored', code: 'resource "aws_db_subnet_group" "main" {\n  name = "db"\n}\n', inspected: [] },
    { name: 'an empty file inspects nothing', code: '', inspected: [] },
    { name: 'a variable alone inspects nothing', code: 'variable "encrypted" {\n  default = false\n}\n', inspected: [] },
    {
      name: 'local module call keeping the module default (true)',
      filename: 'app/main.tf',
      code: 'provider "aws" {}\nmodule "db" {\n  source = "../modules/db"\n}\n',
      files: DB_MODULE,
      inspected: ['database'],
    },
    {
      name: 'registry module: storage_encrypted defaults to true',
      code: 'module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "~> 7.0"\n}\n',
      inspected: ['database'],
    },
    {
      name: 'registry module not creating the instance',
      code: 'module "db" {\n  source             = "terraform-aws-modules/rds/aws"\n  create_db_instance = false\n  storage_encrypted  = false\n}\n',
      inspected: [],
    },
  ],
  invalid: [
    {
      name: 'reusable module: the caller decides; the unsafe default is information at the reference',
      filename: 'modules/db/main.tf',
      code: 'resource "aws_db_instance" "this" {\n  storage_encrypted = var.encrypted\n}\n',
      files: { 'variables.tf': 'variable "encrypted" {\n  default = false\n}\n' },
      inspected: ['database?'],
      errors: [{ messageId: 'callerDefault', line: 2, column: 23, endLine: 2, endColumn: 36, message: 'Database aws_db_instance.this leaves storage_encrypted to its callers, and the default of var.encrypted (false) stores it unencrypted; default it to true so that callers who omit it are safe.' }],
      output: null,
    },
    {
      name: 'missing on an instance',
      code: 'resource "aws_db_instance" "main" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34, message: 'Database aws_db_instance.main does not encrypt its storage, snapshots or backups; set storage_encrypted = true.' }],
      output: 'resource "aws_db_instance" "main" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n  storage_encrypted = true\n}\n',
      inspected: ['database'],
    },
    {
      name: 'false on a cluster',
      code: 'resource "aws_rds_cluster" "aurora" {\n  storage_encrypted = false\n}\n',
      errors: [{ messageId: 'disabled', line: 2, column: 23, endLine: 2, endColumn: 28 }],
      output: 'resource "aws_rds_cluster" "aurora" {\n  storage_encrypted = true\n}\n',
    },
    {
      name: 'nested blocks only: inserted right after the opening brace',
      code: 'resource "aws_db_instance" "main" {\n  timeouts {\n    create = "60m"\n  }\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: 'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n  timeouts {\n    create = "60m"\n  }\n}\n',
    },
    {
      name: 'local module call: reported at the argument the caller passes, named as the caller names it',
      filename: 'app/main.tf',
      code: 'provider "aws" {}\nmodule "db" {\n  source    = "../modules/db"\n  encrypted = false\n}\n',
      files: DB_MODULE,
      errors: [{ messageId: 'disabled', line: 4, column: 15, endLine: 4, endColumn: 20, message: 'Database module.db.aws_db_instance.this turns storage encryption off, leaving its data, snapshots and backups in clear; set encrypted = true.' }],
      output: 'provider "aws" {}\nmodule "db" {\n  source    = "../modules/db"\n  encrypted = true\n}\n',
      inspected: ['database'],
    },
    {
      name: 'nested local modules: the value passes through a wrapper to the top-level caller',
      filename: 'app/main.tf',
      code: 'provider "aws" {}\nmodule "stack" {\n  source  = "../modules/stack"\n  encrypt = false\n}\n',
      files: {
        ...DB_MODULE,
        '../modules/stack/main.tf': 'module "db" {\n  source    = "../db"\n  encrypted = var.encrypt\n}\n',
        '../modules/stack/variables.tf': 'variable "encrypt" {\n  default = true\n}\n',
      },
      errors: [{ messageId: 'disabled', line: 4, column: 13, endLine: 4, endColumn: 18, message: 'Database module.stack.module.db.aws_db_instance.this turns storage encryption off, leaving its data, snapshots and backups in clear; set encrypt = true.' }],
      output: 'provider "aws" {}\nmodule "stack" {\n  source  = "../modules/stack"\n  encrypt = true\n}\n',
    },
    {
      name: 'registry module: false passed as an argument',
      code: 'module "db" {\n  source            = "terraform-aws-modules/rds/aws"\n  storage_encrypted = false\n}\n',
      errors: [{ messageId: 'disabled', line: 3, column: 23, endLine: 3, endColumn: 28, message: 'Database module.db.aws_db_instance.this turns storage encryption off, leaving its data, snapshots and backups in clear; set storage_encrypted = true.' }],
      output: 'module "db" {\n  source            = "terraform-aws-modules/rds/aws"\n  storage_encrypted = true\n}\n',
      inspected: ['database'],
    },
    {
      name: 'registry Aurora module, source given as its GitHub URL',
      code: 'module "aurora" {\n  source            = "git::https://github.com/terraform-aws-modules/terraform-aws-rds-aurora.git?ref=v7.7.1"\n  storage_encrypted = false\n}\n',
      errors: [{ messageId: 'disabled', line: 3, column: 23, endLine: 3, endColumn: 28 }],
      output: 'module "aurora" {\n  source            = "git::https://github.com/terraform-aws-modules/terraform-aws-rds-aurora.git?ref=v7.7.1"\n  storage_encrypted = true\n}\n',
    },
  ],
});
