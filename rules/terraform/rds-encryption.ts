import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-encryption',
    kind: 'terraform',
    title: 'Encrypt RDS storage',
    description:
      'RDS instances and Aurora clusters must set storage_encrypted = true: storage, snapshots and backups are otherwise stored in clear, and encryption cannot be turned on later without a restore.',
    checklistItem: 'security/encryption-at-rest',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Database {{resource}} does not encrypt its storage, snapshots or backups; set {{setting}} = true.',
      disabled: 'Database {{resource}} turns storage encryption off, leaving its data, snapshots and backups in clear; set {{setting}} = true.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}',
      good: 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_encrypted = true\n}',
    },
    ptBR: {
      title: 'Criptografar o armazenamento do RDS',
      description:
        'Instâncias RDS e clusters Aurora devem definir storage_encrypted = true: senão o armazenamento, os snapshots e os backups ficam em claro, e a criptografia não pode ser ligada depois sem um restore.',
      messages: {
        missing: 'O banco {{resource}} não criptografa seu armazenamento, snapshots nem backups; defina {{setting}} = true.',
        disabled: 'O banco {{resource}} desliga a criptografia do armazenamento, deixando dados, snapshots e backups em claro; defina {{setting}} = true.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster')) {
      inspect(context, db, 'database');
      requireTrue(context, db, 'storage_encrypted', { missing: 'missing', disabled: 'disabled' });
    }
  },
});
