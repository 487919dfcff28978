import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';

// Deleting an instance deletes its automated backups by default, so this guards the backups too.
export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-deletion-protection',
    kind: 'terraform',
    title: 'Protect databases from deletion',
    description:
      'RDS instances and Aurora clusters should set deletion_protection = true: deleting a database also deletes its automated backups unless told otherwise, so one mistaken destroy loses the data and its backups.',
    checklistItem: 'backup/automated-backups',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Database {{resource}} has no deletion protection, so one mistaken destroy deletes it with its automated backups; set {{setting}} = true.',
      disabled: 'Database {{resource}} turns deletion protection off, so one mistaken destroy deletes it with its automated backups; set {{setting}} = true.',
      callerDefault: 'Database {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) leaves it unprotected; default it to true so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n}',
      good: 'resource "aws_rds_cluster" "main" {\n  engine              = "aurora-postgresql"\n  deletion_protection = true\n}',
    },
    ptBR: {
      title: 'Proteger bancos de dados contra exclusão',
      description:
        'Instâncias RDS e clusters Aurora devem definir deletion_protection = true: excluir um banco também exclui seus backups automáticos, salvo indicação contrária, então um destroy por engano perde os dados e seus backups.',
      messages: {
        missing: 'O banco {{resource}} não tem proteção contra exclusão, então um destroy por engano o apaga junto com os backups automáticos; defina {{setting}} = true.',
        disabled: 'O banco {{resource}} desliga a proteção contra exclusão, então um destroy por engano o apaga junto com os backups automáticos; defina {{setting}} = true.',
        callerDefault: 'O banco {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o deixa desprotegido; use true como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster')) {
      const verdict = requireTrue(context, db, 'deletion_protection', { missing: 'missing', disabled: 'disabled', callerDefault: 'callerDefault' }, {}, defaultsOf(context, db));
      inspect(context, db, 'database', verdict);
    }
  },
});
