/**
 * Backup evidence: Velero schedules, backup CronJobs and backup scripts. Only commands that run
 * count: a comment or an echo mentioning pg_dump backs nothing up.
 */
import type { Span } from '../../engine/types';
import { commands, get, getStr, items, kindOf, loc, short, str, type Command, type Detector, type DetectorHit, type SourceFile } from './source';
import { durationDays } from './observability';

const BACKUP_COMMAND = /^(?:pg_dump(?:all)?|pg_basebackup|mysqldump|mariadb-dump|mongodump|redis-cli\b.*\b(?:bgsave|--rdb)|velero\s+backup\s+create|restic\s+(?:-\S+\s+)*backup|borg\s+create|wal-g\s+backup-push|pgbackrest\b.*\bbackup|xtrabackup\b.*--backup|aws\s+rds\s+create-db-snapshot|aws\s+backup\s+start-backup-job|gcloud\s+sql\s+backups\s+create)\b/;
/** Restores that rebuild the whole environment (a Velero restore, a database restored from a snapshot): disaster-recovery drills. */
const ENVIRONMENT_RESTORE = /^(?:velero\s+restore\s+create|aws\s+rds\s+restore-db-(?:instance|cluster)-\S+)\b/;

/**
 * A command that restores a backup into a target: `pg_restore -d db`, `psql -d db < dump`, a
 * Velero restore ... Listing a backup (`pg_restore --list`) or printing it (`pg_restore dump`
 * without a database) restores nothing.
 */
