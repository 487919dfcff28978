import type { Rule } from '../../server/src/engine/rule';
import lbDeletionProtection from './lb-deletion-protection';
import lbHealthCheck from './lb-health-check';
import lbHttps from './lb-https';
import rdsEncryption from './rds-encryption';
import rdsBackupRetention from './rds-backup-retention';
import rdsMultiAz from './rds-multi-az';
import rdsDeletionProtection from './rds-deletion-protection';
import rdsPublic from './rds-public';
import rdsMonitoring from './rds-monitoring';
import s3Encryption from './s3-encryption';
import s3Versioning from './s3-versioning';
import s3PublicAccess from './s3-public-access';
import s3Replication from './s3-replication';
import ebsEncryption from './ebs-encryption';
import kmsRotation from './kms-rotation';
import elasticacheEncryption from './elasticache-encryption';
import openIngress from './open-ingress';
import logRetention from './log-retention';
import hardcodedSecret from './hardcoded-secret';
import requiredTags from './required-tags';

export const terraformRules: Rule<any>[] = [
  lbDeletionProtection,
  lbHealthCheck,
  lbHttps,
  rdsEncryption,
  rdsBackupRetention,
  rdsMultiAz,
  rdsDeletionProtection,
  rdsPublic,
  rdsMonitoring,
  s3Encryption,
  s3Versioning,
  s3PublicAccess,
  s3Replication,
  ebsEncryption,
  kmsRotation,
  elasticacheEncryption,
  openIngress,
  logRetention,
  hardcodedSecret,
  requiredTags,
];
