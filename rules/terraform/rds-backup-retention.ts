import { defineRule } from '../../server/src/engine/rule';
import { insertAttribute } from '../../server/src/kinds/terraform/edits';
import { attribute, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, TerraformModule } from '../../server/src/kinds/terraform/module';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-backup-retention',
    kind: 'terraform',
    title: 'Keep RDS backups long enough',
    description:
      'RDS instances and Aurora clusters must keep automated backups for at least `minDays` days; without backup_retention_period AWS keeps one day at most, and 0 disables backups and point-in-time recovery.',
    checklistItem: 'backup/backup-retention',
    severity: 'error',
    fixable: true,
    crossFile: true,
    options: {
      minDays: { type: 'number', default: 7, minimum: 1, description: 'Minimum number of days automated backups are kept.' },
    },
    messages: {
      missing: 'Database {{resource}} sets no backup_retention_period, so AWS keeps at most one day of backups; set backup_retention_period = {{minDays}} or more.',
      tooShort: 'Database {{resource}} keeps backups for {{days}} days, below the required {{minDays}}; raise backup_retention_period to at least {{minDays}}.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 1\n}',
      good: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}',
    },
    ptBR: {
      title: 'Manter backups do RDS por tempo suficiente',
      description:
        'Instâncias RDS e clusters Aurora devem manter backups automáticos por pelo menos `minDays` dias; sem backup_retention_period a AWS guarda no máximo um dia, e 0 desliga os backups e a recuperação point-in-time.',
      messages: {
        missing: 'O banco {{resource}} não define backup_retention_period, então a AWS guarda no máximo um dia de backups; defina backup_retention_period = {{minDays}} ou mais.',
        tooShort: 'O banco {{resource}} guarda backups por {{days}} dias, abaixo dos {{minDays}} exigidos; aumente backup_retention_period para pelo menos {{minDays}}.',
      },
    },
  },
  check(model, context) {
    const minDays = Number(context.options.minDays);
    const module = new TerraformModule(model, context);
    for (const db of module.ownResources('aws_db_instance', 'aws_rds_cluster')) {
      // Read replicas take their backups from the source database.
      if (attribute(db, 'replicate_source_db')) continue;
      const found = module.value(db, 'backup_retention_period');
      const data = { resource: address(db), minDays };
      if (found.state === 'missing' && !found.attribute) {
        context.report({ span: db.headerSpan, messageId: 'missing', data, fix: () => insertAttribute(db, context.lines, 'backup_retention_period', String(minDays)) });
        continue;
      }
      if (found.state !== 'known') continue;
      const days = Number(found.value);
      if (Number.isNaN(days) || days >= minDays) continue;
      const value = found.attribute!.value;
      context.report({
        span: value.span,
        messageId: 'tooShort',
        data: { ...data, days },
        fix: value.literal ? (fixer) => fixer.replace(value.span, String(minDays)) : undefined,
      });
    }
  },
});
