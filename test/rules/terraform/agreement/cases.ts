/**
 * The verdicts checkov and KICS assert in their own test suites, on the checks our Terraform rules
 * share with them, transcribed as minimal HCL of our own (one resource or module call per case, the
 * attributes that decide the verdict kept, the rest of the reference fixture left out).
 *
 * Sources: bridgecrewio/checkov tests/terraform/checks/resource/aws/ (test_<Check>.py with its
 * example_<Check>/main.tf), Checkmarx/kics assets/queries/terraform/aws/<query>/test/ (positive*.tf,
 * negative*.tf, positive_expected_result.json). `expected` is the reference's verdict: `fail` (it
 * reports the resource), `pass`, or `unknown` (it declines to judge a value it cannot see).
 *
 * A case we deliberately answer otherwise carries `differs` (why); it counts as a disagreement.
 * Left out on purpose: cases of a port-specific check about another port (checkov CKV_AWS_24 on
 * port 222), fixtures that are not valid configuration (KICS's "/0" CIDRs, checkov's
 * replication_configuration without its required role), fixtures whose verdict rests on the
 * reference not expanding for_each (checkov example_ALBListenerHTTPS: both listeners are HTTPS once
 * expanded), and KICS fixtures contradicted by the query they test (rds_with_backup_disabled/
 * negative3.tf, identical to positive3.tf).
 */

export type Verdict = 'pass' | 'fail' | 'unknown';

export interface AgreementCase {
  tool: 'checkov' | 'KICS';
  /** checkov id and class, or KICS query name. */
  check: string;
  /** The reference test the verdict comes from. */
  from: string;
  expected: Verdict;
  /** Our rule, without the `terraform/` prefix. */
  rule: string;
  /** Our message ids that answer the reference check's question (default: any finding of the rule). */
  messages?: string[];
  /** Only findings whose message mentions this count (a flag name, for checks about one flag). */
  mentions?: string;
  code: string;
  /** Other files of the module, by file name. */
  files?: Record<string, string>;
  /** Why we deliberately answer otherwise. */
  differs?: string;
}

const CKV = 'tests/terraform/checks/resource/aws';
const KICS = 'assets/queries/terraform/aws';

const db = (name: string, body = '') => `resource "aws_db_instance" "${name}" {\n  engine         = "mysql"\n  instance_class = "db.t3.micro"\n${body}}\n`;
const cluster = (name: string, body = '') => `resource "aws_rds_cluster" "${name}" {\n  engine             = "aurora-mysql"\n  cluster_identifier = "aurora-cluster-demo"\n${body}}\n`;
const rdsModule = (body: string) => `module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "~> 3.0"\n\n  engine         = "mysql"\n  instance_class = "db.t2.large"\n${body}}\n`;
const bucket = (name: string, body = '') => `resource "aws_s3_bucket" "${name}" {\n  bucket = "my-tf-test-bucket"\n${body}}\n`;
const s3Module = (body: string) => `module "s3_bucket" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "3.7.0"\n\n  bucket = "my-s3-bucket"\n${body}}\n`;
const group = (name: string, ingress: string) => `resource "aws_security_group" "${name}" {\n  name = "${name}"\n${ingress}}\n`;
const ingress = (from: number, to: number, protocol: string, cidrs: string) =>
  `  ingress {\n    from_port   = ${from}\n    to_port     = ${to}\n    protocol    = "${protocol}"\n    ${cidrs}\n  }\n`;
const sgRule = (name: string, from: number, to: number, protocol: string, cidrs: string) =>
  `resource "aws_security_group_rule" "${name}" {\n  type              = "ingress"\n  from_port         = ${from}\n  to_port           = ${to}\n  protocol          = "${protocol}"\n  ${cidrs}\n  security_group_id = aws_security_group.default.id\n}\n`;
const listener = (name: string, body: string, type = 'aws_lb_listener') => `resource "${type}" "${name}" {\n  load_balancer_arn = aws_lb.front_end.arn\n${body}}\n`;
const forward = '  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n';
const redirect = (protocol: string) => `  default_action {\n    type = "redirect"\n\n    redirect {\n      port        = "443"\n      protocol    = "${protocol}"\n      status_code = "HTTP_301"\n    }\n  }\n`;
const policy = (name: string, attributes: [string, string][]) =>
  `resource "aws_load_balancer_policy" "${name}" {\n  load_balancer_name = aws_elb.app.name\n  policy_name        = "${name}"\n  policy_type_name   = "SSLNegotiationPolicyType"\n${attributes.map(([key, value]) => `\n  policy_attribute {\n    name  = "${key}"\n    value = "${value}"\n  }\n`).join('')}}\n`;
const replicationGroup = (body: string) =>
  `resource "aws_elasticache_replication_group" "example" {\n  replication_group_id = "tf-rep-group-1"\n  node_type            = "cache.m4.large"\n  num_cache_clusters   = 2\n${body}}\n`;
const key = (body: string) => `resource "aws_kms_key" "a" {\n  description = "KMS key 1"\n${body}}\n`;
const instance = (body: string) => `resource "aws_instance" "test" {\n  ami           = var.ami_id\n  instance_type = "t3.micro"\n${body}}\n`;
const targetGroup = (name: string, body: string, type = 'aws_lb_target_group') => `resource "${type}" "${name}" {\n  name   = "tf-example-lb-tg"\n  port   = 80\n  vpc_id = aws_vpc.main.id\n${body}}\n`;

