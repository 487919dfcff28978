import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-multi-az',
    kind: 'terraform',
    title: 'Run RDS instances in Multi-AZ',
    description:
      'An RDS instance without multi_az = true has no standby: the loss of its availability zone or a host failure means downtime until a manual restore.',
    checklistItem: 'backup/failover-automation',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Database {{resource}} has no Multi-AZ standby, so a zone or host failure takes it down; set {{setting}} = true.',
      disabled: 'Database {{resource}} turns Multi-AZ off, so a zone or host failure takes it down; set {{setting}} = true.',
      callerDefault: 'Database {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) gives it no standby; default it to true so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}',
      good: 'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  multi_az = true\n}',
    },
    ptBR: {
      title: 'Executar instâncias RDS em Multi-AZ',
      description:
        'Uma instância RDS sem multi_az = true não tem standby: a perda da zona de disponibilidade ou uma falha de host significa indisponibilidade até um restore manual.',
      messages: {
        missing: 'O banco {{resource}} não tem standby Multi-AZ, então uma falha de zona ou de host o derruba; defina {{setting}} = true.',
        disabled: 'O banco {{resource}} desliga o Multi-AZ, então uma falha de zona ou de host o derruba; defina {{setting}} = true.',
        callerDefault: 'O banco {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o deixa sem standby; use true como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const db of resourcesOf(context, 'aws_db_instance')) {
      const verdict = requireTrue(context, db, 'multi_az', { missing: 'missing', disabled: 'disabled', callerDefault: 'callerDefault' }, {}, defaultsOf(context, db));
      inspect(context, db, 'database', verdict);
    }
  },
});
