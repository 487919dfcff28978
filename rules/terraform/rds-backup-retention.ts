import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, defaultValue, distinct, inspect, isKnown, reportDefault, reportValue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { numericValue, type Known } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { hasAttribute, valueOf, type BlockView, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-backup-retention',
    kind: 'terraform',
    title: 'Keep RDS backups long enough',
    description:
      'RDS instances and Aurora clusters must keep automated backups for at least `minDays` days; without backup_retention_period AWS keeps one day at most, and 0 disables backups and point-in-time recovery. More than 35 days is rejected by AWS. Read replicas (replicate_source_db, replication_source_identifier) take their backups from the source. In a reusable module the caller decides; a default below the minimum is reported as information.',
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
      tooLong: 'Database {{resource}} asks for {{days}} days of backups, more than the 35 AWS allows, so the apply fails; set {{setting}} between {{minDays}} and 35.',
      callerDefault: 'Database {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) keeps less than {{minDays}} days of backups; default it to {{minDays}} or more so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 1\n}',
      good: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}',
    },
    ptBR: {
      title: 'Manter backups do RDS por tempo suficiente',
      description:
        'Instâncias RDS e clusters Aurora devem manter backups automáticos por pelo menos `minDays` dias; sem backup_retention_period a AWS guarda no máximo um dia, e 0 desliga os backups e a recuperação point-in-time. Mais de 35 dias é rejeitado pela AWS. Réplicas de leitura (replicate_source_db, replication_source_identifier) herdam os backups da origem. Num módulo reutilizável quem chama decide; um padrão abaixo do mínimo é reportado como informação.',
      messages: {
        missing: 'O banco {{resource}} não define retenção de backups, então a AWS guarda no máximo um dia de backups; defina {{setting}} = {{minDays}} ou mais.',
        disabled: 'O banco {{resource}} desliga os backups automáticos (retenção 0), então não há backup nem recuperação point-in-time; defina {{setting}} = {{minDays}} ou mais.',
        tooShort: 'O banco {{resource}} guarda backups por {{days}} dia(s), abaixo dos {{minDays}} exigidos; aumente {{setting}} para pelo menos {{minDays}}.',
        tooLong: 'O banco {{resource}} pede {{days}} dias de backups, mais que os 35 que a AWS permite, então o apply falha; defina {{setting}} entre {{minDays}} e 35.',
        callerDefault: 'O banco {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) guarda menos de {{minDays}} dias de backups; use {{minDays}} ou mais como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    const minDays = Number(context.options.minDays);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster')) inspect(context, db, 'database', retention(context, db, minDays));
  },
});

/** AWS keeps automated backups for at most this many days. */
const MAX_DAYS = 35;

function retention(context: TerraformContext, db: ResourceView, minDays: number): Verdict {
  const value = valueOf(db, 'backup_retention_period');
  const data = { resource: db.address, minDays, attribute: 'backup_retention_period' };
  const days = isKnown(value) ? numericValue(value) : undefined;
  // Enough days are enough whether the database is a replica or not.
  if (days !== undefined && days >= minDays && days <= MAX_DAYS) return 'pass';
  const replica = isReplica(db);
  if (replica === true) return 'pass';
  if (replica === undefined || !isKnown(value)) {
    // A reusable module: what a caller that passes nothing gets (not a replica, and too few days).
    const defaults = defaultsOf(context, db);
    const fallback = defaults && isReplica(defaults) === false ? defaultValue(value, defaults, 'backup_retention_period') : undefined;
    if (fallback && tooFew(fallback, minDays)) reportDefault(context, fallback, 'callerDefault', data, String(minDays));
    return 'unknown';
  }
  if (value.value === null) {
    reportValue(context, value, { missing: 'missing', value: 'missing' }, data, String(minDays));
    return 'fail';
  }
  if (days === undefined) return 'unknown';
  const messageId = days === 0 ? 'disabled' : days > MAX_DAYS ? 'tooLong' : 'tooShort';
  reportValue(context, value, { missing: 'missing', value: messageId }, { ...data, days }, days > MAX_DAYS ? undefined : String(minDays));
  return 'fail';
}

/** No retention (one day at most) or fewer days than required. */
function tooFew(value: Known, minDays: number): boolean {
  if (value.value === null) return true;
  const days = numericValue(value);
  return days !== undefined && days < minDays;
}

/** Read replicas take their backups from the source database: true when a source is set, undefined when it may be. */
function isReplica(db: BlockView): boolean | undefined {
  let maybe = false;
  for (const name of ['replicate_source_db', 'replication_source_identifier']) {
    if (!hasAttribute(db, name)) continue;
    const source = valueOf(db, name);
    if (!source.known) maybe = true;
    else if (source.value !== null) return true;
  }
  return maybe ? undefined : false;
}
