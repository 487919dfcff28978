import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, reportValue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import { numericValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { hasAttribute, valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-backup-retention',
    kind: 'terraform',
    title: 'Keep RDS backups long enough',
    description:
      'RDS instances and Aurora clusters must keep automated backups for at least `minDays` days; without backup_retention_period AWS keeps one day at most, and 0 disables backups and point-in-time recovery. Read replicas (replicate_source_db, replication_source_identifier) take their backups from the source.',
    checklistItem: 'backup/backup-retention',
    severity: 'error',
    fixable: true,
    crossFile: true,
    options: {
      minDays: { type: 'number', default: 7, minimum: 1, description: 'Minimum number of days automated backups are kept.' },
    },
    messages: {
      missing: 'Database {{resource}} sets no backup retention, so AWS keeps at most one day of backups; set {{setting}} = {{minDays}} or more.',
      disabled: 'Database {{resource}} turns automated backups off (retention 0), so there is no backup and no point-in-time recovery; set {{setting}} = {{minDays}} or more.',
      tooShort: 'Database {{resource}} keeps backups for {{days}} day(s), below the required {{minDays}}; raise {{setting}} to at least {{minDays}}.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 1\n}',
      good: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}',
    },
    ptBR: {
      title: 'Manter backups do RDS por tempo suficiente',
      description:
        'Instâncias RDS e clusters Aurora devem manter backups automáticos por pelo menos `minDays` dias; sem backup_retention_period a AWS guarda no máximo um dia, e 0 desliga os backups e a recuperação point-in-time. Réplicas de leitura (replicate_source_db, replication_source_identifier) herdam os backups da origem.',
      messages: {
        missing: 'O banco {{resource}} não define retenção de backups, então a AWS guarda no máximo um dia de backups; defina {{setting}} = {{minDays}} ou mais.',
        disabled: 'O banco {{resource}} desliga os backups automáticos (retenção 0), então não há backup nem recuperação point-in-time; defina {{setting}} = {{minDays}} ou mais.',
        tooShort: 'O banco {{resource}} guarda backups por {{days}} dia(s), abaixo dos {{minDays}} exigidos; aumente {{setting}} para pelo menos {{minDays}}.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    const minDays = Number(context.options.minDays);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster')) {
      inspect(context, db, 'database');
      if (isReplica(db)) continue;
      const value = valueOf(db, 'backup_retention_period');
      if (!isKnown(value)) continue;
      const data = { resource: db.address, minDays, attribute: 'backup_retention_period' };
      const messages = { missing: 'missing', value: 'missing' };
      if (value.value === null) {
        reportValue(context, value, messages, data, String(minDays));
        continue;
      }
      const days = numericValue(value);
      if (days === undefined || days >= minDays) continue;
      reportValue(context, value, { missing: 'missing', value: days === 0 ? 'disabled' : 'tooShort' }, { ...data, days }, String(minDays));
    }
  },
});

/** Read replicas take their backups from the source database: a replica source that is set or unknown. */
function isReplica(db: ResourceView): boolean {
  return ['replicate_source_db', 'replication_source_identifier'].some((name) => {
    if (!hasAttribute(db, name)) return false;
    const source = valueOf(db, name);
    return !source.known || source.value !== null;
  });
}