export const CASES: AgreementCase[] = [
  // --- rds-encryption
  { tool: 'checkov', check: 'CKV_AWS_16 RDSEncryption', from: `${CKV}/test_RDSEncryption.py`, expected: 'fail', rule: 'rds-encryption', code: db('main', '  storage_encrypted = false\n') },
  { tool: 'checkov', check: 'CKV_AWS_16 RDSEncryption', from: `${CKV}/test_RDSEncryption.py`, expected: 'pass', rule: 'rds-encryption', code: db('main', '  storage_encrypted = true\n') },
  { tool: 'checkov', check: 'CKV_AWS_96 AuroraEncryption', from: `${CKV}/test_AuroraEncryption.py`, expected: 'pass', rule: 'rds-encryption', code: cluster('test', '  storage_encrypted = true\n') },
  { tool: 'checkov', check: 'CKV_AWS_96 AuroraEncryption', from: `${CKV}/test_AuroraEncryption.py (serverless default)`, expected: 'pass', rule: 'rds-encryption', code: cluster('test', '  engine_mode = "serverless"\n') },
  { tool: 'checkov', check: 'CKV_AWS_96 AuroraEncryption', from: `${CKV}/test_AuroraEncryption.py (serverless, encryption off)`, expected: 'pass', rule: 'rds-encryption', code: cluster('test', '  engine_mode       = "serverless"\n  storage_encrypted = false\n') },
  { tool: 'checkov', check: 'CKV_AWS_96 AuroraEncryption', from: `${CKV}/test_AuroraEncryption.py (explicit)`, expected: 'fail', rule: 'rds-encryption', code: cluster('test', '  storage_encrypted = false\n') },
  { tool: 'checkov', check: 'CKV_AWS_96 AuroraEncryption', from: `${CKV}/test_AuroraEncryption.py (default)`, expected: 'fail', rule: 'rds-encryption', code: cluster('test') },
  { tool: 'KICS', check: 'RDS Storage Not Encrypted', from: `${KICS}/rds_storage_not_encrypted/test/positive1.tf`, expected: 'fail', rule: 'rds-encryption', code: cluster('positive1', '  backup_retention_period = 5\n') },
  { tool: 'KICS', check: 'RDS Storage Not Encrypted', from: `${KICS}/rds_storage_not_encrypted/test/negative2.tf`, expected: 'pass', rule: 'rds-encryption', code: cluster('negative2', '  engine_mode = "serverless"\n') },
  { tool: 'KICS', check: 'DB Instance Storage Not Encrypted', from: `${KICS}/db_instance_storage_not_encrypted/test/positive.tf (positive1)`, expected: 'fail', rule: 'rds-encryption', code: db('positive1', '  storage_encrypted = false\n') },
  { tool: 'KICS', check: 'DB Instance Storage Not Encrypted', from: `${KICS}/db_instance_storage_not_encrypted/test/positive.tf (positive2)`, expected: 'fail', rule: 'rds-encryption', code: db('positive2') },
  { tool: 'KICS', check: 'DB Instance Storage Not Encrypted', from: `${KICS}/db_instance_storage_not_encrypted/test/positive3.tf`, expected: 'fail', rule: 'rds-encryption', code: rdsModule('  storage_encrypted = false\n') },
  { tool: 'KICS', check: 'DB Instance Storage Not Encrypted', from: `${KICS}/db_instance_storage_not_encrypted/test/negative2.tf`, expected: 'pass', rule: 'rds-encryption', code: rdsModule('  storage_encrypted = true\n') },

  // --- rds-backup-retention
  { tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_rds_cluster.pass)`, expected: 'pass', rule: 'rds-backup-retention', code: cluster('pass', '  backup_retention_period = 35\n') },
  {
    tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_rds_cluster.pass2)`, expected: 'pass', rule: 'rds-backup-retention', code: cluster('pass2'),
    differs: 'checkov accepts the AWS default of one day; we require `minDays` (7 by default), as KICS "RDS With Backup Disabled" also reports a missing retention',
  },
  { tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_rds_cluster.fail2)`, expected: 'fail', rule: 'rds-backup-retention', code: cluster('fail2', '  backup_retention_period = 0\n') },
  {
    tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_rds_cluster.fail)`, expected: 'fail', rule: 'rds-backup-retention', code: cluster('fail', '  backup_retention_period = 36\n'),
  },
  { tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_db_instance.pass)`, expected: 'pass', rule: 'rds-backup-retention', code: db('pass', '  backup_retention_period = 35\n') },
  {
    tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_db_instance.pass2)`, expected: 'pass', rule: 'rds-backup-retention', code: db('pass2'),
    differs: 'checkov accepts the AWS default of one day; we require `minDays` (7 by default), as KICS "RDS With Backup Disabled" also reports a missing retention',
  },
  { tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_db_instance.fail2)`, expected: 'fail', rule: 'rds-backup-retention', code: db('fail2', '  backup_retention_period = 0\n') },
  {
    tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_db_instance.fail)`, expected: 'fail', rule: 'rds-backup-retention', code: db('fail', '  backup_retention_period = 36\n'),
  },
  {
    tool: 'checkov', check: 'CKV_AWS_133 DBInstanceBackupRetentionPeriod', from: `${CKV}/example_DBInstanceBackupRetentionPeriod/main.tf (aws_db_instance.unknown)`, expected: 'unknown', rule: 'rds-backup-retention',
    code: `variable "backup_retention_period" {\n  type = number\n}\n\n${db('unknown', '  backup_retention_period = var.backup_retention_period\n')}`,
  },
  { tool: 'KICS', check: 'RDS With Backup Disabled', from: `${KICS}/rds_with_backup_disabled/test/positive1.tf`, expected: 'fail', rule: 'rds-backup-retention', code: db('positive1', '  backup_retention_period = 0\n') },
  { tool: 'KICS', check: 'RDS With Backup Disabled', from: `${KICS}/rds_with_backup_disabled/test/positive2.tf`, expected: 'fail', rule: 'rds-backup-retention', code: rdsModule('  backup_retention_period = 0\n') },
  { tool: 'KICS', check: 'RDS With Backup Disabled', from: `${KICS}/rds_with_backup_disabled/test/positive3.tf`, expected: 'fail', rule: 'rds-backup-retention', code: db('positive1') },
  {
    tool: 'KICS', check: 'RDS With Backup Disabled', from: `${KICS}/rds_with_backup_disabled/test/positive4.tf`, expected: 'fail', rule: 'rds-backup-retention', code: rdsModule('  deletion_protection = true\n'),
    differs: 'the call pins the rds module to 3.x, outside the versions our mapping was checked against (7.x): the default of backup_retention_period is unknown there, so we make no claim (the database is inspected as unknown)',
  },
  { tool: 'KICS', check: 'RDS With Backup Disabled', from: `${KICS}/rds_with_backup_disabled/test/negative2.tf`, expected: 'pass', rule: 'rds-backup-retention', code: rdsModule('  backup_retention_period = 12\n') },

  // --- rds-deletion-protection
  { tool: 'checkov', check: 'CKV_AWS_139 RDSDeletionProtection', from: `${CKV}/test_AWSDatabaseInstanceDeletionProtection.py (test_failure)`, expected: 'fail', rule: 'rds-deletion-protection', code: db('default', '  deletion_protection = false\n') },
  { tool: 'checkov', check: 'CKV_AWS_139 RDSDeletionProtection', from: `${CKV}/test_AWSDatabaseInstanceDeletionProtection.py (test_failure_missing_attribute)`, expected: 'fail', rule: 'rds-deletion-protection', code: db('default') },
  { tool: 'checkov', check: 'CKV_AWS_139 RDSDeletionProtection', from: `${CKV}/test_AWSDatabaseInstanceDeletionProtection.py (test_success)`, expected: 'pass', rule: 'rds-deletion-protection', code: db('default', '  deletion_protection = true\n') },

  // --- rds-multi-az
  { tool: 'checkov', check: 'CKV_AWS_157 RDSMultiAZEnabled', from: `${CKV}/example_RDSMultiAZEnabled/main.tf (disabled)`, expected: 'fail', rule: 'rds-multi-az', code: db('disabled', '  multi_az = false\n') },
  { tool: 'checkov', check: 'CKV_AWS_157 RDSMultiAZEnabled', from: `${CKV}/example_RDSMultiAZEnabled/main.tf (default)`, expected: 'fail', rule: 'rds-multi-az', code: db('default') },
  { tool: 'checkov', check: 'CKV_AWS_157 RDSMultiAZEnabled', from: `${CKV}/example_RDSMultiAZEnabled/main.tf (enabled)`, expected: 'pass', rule: 'rds-multi-az', code: db('enabled', '  multi_az = true\n') },

  // --- rds-public
  { tool: 'checkov', check: 'CKV_AWS_17 RDSPubliclyAccessible', from: `${CKV}/test_RDSPubliclyAccessible.py (test_failure)`, expected: 'fail', rule: 'rds-public', code: 'resource "aws_rds_cluster_instance" "rds_cluster_public" {\n  cluster_identifier  = "id"\n  instance_class      = "foo-bar"\n  publicly_accessible = true\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_17 RDSPubliclyAccessible', from: `${CKV}/test_RDSPubliclyAccessible.py (test_success)`, expected: 'pass', rule: 'rds-public', code: 'resource "aws_rds_cluster_instance" "rds_cluster_public" {\n  cluster_identifier  = "id"\n  instance_class      = "foo-bar"\n  publicly_accessible = false\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_17 RDSPubliclyAccessible', from: `${CKV}/test_RDSPubliclyAccessible.py (test_success2)`, expected: 'pass', rule: 'rds-public', code: 'resource "aws_rds_cluster_instance" "rds_cluster_public" {\n  cluster_identifier = "id"\n  instance_class     = "foo-bar"\n}\n' },
  { tool: 'KICS', check: 'RDS DB Instance Publicly Accessible', from: `${KICS}/rds_db_instance_publicly_accessible/test/positive2.tf`, expected: 'fail', rule: 'rds-public', code: rdsModule('  publicly_accessible = true\n') },

  // --- rds-monitoring (ours asks for any one of three signals; each reference check asks for one)
  { tool: 'checkov', check: 'DBInstanceLogging', from: `${CKV}/example_DBInstanceLogging/main.tf (postgres)`, expected: 'pass', rule: 'rds-monitoring', code: db('postgres', '  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]\n') },
  { tool: 'checkov', check: 'DBInstanceLogging', from: `${CKV}/example_DBInstanceLogging/main.tf (mysql)`, expected: 'pass', rule: 'rds-monitoring', code: db('mysql', '  enabled_cloudwatch_logs_exports = ["general", "error", "slowquery"]\n') },
  { tool: 'checkov', check: 'DBInstanceLogging', from: `${CKV}/example_DBInstanceLogging/main.tf (default)`, expected: 'fail', rule: 'rds-monitoring', code: db('default') },
  { tool: 'checkov', check: 'DBInstanceLogging', from: `${CKV}/example_DBInstanceLogging/main.tf (empty)`, expected: 'fail', rule: 'rds-monitoring', code: db('empty', '  enabled_cloudwatch_logs_exports = []\n') },
  { tool: 'checkov', check: 'DBInstanceMonitoring', from: `${CKV}/test_DBInstanceMonitoring.py (test_failure)`, expected: 'fail', rule: 'rds-monitoring', code: 'resource "aws_db_instance" "example" {\n  allocated_storage = 10\n}\n' },
  {
    tool: 'checkov', check: 'DBInstanceMonitoring', from: `${CKV}/test_DBInstanceMonitoring.py (test_success)`, expected: 'pass', rule: 'rds-monitoring', code: 'resource "aws_db_instance" "example" {\n  allocated_storage   = 10\n  monitoring_role_arn = "iam_role_arn"\n}\n',
    differs: 'a monitoring role without monitoring_interval leaves Enhanced Monitoring off (the interval defaults to 0), so nothing is monitored',
  },

  // --- s3-versioning
  { tool: 'checkov', check: 'CKV_AWS_21 S3Versioning', from: `${CKV}/test_S3Versioning.py (test_failure_default)`, expected: 'fail', rule: 's3-versioning', code: bucket('b', '  acl    = "public-read"\n') },
  { tool: 'checkov', check: 'CKV_AWS_21 S3Versioning', from: `${CKV}/test_S3Versioning.py (test_success)`, expected: 'pass', rule: 's3-versioning', code: bucket('b', '\n  versioning {\n    enabled = true\n  }\n') },
  { tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/positive1.tf`, expected: 'fail', rule: 's3-versioning', code: bucket('positive1', '\n  versioning {\n    enabled = false\n  }\n') },
  { tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/positive4.tf`, expected: 'fail', rule: 's3-versioning', code: s3Module('  versioning = {\n    enabled = false\n  }\n') },
  {
    tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/positive5.tf`, expected: 'fail', rule: 's3-versioning', code: s3Module('  versioning = {\n    mfa_delete = true\n  }\n'),
    differs: 'the s3-bucket module creates aws_s3_bucket_versioning for any non-empty versioning map, and the releases we map give it status "Enabled" when the map sets neither enabled nor status',
  },
  { tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/positive6.tf`, expected: 'fail', rule: 's3-versioning', code: s3Module('  acl = "private"\n') },
  { tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/positive7.tf`, expected: 'fail', rule: 's3-versioning', code: `${bucket('b0')}\nresource "aws_s3_bucket_versioning" "example" {\n  bucket = aws_s3_bucket.b0.id\n\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n` },
  { tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/positive8.tf`, expected: 'fail', rule: 's3-versioning', code: bucket('b2') },
  { tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/negative2.tf`, expected: 'pass', rule: 's3-versioning', code: s3Module('  versioning = {\n    enabled = true\n  }\n') },
  { tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/negative3.tf`, expected: 'pass', rule: 's3-versioning', code: `${bucket('b')}\nresource "aws_s3_bucket_versioning" "example" {\n  bucket = aws_s3_bucket.b.id\n\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n` },
  {
    tool: 'KICS', check: 'S3 Bucket Without Versioning', from: `${KICS}/s3_bucket_without_versioning/test/negative4.tf`, expected: 'pass', rule: 's3-versioning',
    code: `${bucket('bucket_with_count', '  count = 1\n')}\nresource "aws_s3_bucket_logging" "bucket_logging_example" {\n  count  = 1\n  bucket = aws_s3_bucket.bucket_with_count[count.index].id\n\n  target_bucket = "bucket_where_we_want_amazon_s3_to_store_server_access_logs"\n  target_prefix = "prefix/for/all/log/object/keys/"\n}\n`,
    differs: 'a bucket created with count = 1 and no versioning anywhere is still a bucket without versioning; KICS skips counted buckets',
  },

  // --- s3-public-access
  { tool: 'checkov', check: 'CKV_AWS_53 S3BlockPublicACLs', from: `${CKV}/test_S3BlockPublicACLs.py (test_failure)`, expected: 'fail', rule: 's3-public-access', messages: ['flagMissing', 'flagOff'], mentions: 'block_public_acls', code: 'resource "aws_s3_bucket_public_access_block" "foo" {\n  bucket                  = "foo"\n  block_public_acls       = false\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_53 S3BlockPublicACLs', from: `${CKV}/test_S3BlockPublicACLs.py (test_success)`, expected: 'pass', rule: 's3-public-access', messages: ['flagMissing', 'flagOff'], mentions: 'block_public_acls', code: 'resource "aws_s3_bucket_public_access_block" "foo" {\n  bucket                  = "foo"\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' },
  {
    tool: 'KICS', check: 'S3 Bucket Without Restriction Of Public Bucket', from: `${KICS}/s3_bucket_without_restriction_of_public_bucket/test/positive1.tf`, expected: 'fail', rule: 's3-public-access', messages: ['flagMissing', 'flagOff'], mentions: 'restrict_public_buckets',
    code: 'resource "aws_s3_account_public_access_block" "restrict_public" {\n  account_id = 250924516109\n}\n\nresource "aws_s3_bucket_public_access_block" "restrict_public" {\n  bucket                  = aws_s3_bucket.public_bucket.id\n  block_public_acls       = false\n  block_public_policy     = false\n  ignore_public_acls      = false\n  restrict_public_buckets = false\n}\n',
  },
  {
    tool: 'KICS', check: 'S3 Bucket Without Restriction Of Public Bucket', from: `${KICS}/s3_bucket_without_restriction_of_public_bucket/test/negative1.tf`, expected: 'pass', rule: 's3-public-access', messages: ['flagMissing', 'flagOff'], mentions: 'restrict_public_buckets',
    code: 'resource "aws_s3_account_public_access_block" "restrict_public" {\n  account_id              = 250924516109\n  restrict_public_buckets = true\n}\n\nresource "aws_s3_bucket_public_access_block" "restrict_public" {\n  bucket                  = aws_s3_bucket.public_bucket.id\n  block_public_acls       = false\n  block_public_policy     = false\n  ignore_public_acls      = false\n  restrict_public_buckets = false\n}\n',
  },
  { tool: 'KICS', check: 'S3 Bucket Without Restriction Of Public Bucket', from: `${KICS}/s3_bucket_without_restriction_of_public_bucket/test/positive2.tf`, expected: 'fail', rule: 's3-public-access', messages: ['flagMissing', 'flagOff'], mentions: 'restrict_public_buckets', code: s3Module('  acl = "private"\n\n  restrict_public_buckets = false\n') },
  { tool: 'KICS', check: 'S3 Bucket ACL Allows Read Or Write to All Users', from: `${KICS}/s3_bucket_acl_allows_read_or_write_to_all_users/test/positive4.tf`, expected: 'fail', rule: 's3-public-access', messages: ['publicAcl'], code: s3Module('  acl = "public-read-write"\n') },
  { tool: 'KICS', check: 'S3 Bucket ACL Allows Read Or Write to All Users', from: `${KICS}/s3_bucket_acl_allows_read_or_write_to_all_users/test/positive5.tf`, expected: 'fail', rule: 's3-public-access', messages: ['publicAcl'], code: `${bucket('example00')}\nresource "aws_s3_bucket_acl" "example_bucket_acl" {\n  bucket = aws_s3_bucket.example00.id\n  acl    = "public-read"\n}\n` },
  { tool: 'KICS', check: 'S3 Bucket ACL Allows Read Or Write to All Users', from: `${KICS}/s3_bucket_acl_allows_read_or_write_to_all_users/test/negative3.tf`, expected: 'pass', rule: 's3-public-access', messages: ['publicAcl'], code: `${bucket('example0')}\nresource "aws_s3_bucket_acl" "example_bucket_acl" {\n  bucket = aws_s3_bucket.example0.id\n  acl    = "private"\n}\n` },
  { tool: 'checkov', check: 'CKV_AWS_20 S3PublicACLRead', from: `${CKV}/test_S3PublicACLRead.py (test_failure)`, expected: 'fail', rule: 's3-public-access', messages: ['publicAcl'], code: bucket('my_bucket', '  acl           = "public-read"\n  force_destroy = true\n') },
  { tool: 'checkov', check: 'CKV_AWS_20 S3PublicACLRead', from: `${CKV}/test_S3PublicACLRead.py (test_failure_auth_read)`, expected: 'fail', rule: 's3-public-access', messages: ['publicAcl'], code: bucket('my_bucket', '  acl           = "authenticated-read"\n  force_destroy = true\n') },
  { tool: 'checkov', check: 'CKV_AWS_20 S3PublicACLRead', from: `${CKV}/test_S3PublicACLRead.py (test_success)`, expected: 'pass', rule: 's3-public-access', messages: ['publicAcl'], code: bucket('my_bucket', '  force_destroy = true\n') },

  // --- s3-replication
  { tool: 'checkov', check: 'CKV_AWS_144 S3BucketReplicationConfiguration', from: `${CKV}/test_S3BucketReplicationConfiguration.py (test_failure_no_param)`, expected: 'fail', rule: 's3-replication', code: bucket('test', '  acl    = "private"\n') },
  {
    tool: 'checkov', check: 'CKV_AWS_144 S3BucketReplicationConfiguration', from: `${CKV}/test_S3BucketReplicationConfiguration.py (test_success)`, expected: 'pass', rule: 's3-replication',
    code: bucket('test', '\n  replication_configuration {\n    role = aws_iam_role.replication.arn\n    rules {\n      id     = "foobar"\n      status = "Enabled"\n\n      destination {\n        bucket        = aws_s3_bucket.destination.arn\n        storage_class = "STANDARD"\n      }\n    }\n  }\n'),
  },

  // --- open-ingress
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_failure_ipv4)`, expected: 'fail', rule: 'open-ingress', code: group('bar-sg', ingress(22, 22, 'tcp', 'cidr_blocks = ["192.168.0.0/16", "0.0.0.0/0"]')) },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_failure_0_0)`, expected: 'fail', rule: 'open-ingress', code: group('bar-sg', ingress(0, 0, 'tcp', 'cidr_blocks = ["192.168.0.0/16", "0.0.0.0/0"]')) },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_failure_ipv6)`, expected: 'fail', rule: 'open-ingress', code: group('bar-sg', ingress(22, 22, 'tcp', 'ipv6_cidr_blocks = ["192.168.0.0/16", "::/0"]')) },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_success_no_cidr)`, expected: 'pass', rule: 'open-ingress', code: group('bar-sg', ingress(22, 22, 'tcp', 'security_groups = [aws_security_group.foo-sg.id]')) },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_success_cidr)`, expected: 'pass', rule: 'open-ingress', code: group('bar-sg', ingress(22, 22, 'tcp', 'cidr_blocks = ["192.168.0.0/16"]')) },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_failure_combined_ingress)`, expected: 'fail', rule: 'open-ingress', code: group('bar-sg', ingress(22, 22, 'tcp', 'security_groups = [aws_security_group.foo-sg.id]\n    cidr_blocks     = ["192.168.0.0/16", "0.0.0.0/0"]')) },
  {
    tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_success_egress_only)`, expected: 'pass', rule: 'open-ingress',
    code: 'resource "aws_security_group" "bar-sg" {\n  name = "sg-bar"\n\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
  },
  {
    tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_ingress_rules_list)`, expected: 'fail', rule: 'open-ingress',
    code: 'resource "aws_security_group" "inline_rules" {\n  description = "SG with inline rules"\n  ingress = [\n    {\n      cidr_blocks      = ["0.0.0.0/0"]\n      description      = "Wide Open"\n      from_port        = 0\n      ipv6_cidr_blocks = []\n      prefix_list_ids  = []\n      security_groups  = []\n      protocol         = "-1"\n      self             = false\n      to_port          = 65535\n    }\n  ]\n}\n',
  },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_failure_separate_rule_cidr)`, expected: 'fail', rule: 'open-ingress', code: sgRule('ingress', 22, 22, 'tcp', 'cidr_blocks       = ["192.168.0.0/16", "0.0.0.0/0"]') },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_pass_separate_rule_cidr)`, expected: 'pass', rule: 'open-ingress', code: sgRule('ingress', 22, 22, 'tcp', 'cidr_blocks       = ["192.168.0.0/16"]') },
  {
    tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_unknown_separate_rule_egress)`, expected: 'pass', rule: 'open-ingress',
    code: 'resource "aws_security_group_rule" "egress" {\n  type              = "egress"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.bar-sg.id\n}\n',
  },
  { tool: 'checkov', check: 'CKV_AWS_24 SecurityGroupUnrestrictedIngress22', from: `${CKV}/test_SecurityGroupUnrestrictedIngress22.py (test_pass_separate_rule_source_sg)`, expected: 'pass', rule: 'open-ingress', code: sgRule('ingress', 22, 22, 'tcp', 'source_security_group_id = "sg-123456"') },
  { tool: 'checkov', check: 'CKV_AWS_277 SecurityGroupUnrestrictedIngressAny', from: `${CKV}/example_SecurityGroupUnrestrictedIngressAny/main.tf (aws_security_group.pass)`, expected: 'pass', rule: 'open-ingress', code: group('pass', ingress(80, 80, 'tcp', 'cidr_blocks = ["0.0.0.0/0"]') + ingress(443, 443, 'tcp', 'cidr_blocks = ["0.0.0.0/0"]')) },
  { tool: 'checkov', check: 'CKV_AWS_25 SecurityGroupUnrestrictedIngress3389', from: `${CKV}/test_SecurityGroupUnrestrictedIngress3389.py (test_failure)`, expected: 'fail', rule: 'open-ingress', code: group('foo', ingress(3389, 3389, 'TCP', 'cidr_blocks = ["0.0.0.0/0"]') + ingress(443, 443, 'TCP', 'cidr_blocks = ["0.0.0.0/0"]')) },
  { tool: 'checkov', check: 'CKV_AWS_25 SecurityGroupUnrestrictedIngress3389', from: `${CKV}/test_SecurityGroupUnrestrictedIngress3389.py (test_success)`, expected: 'pass', rule: 'open-ingress', code: group('foo', ingress(80, 80, 'TCP', 'cidr_blocks = ["0.0.0.0/0"]') + ingress(443, 443, 'TCP', 'cidr_blocks = ["0.0.0.0/0"]')) },
  { tool: 'checkov', check: 'CKV_AWS_277 SecurityGroupUnrestrictedIngressAny', from: `${CKV}/example_SecurityGroupUnrestrictedIngressAny/main.tf (aws_security_group_rule.pass)`, expected: 'pass', rule: 'open-ingress', code: sgRule('pass', 80, 80, 'tcp', 'cidr_blocks       = ["0.0.0.0/0"]') },
  {
    tool: 'checkov', check: 'CKV_AWS_277 SecurityGroupUnrestrictedIngressAny', from: `${CKV}/example_SecurityGroupUnrestrictedIngressAny/main.tf (aws_vpc_security_group_ingress_rule.pass)`, expected: 'pass', rule: 'open-ingress',
    code: 'resource "aws_vpc_security_group_ingress_rule" "pass" {\n  security_group_id = aws_security_group.example.id\n\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = 80\n  ip_protocol = "tcp"\n  to_port     = 80\n}\n',
  },
  { tool: 'checkov', check: 'CKV_AWS_277 SecurityGroupUnrestrictedIngressAny', from: `${CKV}/example_SecurityGroupUnrestrictedIngressAny/main.tf (aws_security_group.fail)`, expected: 'fail', rule: 'open-ingress', code: group('fail', ingress(-1, -1, 'tcp', 'cidr_blocks = ["0.0.0.0/0"]')) },
  { tool: 'checkov', check: 'CKV_AWS_277 SecurityGroupUnrestrictedIngressAny', from: `${CKV}/example_SecurityGroupUnrestrictedIngressAny/main.tf (aws_security_group_rule.fail)`, expected: 'fail', rule: 'open-ingress', code: sgRule('fail', -1, -1, 'tcp', 'cidr_blocks       = ["0.0.0.0/0"]') },
  {
    tool: 'checkov', check: 'CKV_AWS_277 SecurityGroupUnrestrictedIngressAny', from: `${CKV}/example_SecurityGroupUnrestrictedIngressAny/main.tf (aws_vpc_security_group_ingress_rule.fail)`, expected: 'fail', rule: 'open-ingress',
    code: 'resource "aws_vpc_security_group_ingress_rule" "fail" {\n  security_group_id = aws_security_group.example.id\n\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = -1\n  ip_protocol = "tcp"\n  to_port     = -1\n}\n',
  },
  {
    tool: 'checkov', check: 'CKV_AWS_260 SecurityGroupUnrestrictedIngress80', from: `${CKV}/example_SecurityGroupUnrestrictedIngressAny/main.tf (the same port-80 group, for the port-80 check)`, expected: 'fail', rule: 'open-ingress', code: group('web', ingress(80, 80, 'tcp', 'cidr_blocks = ["0.0.0.0/0"]')),
    differs: 'port 80 open to the internet is what a public web entry point does (it redirects to 443); we report every other port',
  },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/positive1.tf (positive1)`, expected: 'fail', rule: 'open-ingress', code: group('positive1', ingress(2200, 2500, '-1', 'cidr_blocks = ["0.0.0.0/0"]')) },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/positive1.tf (positive3)`, expected: 'fail', rule: 'open-ingress', code: group('positive3', ingress(5000, 6000, '-1', 'cidr_blocks = ["0.0.0.0/0"]')) },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/positive1.tf (positive5)`, expected: 'fail', rule: 'open-ingress', code: group('positive5', ingress(445, 500, 'udp', 'cidr_blocks = ["1.1.1.1/1", "0.0.0.0/0", "2.2.3.4/12"]')) },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/positive1.tf (positive6)`, expected: 'fail', rule: 'open-ingress', code: group('positive6', ingress(135, 170, 'udp', 'cidr_blocks = ["10.68.0.0", "0.0.0.0/0"]')) },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/positive1.tf (positive7)`, expected: 'fail', rule: 'open-ingress', code: group('positive7', ingress(2383, 2383, 'udp', 'ipv6_cidr_blocks = ["::/0"]')) },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/negative1.tf (negative1)`, expected: 'pass', rule: 'open-ingress', code: group('negative1', ingress(2383, 2383, 'tcp', 'cidr_blocks = [aws_vpc.main.cidr_block]')) },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/negative1.tf (negative3)`, expected: 'pass', rule: 'open-ingress', code: group('negative3', ingress(25, 2500, 'tcp', 'cidr_blocks = ["1.2.3.4/5"]')) },
  { tool: 'KICS', check: 'Sensitive Port Is Exposed To Entire Network', from: `${KICS}/sensitive_port_is_exposed_to_entire_network/test/negative1.tf (negative5)`, expected: 'pass', rule: 'open-ingress', code: group('negative5', ingress(25, 2500, 'udp', 'cidr_blocks = ["1.2.3.4/5", "0.0.0.0/12"]')) },
  { tool: 'KICS', check: 'Unrestricted Security Group Ingress', from: `${KICS}/unrestricted_security_group_ingress/test/positive1.tf (positive_1_ipv4)`, expected: 'fail', rule: 'open-ingress', code: group('positive_1_ipv4', ingress(3306, 3306, 'tcp', 'cidr_blocks = ["0.0.0.0/0"]')) },
  { tool: 'KICS', check: 'Unrestricted Security Group Ingress', from: `${KICS}/unrestricted_security_group_ingress/test/positive1.tf (positive_1_ipv6)`, expected: 'fail', rule: 'open-ingress', code: group('positive_1_ipv6', ingress(3306, 3306, 'tcp', 'ipv6_cidr_blocks = ["::/0"]')) },
  { tool: 'KICS', check: 'Unrestricted Security Group Ingress', from: `${KICS}/unrestricted_security_group_ingress/test/positive1.tf (positive_1_ipv6_array)`, expected: 'fail', rule: 'open-ingress', code: group('positive_1_ipv6_array', ingress(3306, 3306, 'tcp', 'ipv6_cidr_blocks = ["fc00::/8"]') + ingress(3306, 3306, 'tcp', 'ipv6_cidr_blocks = ["::/0"]')) },
  { tool: 'KICS', check: 'Unrestricted Security Group Ingress', from: `${KICS}/unrestricted_security_group_ingress/test/positive3.tf (positive_3_ipv4)`, expected: 'fail', rule: 'open-ingress', code: sgRule('positive_3_ipv4', 3306, 3306, 'tcp', 'cidr_blocks       = ["0.0.0.0/0"]') },
  { tool: 'KICS', check: 'Unrestricted Security Group Ingress', from: `${KICS}/unrestricted_security_group_ingress/test/positive3.tf (positive_3_ipv6)`, expected: 'fail', rule: 'open-ingress', code: sgRule('positive_3_ipv6', 3306, 3306, 'tcp', 'ipv6_cidr_blocks  = ["::/0"]') },
  { tool: 'KICS', check: 'Unrestricted Security Group Ingress', from: `${KICS}/unrestricted_security_group_ingress/test/negative3.tf (negative_3_ipv4)`, expected: 'pass', rule: 'open-ingress', code: sgRule('negative_3_ipv4', 3306, 3306, 'tcp', 'cidr_blocks       = ["0.0.2.0/0"]') },
  { tool: 'KICS', check: 'Unrestricted Security Group Ingress', from: `${KICS}/unrestricted_security_group_ingress/test/negative3.tf (negative_3_ipv6)`, expected: 'pass', rule: 'open-ingress', code: sgRule('negative_3_ipv6', 3306, 3306, 'tcp', 'ipv6_cidr_blocks  = ["fc00::/8"]') },

  // --- lb-https
  { tool: 'checkov', check: 'CKV_AWS_2 ALBListenerHTTPS', from: `${CKV}/test_ALBListenerHTTPS.py (test_success_redirect)`, expected: 'pass', rule: 'lb-https', messages: ['plainHttp'], code: listener('http', '  port     = "80"\n  protocol = "HTTP"\n\n' + redirect('HTTPS')) },
  { tool: 'checkov', check: 'CKV_AWS_2 ALBListenerHTTPS', from: `${CKV}/test_ALBListenerHTTPS.py (test_success)`, expected: 'pass', rule: 'lb-https', messages: ['plainHttp'], code: listener('https', '  port     = "443"\n  protocol = "HTTPS"\n') },
  { tool: 'checkov', check: 'CKV_AWS_2 ALBListenerHTTPS', from: `${CKV}/test_ALBListenerHTTPS.py (test_nlb_tcp_success)`, expected: 'pass', rule: 'lb-https', code: listener('tcp', '  port     = "22"\n  protocol = "TCP"\n') },
  { tool: 'checkov', check: 'CKV_AWS_2 ALBListenerHTTPS', from: `${CKV}/test_ALBListenerHTTPS.py (test_nlb_udp_success)`, expected: 'pass', rule: 'lb-https', code: listener('udp', '  port     = "53"\n  protocol = "UDP"\n') },
  { tool: 'checkov', check: 'CKV_AWS_2 ALBListenerHTTPS', from: `${CKV}/test_ALBListenerHTTPS.py (test_nlb_tcp_udp_success)`, expected: 'pass', rule: 'lb-https', code: listener('tcp_udp', '  port     = "53"\n  protocol = "TCP_UDP"\n') },
  { tool: 'checkov', check: 'CKV_AWS_2 ALBListenerHTTPS', from: `${CKV}/test_ALBListenerHTTPS.py (test_failure)`, expected: 'fail', rule: 'lb-https', messages: ['plainHttp'], code: listener('http', '  port     = "80"\n  protocol = "HTTP"\n') },
  {
    tool: 'checkov', check: 'CKV_AWS_2 ALBListenerHTTPS', from: `${CKV}/test_ALBListenerHTTPS.py (test_success_no_protocol)`, expected: 'unknown', rule: 'lb-https', messages: ['plainHttp'],
    code: listener('http_redirector', '  port     = "80"\n  protocol = "HTTP"\n\n  default_action {\n    type = "redirect"\n\n    redirect {\n      host        = "example.com"\n      status_code = "HTTP_302"\n    }\n  }\n'),
    differs: 'a redirect without protocol keeps the request\'s protocol, so this listener sends its clients on in plain HTTP: we report it where checkov declines to judge',
  },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/example_AppLoadBalancerTLS12/main.tf (http_redirect)`, expected: 'pass', rule: 'lb-https', code: listener('http_redirect', '  protocol = "HTTP"\n  port     = "80"\n\n' + redirect('HTTPS')) },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/example_AppLoadBalancerTLS12/main.tf (tls_fs_1_2)`, expected: 'pass', rule: 'lb-https', code: listener('tls_fs_1_2', '  protocol        = "TLS"\n  port            = "8080"\n  ssl_policy      = "ELBSecurityPolicy-FS-1-2-Res-2019-08"\n  certificate_arn = var.certificate_arn\n\n' + forward) },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/example_AppLoadBalancerTLS12/main.tf (https_fs_1_2)`, expected: 'pass', rule: 'lb-https', code: listener('https_fs_1_2', '  protocol        = "HTTPS"\n  port            = "443"\n  ssl_policy      = "ELBSecurityPolicy-FS-1-2-Res-2019-08"\n  certificate_arn = var.certificate_arn\n\n' + forward) },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/example_AppLoadBalancerTLS12/main.tf (aws_alb_listener.https_fs_1_2)`, expected: 'pass', rule: 'lb-https', code: listener('https_fs_1_2', '  protocol        = "HTTPS"\n  port            = "443"\n  ssl_policy      = "ELBSecurityPolicy-FS-1-2-Res-2019-08"\n  certificate_arn = var.certificate_arn\n\n' + forward, 'aws_alb_listener') },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/example_AppLoadBalancerTLS12/main.tf (http)`, expected: 'fail', rule: 'lb-https', code: listener('http', '  protocol = "HTTP"\n  port     = "80"\n\n' + forward) },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/example_AppLoadBalancerTLS12/main.tf (https_2016)`, expected: 'fail', rule: 'lb-https', code: listener('https_2016', '  protocol        = "HTTPS"\n  port            = "443"\n  ssl_policy      = "ELBSecurityPolicy-2016-08"\n  certificate_arn = var.certificate_arn\n\n' + forward) },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/example_AppLoadBalancerTLS12/main.tf (tls_fs_1_1)`, expected: 'fail', rule: 'lb-https', code: listener('tls_fs_1_1', '  protocol        = "TLS"\n  port            = "8080"\n  ssl_policy      = "ELBSecurityPolicy-FS-1-1-2019-08"\n  certificate_arn = var.certificate_arn\n\n' + forward) },
  { tool: 'checkov', check: 'CKV_AWS_103 AppLoadBalancerTLS12', from: `${CKV}/test_AppLoadBalancerTLS12.py (test_success)`, expected: 'pass', rule: 'lb-https', code: listener('examplea', '  port       = "443"\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS-1-2-2017-01"\n\n' + forward) },
  { tool: 'checkov', check: 'CKV_AWS_378 LBTargetGroup', from: `${CKV}/example_LBTargetGroup/main.tf (aws_lb_target_group.fail)`, expected: 'fail', rule: 'lb-https', messages: ['targetPlainHttp'], code: targetGroup('fail', '  protocol = "HTTP"\n') },
  { tool: 'checkov', check: 'CKV_AWS_378 LBTargetGroup', from: `${CKV}/example_LBTargetGroup/main.tf (aws_lb_target_group.pass)`, expected: 'pass', rule: 'lb-https', messages: ['targetPlainHttp'], code: targetGroup('pass', '  target_type = "alb"\n  protocol    = "TCP"\n') },
  { tool: 'checkov', check: 'CKV_AWS_378 LBTargetGroup', from: `${CKV}/example_LBTargetGroup/main.tf (aws_alb_target_group.fail)`, expected: 'fail', rule: 'lb-https', messages: ['targetPlainHttp'], code: targetGroup('fail', '  protocol = "HTTP"\n', 'aws_alb_target_group') },
  { tool: 'checkov', check: 'CKV_AWS_378 LBTargetGroup', from: `${CKV}/example_LBTargetGroup/main.tf (aws_alb_target_group.pass)`, expected: 'pass', rule: 'lb-https', messages: ['targetPlainHttp'], code: targetGroup('pass', '  protocol = "TCP"\n', 'aws_alb_target_group') },
  { tool: 'KICS', check: 'ALB Listening on HTTP', from: `${KICS}/alb_listening_on_http/test/positive1.tf (positive3)`, expected: 'fail', rule: 'lb-https', messages: ['plainHttp'], code: listener('positive3', '  port     = "80"\n  protocol = "HTTP"\n\n  default_action {\n    type = "redirect"\n\n    redirect {\n      port        = "80"\n      protocol    = "HTTP"\n      status_code = "HTTP_301"\n    }\n  }\n') },
  { tool: 'KICS', check: 'ALB Listening on HTTP', from: `${KICS}/alb_listening_on_http/test/positive1.tf (positive4)`, expected: 'fail', rule: 'lb-https', messages: ['plainHttp'], code: listener('positive4', '  port     = "8080"\n  protocol = "HTTP"\n', 'aws_alb_listener') },
  {
    tool: 'KICS', check: 'ALB Listening on HTTP', from: `${KICS}/alb_listening_on_http/test/positive2.tf (listener)`, expected: 'fail', rule: 'lb-https', messages: ['plainHttp'],
    code: 'resource "aws_lb" "test" {\n  name               = "test123"\n  load_balancer_type = "application"\n  internal           = true\n}\n\nresource "aws_lb_listener" "listener" {\n  load_balancer_arn = aws_lb.test.arn\n  port              = 80\n\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.test.arn\n  }\n}\n',
  },
  { tool: 'KICS', check: 'ALB Listening on HTTP', from: `${KICS}/alb_listening_on_http/test/negative1.tf (negative3)`, expected: 'pass', rule: 'lb-https', messages: ['plainHttp'], code: listener('negative3', '  port     = "80"\n  protocol = "HTTP"\n\n' + redirect('HTTPS')) },
  { tool: 'KICS', check: 'ALB Listening on HTTP', from: `${KICS}/alb_listening_on_http/test/negative1.tf (negative4)`, expected: 'pass', rule: 'lb-https', messages: ['plainHttp'], code: listener('negative4', '  port     = "443"\n  protocol = "HTTPS"\n', 'aws_alb_listener') },
  { tool: 'KICS', check: 'ELB Using Insecure Protocols', from: `${KICS}/elb_using_insecure_protocols/test/positive.tf (positive4)`, expected: 'fail', rule: 'lb-https', messages: ['insecureProtocol'], code: policy('positive4', [['Protocol-TLSv1.2', 'true'], ['Protocol-TLSv1', 'true']]) },
  { tool: 'KICS', check: 'ELB Using Insecure Protocols', from: `${KICS}/elb_using_insecure_protocols/test/positive.tf (positive5)`, expected: 'fail', rule: 'lb-https', messages: ['insecureProtocol'], code: policy('positive5', [['Protocol-SSLv3', 'true']]) },
  { tool: 'KICS', check: 'ELB Using Insecure Protocols', from: `${KICS}/elb_using_insecure_protocols/test/negative.tf (negative4)`, expected: 'pass', rule: 'lb-https', messages: ['insecureProtocol'], code: policy('negative4', [['ECDHE-ECDSA-AES128-GCM-SHA256', 'true'], ['Protocol-TLSv1.2', 'true']]) },
  { tool: 'KICS', check: 'ELB Using Insecure Protocols', from: `${KICS}/elb_using_insecure_protocols/test/negative.tf (negative5)`, expected: 'pass', rule: 'lb-https', messages: ['insecureProtocol'], code: policy('negative5', [['Reference-Security-Policy', 'ELBSecurityPolicy-TLS-1-1-2017-01']]) },
  {
    tool: 'KICS', check: 'ELB Using Insecure Protocols', from: `${KICS}/elb_using_insecure_protocols/test/negative.tf (negative1)`, expected: 'pass', rule: 'lb-https',
    code: 'resource "aws_elb" "negative1" {\n  name               = "wu-tang"\n  availability_zones = ["us-east-1a"]\n\n  listener {\n    instance_port      = 443\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = "arn:aws:iam::000000000000:server-certificate/wu-tang.net"\n  }\n}\n',
  },

  // --- lb-deletion-protection
  { tool: 'checkov', check: 'CKV_AWS_150 LBDeletionProtection', from: `${CKV}/test_LBDeletionProtection.py (aws_lb.enabled)`, expected: 'pass', rule: 'lb-deletion-protection', code: 'resource "aws_lb" "enabled" {\n  internal                   = false\n  enable_deletion_protection = true\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_150 LBDeletionProtection', from: `${CKV}/test_LBDeletionProtection.py (aws_alb.enabled)`, expected: 'pass', rule: 'lb-deletion-protection', code: 'resource "aws_alb" "enabled" {\n  internal                   = false\n  enable_deletion_protection = true\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_150 LBDeletionProtection', from: `${CKV}/test_LBDeletionProtection.py (aws_lb.default)`, expected: 'fail', rule: 'lb-deletion-protection', code: 'resource "aws_lb" "default" {\n  internal = false\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_150 LBDeletionProtection', from: `${CKV}/test_LBDeletionProtection.py (aws_alb.default)`, expected: 'fail', rule: 'lb-deletion-protection', code: 'resource "aws_alb" "default" {\n  internal = false\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_150 LBDeletionProtection', from: `${CKV}/test_LBDeletionProtection.py (aws_lb.disabled)`, expected: 'fail', rule: 'lb-deletion-protection', code: 'resource "aws_lb" "disabled" {\n  internal                   = false\n  enable_deletion_protection = false\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_150 LBDeletionProtection', from: `${CKV}/test_LBDeletionProtection.py (aws_alb.disabled)`, expected: 'fail', rule: 'lb-deletion-protection', code: 'resource "aws_alb" "disabled" {\n  internal                   = false\n  enable_deletion_protection = false\n}\n' },
  { tool: 'KICS', check: 'ALB Deletion Protection Disabled', from: `${KICS}/alb_deletion_protection_disabled/test/positive5.tf`, expected: 'fail', rule: 'lb-deletion-protection', code: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 6.0"\n\n  name               = "my-alb"\n  load_balancer_type = "application"\n\n  enable_deletion_protection = false\n}\n' },
  { tool: 'KICS', check: 'ALB Deletion Protection Disabled', from: `${KICS}/alb_deletion_protection_disabled/test/negative3.tf`, expected: 'pass', rule: 'lb-deletion-protection', code: 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 6.0"\n\n  name               = "my-alb"\n  load_balancer_type = "application"\n\n  enable_deletion_protection = true\n}\n' },
  { tool: 'KICS', check: 'ALB Deletion Protection Disabled', from: `${KICS}/alb_deletion_protection_disabled/test/positive1.tf`, expected: 'fail', rule: 'lb-deletion-protection', code: 'resource "aws_lb" "positive1" {\n  internal           = false\n  load_balancer_type = "network"\n\n  enable_deletion_protection = false\n}\n' },
  { tool: 'KICS', check: 'ALB Deletion Protection Disabled', from: `${KICS}/alb_deletion_protection_disabled/test/positive2.tf`, expected: 'fail', rule: 'lb-deletion-protection', code: 'resource "aws_lb" "positive2" {\n  internal           = false\n  load_balancer_type = "network"\n}\n' },
  { tool: 'KICS', check: 'ALB Deletion Protection Disabled', from: `${KICS}/alb_deletion_protection_disabled/test/negative1.tf`, expected: 'pass', rule: 'lb-deletion-protection', code: 'resource "aws_alb" "negative1" {\n  internal           = false\n  load_balancer_type = "network"\n\n  enable_deletion_protection = true\n}\n' },
  { tool: 'KICS', check: 'ALB Deletion Protection Disabled', from: `${KICS}/alb_deletion_protection_disabled/test/negative2.tf`, expected: 'pass', rule: 'lb-deletion-protection', code: 'resource "aws_lb" "negative2" {\n  internal           = false\n  load_balancer_type = "network"\n\n  enable_deletion_protection = true\n}\n' },

  // --- lb-health-check
  { tool: 'checkov', check: 'CKV_AWS_261 LBTargetGroupDefinesHealthCheck', from: `${CKV}/example_LBTargetGroupDefinesHealthcheck/main.tf (fail)`, expected: 'fail', rule: 'lb-health-check', code: targetGroup('fail', '  protocol = "HTTP"\n\n  health_check {\n    enabled = false\n  }\n') },
  { tool: 'checkov', check: 'CKV_AWS_261 LBTargetGroupDefinesHealthCheck', from: `${CKV}/example_LBTargetGroupDefinesHealthcheck/main.tf (fail2)`, expected: 'fail', rule: 'lb-health-check', code: targetGroup('fail2', '  protocol = "HTTP"\n') },
  {
    tool: 'checkov', check: 'CKV_AWS_261 LBTargetGroupDefinesHealthCheck', from: `${CKV}/example_LBTargetGroupDefinesHealthcheck/main.tf (pass)`, expected: 'pass', rule: 'lb-health-check',
    code: targetGroup('pass', '  protocol = "HTTP"\n\n  health_check {\n    path                = "/api/1/resolve/default?path=/service/my-service"\n    port                = 2001\n    healthy_threshold   = 6\n    unhealthy_threshold = 2\n    timeout             = 2\n    interval            = 5\n    matcher             = "200"\n  }\n', 'aws_alb_target_group'),
  },

  // --- kms-rotation
  { tool: 'checkov', check: 'CKV_AWS_7 KMSRotation', from: `${CKV}/test_KMSRotation.py (test_success)`, expected: 'pass', rule: 'kms-rotation', code: key('  deletion_window_in_days = 10\n  enable_key_rotation     = true\n') },
  { tool: 'checkov', check: 'CKV_AWS_7 KMSRotation', from: `${CKV}/test_KMSRotation.py (test_failure)`, expected: 'fail', rule: 'kms-rotation', code: key('  deletion_window_in_days = 10\n  enable_key_rotation     = false\n') },
  { tool: 'checkov', check: 'CKV_AWS_7 KMSRotation', from: `${CKV}/test_KMSRotation.py (test_failure_on_missing_property)`, expected: 'fail', rule: 'kms-rotation', code: key('  deletion_window_in_days = 10\n') },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/positive1.tf`, expected: 'fail', rule: 'kms-rotation', code: key('') },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/positive2.tf`, expected: 'fail', rule: 'kms-rotation', code: key('  is_enabled          = true\n  enable_key_rotation = false\n') },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/positive3.tf`, expected: 'fail', rule: 'kms-rotation', code: key('  is_enabled               = true\n  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = false\n') },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/positive4.tf`, expected: 'fail', rule: 'kms-rotation', code: key('  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = false\n') },
  {
    tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/positive5.tf`, expected: 'fail', rule: 'kms-rotation', code: key('  customer_master_key_spec = "RSA_2048"\n  enable_key_rotation      = true\n'),
  },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/negative1.tf`, expected: 'pass', rule: 'kms-rotation', code: key('  is_enabled          = true\n  enable_key_rotation = true\n') },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/negative3.tf`, expected: 'pass', rule: 'kms-rotation', code: key('  customer_master_key_spec = "RSA_2048"\n') },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/negative4.tf`, expected: 'pass', rule: 'kms-rotation', code: key('  customer_master_key_spec = "RSA_3072"\n') },
  { tool: 'KICS', check: 'CMK Rotation Disabled', from: `${KICS}/cmk_rotation_disabled/test/negative5.tf`, expected: 'pass', rule: 'kms-rotation', code: key('  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = true\n') },

  // --- log-retention
  { tool: 'checkov', check: 'CKV_AWS_66 CloudWatchLogGroupRetention', from: `${CKV}/example_CloudWatchLogGroupRetention/main.tf (pass)`, expected: 'pass', rule: 'log-retention', code: 'resource "aws_cloudwatch_log_group" "pass" {\n  retention_in_days = 3\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_66 CloudWatchLogGroupRetention', from: `${CKV}/example_CloudWatchLogGroupRetention/main.tf (fail)`, expected: 'fail', rule: 'log-retention', code: 'resource "aws_cloudwatch_log_group" "fail" {}\n' },
  { tool: 'KICS', check: 'CloudWatch Without Retention Period Specified', from: `${KICS}/cloudwatch_without_retention_period_specified/test/positive.tf (positive1)`, expected: 'fail', rule: 'log-retention', code: 'resource "aws_cloudwatch_log_group" "positive1" {\n  name = "Yada"\n}\n' },
  { tool: 'KICS', check: 'CloudWatch Without Retention Period Specified', from: `${KICS}/cloudwatch_without_retention_period_specified/test/positive.tf (positive2)`, expected: 'fail', rule: 'log-retention', code: 'resource "aws_cloudwatch_log_group" "positive2" {\n  name              = "Yada"\n  retention_in_days = 0\n}\n' },

  // --- elasticache-encryption
  { tool: 'checkov', check: 'CKV_AWS_29 ElasticacheReplicationGroupEncryptionAtRest', from: `${CKV}/test_ElasticacheReplicationGroupEncryptionAtRest.py (test_success)`, expected: 'pass', rule: 'elasticache-encryption', code: replicationGroup('  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n  auth_token                 = var.auth_token\n') },
  { tool: 'checkov', check: 'CKV_AWS_29 ElasticacheReplicationGroupEncryptionAtRest', from: `${CKV}/test_ElasticacheReplicationGroupEncryptionAtRest.py (test_failure)`, expected: 'fail', rule: 'elasticache-encryption', code: replicationGroup('  at_rest_encryption_enabled = false\n  transit_encryption_enabled = true\n') },
  { tool: 'checkov', check: 'CKV_AWS_29 ElasticacheReplicationGroupEncryptionAtRest', from: `${CKV}/test_ElasticacheReplicationGroupEncryptionAtRest.py (test_failure_on_missing_property)`, expected: 'fail', rule: 'elasticache-encryption', code: replicationGroup('  transit_encryption_enabled = true\n') },
  { tool: 'KICS', check: 'ElastiCache Replication Group Not Encrypted At Rest', from: `${KICS}/elasticache_replication_group_not_encrypted_at_rest/test/positive1.tf`, expected: 'fail', rule: 'elasticache-encryption', messages: ['missingAtRest', 'disabledAtRest'], code: replicationGroup('  port = 6379\n') },
  { tool: 'KICS', check: 'ElastiCache Replication Group Not Encrypted At Rest', from: `${KICS}/elasticache_replication_group_not_encrypted_at_rest/test/positive2.tf`, expected: 'fail', rule: 'elasticache-encryption', messages: ['missingAtRest', 'disabledAtRest'], code: replicationGroup('  port                       = 6379\n  at_rest_encryption_enabled = false\n') },
  { tool: 'KICS', check: 'ElastiCache Replication Group Not Encrypted At Transit', from: `${KICS}/elasticache_replication_group_not_encrypted_at_transit/test/positive2.tf`, expected: 'fail', rule: 'elasticache-encryption', messages: ['missingInTransit', 'disabledInTransit'], code: replicationGroup('  port                       = 6379\n  transit_encryption_enabled = false\n') },

  // --- ebs-encryption
  { tool: 'checkov', check: 'CKV_AWS_106 EBSDefaultEncryption', from: `${CKV}/example_EBSDefaultEncryption/main.tf (enabled)`, expected: 'pass', rule: 'ebs-encryption', code: 'resource "aws_ebs_encryption_by_default" "enabled" {\n  enabled = true\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_106 EBSDefaultEncryption', from: `${CKV}/example_EBSDefaultEncryption/main.tf (default)`, expected: 'pass', rule: 'ebs-encryption', code: 'resource "aws_ebs_encryption_by_default" "default" {\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_106 EBSDefaultEncryption', from: `${CKV}/example_EBSDefaultEncryption/main.tf (disabled)`, expected: 'fail', rule: 'ebs-encryption', code: 'resource "aws_ebs_encryption_by_default" "disabled" {\n  enabled = false\n}\n' },
  { tool: 'KICS', check: 'EBS Default Encryption Disabled', from: `${KICS}/ebs_default_encryption_disabled/test/negative.tf`, expected: 'pass', rule: 'ebs-encryption', code: 'resource "aws_ebs_encryption_by_default" "negative1" {\n  enabled = true\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_3 EBSEncryption', from: `${CKV}/example_EBSEncryption/aws_ebs_volume.tf (enabled)`, expected: 'pass', rule: 'ebs-encryption', code: 'resource "aws_ebs_volume" "enabled" {\n  availability_zone = "us-west-2a"\n  size              = 20\n  encrypted         = true\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_3 EBSEncryption', from: `${CKV}/example_EBSEncryption/aws_ebs_volume.tf (default)`, expected: 'fail', rule: 'ebs-encryption', code: 'resource "aws_ebs_volume" "default" {\n  availability_zone = "us-west-2a"\n  size              = 20\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_3 EBSEncryption', from: `${CKV}/example_EBSEncryption/aws_ebs_volume.tf (disabled)`, expected: 'fail', rule: 'ebs-encryption', code: 'resource "aws_ebs_volume" "disabled" {\n  availability_zone = "us-west-2a"\n  size              = 20\n  encrypted         = false\n}\n' },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_failure)`, expected: 'fail', rule: 'ebs-encryption', code: instance('\n  root_block_device {\n    encrypted = false\n  }\n') },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_failure_missing_element)`, expected: 'fail', rule: 'ebs-encryption', code: instance('\n  root_block_device {\n  }\n') },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_failure_multiple_blocks)`, expected: 'fail', rule: 'ebs-encryption', code: instance('\n  root_block_device {\n    volume_type = "gp2"\n    encrypted   = true\n  }\n\n  ebs_block_device {\n    volume_type = "gp2"\n    device_name = "/dev/xvdb"\n    encrypted   = false\n  }\n') },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_failure_omission_root_block_device_1)`, expected: 'fail', rule: 'ebs-encryption', code: instance('\n  ebs_block_device {\n    volume_type = "gp2"\n    device_name = "/dev/xvdb"\n    encrypted   = false\n  }\n') },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_failure_omission_root_block_device_2)`, expected: 'fail', rule: 'ebs-encryption', code: instance('  key_name      = var.key_name\n') },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_success_with_snapshot_id)`, expected: 'pass', rule: 'ebs-encryption', code: instance('\n  root_block_device {\n    volume_type = "gp2"\n    snapshot_id = "snap-1234"\n  }\n') },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_success)`, expected: 'pass', rule: 'ebs-encryption', code: instance('\n  root_block_device {\n    volume_type = "gp2"\n    encrypted   = true\n  }\n') },
  { tool: 'checkov', check: 'CKV_AWS_8 LaunchConfigurationEBSEncryption', from: `${CKV}/test_LaunchConfigurationEBSEncryption.py (test_success_multiple_ordering)`, expected: 'pass', rule: 'ebs-encryption', code: instance('\n  ebs_block_device {\n    volume_type = "gp2"\n    device_name = "/dev/xvdb"\n    encrypted   = true\n  }\n\n  root_block_device {\n    volume_type = "gp2"\n    encrypted   = true\n  }\n') },
  { tool: 'KICS', check: 'EBS Volume Encryption Disabled', from: `${KICS}/ebs_volume_encryption_disabled/test/positive1.tf`, expected: 'fail', rule: 'ebs-encryption', code: 'resource "aws_ebs_volume" "positive1" {\n  availability_zone = "us-west-2a"\n  size              = 40\n  encrypted         = false\n}\n' },
  { tool: 'KICS', check: 'EBS Volume Encryption Disabled', from: `${KICS}/ebs_volume_encryption_disabled/test/positive2.tf`, expected: 'fail', rule: 'ebs-encryption', code: 'resource "aws_ebs_volume" "positive2" {\n  availability_zone = "us-west-2a"\n  size              = 40\n}\n' },
];