export function isRestore(command: Command): boolean {
  const text = command.text;
  if (/^pg_restore\b/.test(text)) return /\s(?:-d\s*\S|--dbname[= ]\S)/.test(text) && !/\s(?:-l|--list)\b/.test(text);
  if (/^(?:psql|mysql|mariadb)\b/.test(text)) return /\s<\s*\S|\s(?:-f|--file)[= ]?\s*\S/.test(text) || command.piped === true;
  if (/^mongorestore\b/.test(text)) return !/--dryRun\b/i.test(text);
  if (/^restic\b/.test(text)) return /\brestore\b/.test(text) && /--target[= ]\S/.test(text);
  return ENVIRONMENT_RESTORE.test(text) || /^(?:borg\s+extract|wal-g\s+backup-fetch\s+\S+|pgbackrest\b.*\brestore)\b/.test(text);
}
const ENCRYPTION = /(?:--server-side-encryption|--sse\b|--sse-kms-key-id|\bgpg\b.*(?:--encrypt|-e\b|-c\b|--symmetric)|\bopenssl\s+(?:enc|smime)\b|^age\s+(?:-r|--recipient|-p)|restic\b|borg\s+create)/;
const NOTIFY = /^(?:curl|wget)\b.*(?:hooks\.slack\.com|webhook|healthchecks\.io|hc-ping\.com|cronitor|pagerduty|opsgenie|pushgateway|\$\{?[A-Z_]*(?:WEBHOOK|HEALTHCHECK|PING)[A-Z_]*)|^(?:aws\s+sns\s+publish|aws\s+cloudwatch\s+put-metric-data|mail\b|sendmail\b)/i;

export function isBackupScript(file: SourceFile): boolean {
  return /\.(?:sh|bash)$/.test(file.name) && [...file.folders, file.name].some((part) => /backup|restore|disaster/.test(part));
}

interface Schedule {
  cron: string;
  line?: number;
}

function cronJobCommands(root: unknown, file: SourceFile): Command[] {
  const containers = items(get(root, 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'));
  return containers.flatMap((container) => {
    const parts = ['command', 'args'].flatMap((key) => {
      const node = get(container, key);
      return node === undefined ? [] : items(node).length ? items(node).map(str) : [str(node)];
    });
    const from = (container as { range?: number[] }).range?.[0] ?? 0;
    // `sh -c "<script>"`: the script is the last argument; plain commands are the argv joined.
    const script = parts.filter((part): part is string => !!part);
    const shell = script.findIndex((part) => part === '-c');
    const text = shell >= 0 ? script.slice(shell + 1).join('\n') : script.join(' ');
    return commands(text, file, from);
  });
}

export const backupScheduleDetector: Detector = {
  id: 'backup-schedule',
  title: 'Scheduled backups',
  heuristic:
    'A Velero Schedule (velero.io) with a cron schedule, or a Kubernetes CronJob whose container actually runs a backup tool (pg_dump, mysqldump, mongodump, ' +
    'pg_basebackup, restic/borg, wal-g, velero backup create, RDS snapshots). A CronJob named "backup" that runs something else does not count. ' +
    'A Velero ttl declares the backup retention (judged against the retention target); a CronJob that restores into a target (pg_restore -d, psql < dump, velero restore create) ' +
    'proves restore testing, and one that restores the environment (velero restore create, an RDS restore) disaster-recovery testing. Listing a backup (pg_restore --list) restores nothing.',
  proves: {
    'backup/automated-backups': loc('Backups run automatically on a schedule.', 'Os backups rodam automaticamente em um agendamento.'),
    'backup/backup-frequency': loc('The schedule sets how often backups run.', 'O agendamento define a frequência dos backups.'),
    'backup/backup-retention': loc('Backups expire after a retention period within the target.', 'Os backups expiram após um período de retenção dentro da meta.'),
    'backup/backup-testing': loc('A scheduled job restores a backup, so restores are exercised.', 'Um job agendado restaura um backup, então os restores são exercitados.'),
    'backup/dr-testing': loc('A scheduled job restores the environment, so disaster recovery is rehearsed.', 'Um job agendado restaura o ambiente, então o disaster recovery é ensaiado.'),
  },
  hint: loc('Schedule backups (a Velero Schedule or a backup CronJob) and a job that restores them into a scratch target.', 'Agende backups (um Velero Schedule ou um CronJob de backup) e um job que os restaure em um destino de teste.'),
  hints: {
    'backup/automated-backups': loc('Schedule backups: a Velero Schedule, or a CronJob that runs pg_dump (or another backup tool).', 'Agende backups: um Velero Schedule, ou um CronJob que rode o pg_dump (ou outra ferramenta de backup).'),
    'backup/backup-frequency': loc('Schedule backups: a Velero Schedule, or a CronJob that runs pg_dump (or another backup tool).', 'Agende backups: um Velero Schedule, ou um CronJob que rode o pg_dump (ou outra ferramenta de backup).'),
    'backup/backup-retention': loc('Give the Velero Schedule a ttl within the backup retention target (30 to 90 days by default, ttl: 720h).', 'Dê ao Velero Schedule um ttl dentro da meta de retenção de backup (30 a 90 dias por padrão, ttl: 720h).'),
    'backup/backup-testing': loc('Schedule a CronJob that restores the latest backup into a scratch database (pg_restore -d, velero restore create).', 'Agende um CronJob que restaure o último backup em um banco de teste (pg_restore -d, velero restore create).'),
    'backup/dr-testing': loc('Schedule a job that restores the environment (velero restore create, an RDS restore).', 'Agende um job que restaure o ambiente (velero restore create, um restore do RDS).'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /velero\.io|kind\s*:\s*CronJob/,
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const root of file.yamlRoots()) {
      const { apiVersion, kind, name } = kindOf(root);
      let schedule: Schedule | undefined;
      if (kind === 'Schedule' && apiVersion.startsWith('velero.io/')) {
        const cron = getStr(root, 'spec', 'schedule');
        if (!cron) continue;
        schedule = { cron, line: file.lineOfNode(get(root, 'spec', 'schedule')) };
        const what = loc(`Velero Schedule ${name} (${cron})`, `Velero Schedule ${name} (${cron})`);
        hits.push({ item: 'backup/automated-backups', what, line: file.lineOfNode(root) }, { item: 'backup/backup-frequency', what, line: schedule.line });
        const ttlNode = get(root, 'spec', 'template', 'ttl') as { range?: number[] } | undefined;
        const ttl = str(ttlNode);
        const days = durationDays(ttl);
        if (ttl && days !== undefined && ttlNode?.range)
          hits.push({
            item: 'backup/backup-retention',
            what: loc(`Velero Schedule ${name} ttl ${ttl}`, `Velero Schedule ${name} ttl ${ttl}`),
            line: file.lineOfNode(ttlNode),
            declares: { target: 'backupRetention', text: `ttl: ${ttl}`, value: Math.round(days * 10) / 10, span: { start: ttlNode.range[0], end: ttlNode.range[1] }, source: `Velero Schedule ${name}` },
          });
        continue;
      }
      if (kind !== 'CronJob') continue;
      const cron = getStr(root, 'spec', 'schedule') ?? '';
      const jobCommands = cronJobCommands(root, file);
      const backup = jobCommands.find((command) => BACKUP_COMMAND.test(command.text));
      if (backup) {
        const what = loc(`CronJob ${name} (${cron}) runs "${short(backup.text)}"`, `CronJob ${name} (${cron}) executa "${short(backup.text)}"`);
        hits.push({ item: 'backup/automated-backups', what, line: file.lineOfNode(root) }, { item: 'backup/backup-frequency', what, line: file.lineOfNode(get(root, 'spec', 'schedule')) });
      }
      const restore = jobCommands.find((command) => isRestore(command));
      if (restore) {
        const what = loc(`CronJob ${name} (${cron}) runs "${short(restore.text)}"`, `CronJob ${name} (${cron}) executa "${short(restore.text)}"`);
        hits.push({ item: 'backup/backup-testing', what, line: file.lineOfNode(root) });
        if (ENVIRONMENT_RESTORE.test(restore.text)) hits.push({ item: 'backup/dr-testing', what, line: file.lineOfNode(root) });
      }
    }
    return hits;
  },
};

export const backupScriptDetector: Detector = {
  id: 'backup-script',
  title: 'Backup scripts',
  hint: loc('Script the backup (pg_dump ...) with encryption, retention and a notification.', 'Automatize o backup em script (pg_dump ...) com criptografia, retenção e notificação.'),
  hints: {
    'backup/automated-backups': loc('Script the backup under a backup/ path (pg_dump, mysqldump, restic ...).', 'Automatize o backup em um script sob um caminho backup/ (pg_dump, mysqldump, restic ...).'),
    'backup/backup-encryption': loc('Encrypt the backup in the backup script (gpg, openssl enc, age, --sse).', 'Criptografe o backup no script de backup (gpg, openssl enc, age, --sse).'),
    'backup/backup-retention': loc('Delete backups older than the retention period in the backup script (RETENTION_DAYS=30, find -mtime +30 -delete).', 'Apague no script de backup os backups mais antigos que o período de retenção (RETENTION_DAYS=30, find -mtime +30 -delete).'),
    'backup/backup-monitoring': loc('Report the backup script\'s result (a healthchecks ping, a webhook, SNS, a pushed metric).', 'Informe o resultado do script de backup (um ping de healthchecks, um webhook, SNS, uma métrica enviada).'),
    'backup/backup-testing': loc('Restore the backup in a script (pg_restore -d, mongorestore, restic restore).', 'Restaure o backup em um script (pg_restore -d, mongorestore, restic restore).'),
  },
  heuristic:
    'A shell script under a backup/restore path that runs a backup tool (pg_dump, mysqldump, mongodump, restic, ...) outside comments and echo lines. ' +
    'In such a script: server-side or client-side encryption (--sse, --server-side-encryption, gpg, openssl enc, age, restic) proves encryption; a retention ' +
    'variable or find -mtime of 30 days or more proves retention; a notification (Slack/webhook/healthchecks ping, SNS, a pushed metric) proves monitoring; ' +
    'a restore tool (pg_restore, mongorestore, restic restore) proves restore testing.',
  proves: {
    'backup/automated-backups': loc('A backup script automates the backup.', 'Um script de backup automatiza o backup.'),
    'backup/backup-encryption': loc('The backup script encrypts the backup.', 'O script de backup criptografa o backup.'),
    'backup/backup-retention': loc('The backup script deletes backups older than the retention period (30 days or more).', 'O script de backup apaga backups mais antigos que o período de retenção (30 dias ou mais).'),
    'backup/backup-monitoring': loc('The backup script reports its result, so failures are noticed.', 'O script de backup informa o resultado, então as falhas são percebidas.'),
    'backup/backup-testing': loc('A script restores a backup, so restores are exercised.', 'Um script restaura um backup, então os restores são exercitados.'),
  },
  appliesTo: isBackupScript,
  detect(file) {
    const scriptCommands = commands(file.text, file);
    const hits: DetectorHit[] = [];
    const backup = scriptCommands.find((command) => BACKUP_COMMAND.test(command.text));
    const restore = scriptCommands.find((command) => isRestore(command));
    if (restore) hits.push({ item: 'backup/backup-testing', what: loc(`Restore "${short(restore.text)}"`, `Restore "${short(restore.text)}"`), line: restore.line });
    if (!backup) return hits;
    hits.push({ item: 'backup/automated-backups', what: loc(`Backup "${short(backup.text)}"`, `Backup "${short(backup.text)}"`), line: backup.line });
    const encryption = scriptCommands.find((command) => ENCRYPTION.test(command.text));
    if (encryption) hits.push({ item: 'backup/backup-encryption', what: loc(`Encryption "${short(encryption.text)}"`, `Criptografia "${short(encryption.text)}"`), line: encryption.line });
    const retention = retentionDays(file);
    if (retention)
      hits.push({
        item: 'backup/backup-retention',
        what: loc(`Retention of ${retention.days} days`, `Retenção de ${retention.days} dias`),
        line: file.lineOf(retention.span.start),
        declares: { target: 'backupRetention', text: retention.text, value: retention.days, span: retention.span, source: file.name },
      });
    const notify = scriptCommands.find((command) => NOTIFY.test(command.text));
    if (notify) hits.push({ item: 'backup/backup-monitoring', what: loc(`Notification "${short(notify.text)}"`, `Notificação "${short(notify.text)}"`), line: notify.line });
    return hits;
  },
};

/** The retention a backup script applies, in days, with the span of the number. */
function retentionDays(file: SourceFile): { days: number; text: string; span: Span } | undefined {
  const variable = /^\s*(?:export\s+)?[A-Z_]*RETENTION[A-Z_]*=["']?(?:\$\{[A-Z_]+:-)?(\d+)/m.exec(file.text);
  if (variable) {
    const end = variable.index + variable[0].length;
    return { days: Number(variable[1]), text: variable[0].trim(), span: { start: end - variable[1].length, end } };
  }
  const find = /^[^#\n]*\bfind\b[^\n]*-mtime\s+\+(\d+)[^\n]*(?:-delete|-exec\s+rm)/m.exec(file.text);
  if (!find) return undefined;
  const start = find.index + find[0].indexOf(`+${find[1]}`, find[0].indexOf('-mtime')) + 1;
  return { days: Number(find[1]), text: find[0].trim(), span: { start, end: start + find[1].length } };
}
