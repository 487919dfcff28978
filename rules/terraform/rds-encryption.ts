import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, isKnown, requireTrue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { truthyValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-encryption',
    kind: 'terraform',
    title: 'Encrypt RDS storage',
    description:
      'RDS instances and Aurora clusters must set storage_encrypted = true: storage, snapshots and backups are otherwise stored in clear, and encryption cannot be turned on later without a restore. Aurora Serverless v1 clusters (engine_mode = "serverless") are always encrypted. In a reusable module the caller decides; a default that leaves storage unencrypted is reported as information.',
    checklistItem: 'security/encryption-at-rest',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Database {{resource}} does not encrypt its storage, snapshots or backups; set {{setting}} = true.',
      disabled: 'Database {{resource}} turns storage encryption off, leaving its data, snapshots and backups in clear; set {{setting}} = true.',
      callerDefault: 'Database {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) stores it unencrypted; default it to true so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}',
      good: 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_encrypted = true\n}',
    },
    ptBR: {
      title: 'Criptografar o armazenamento do RDS',
      description:
        'Instâncias RDS e clusters Aurora devem definir storage_encrypted = true: senão o armazenamento, os snapshots e os backups ficam em claro, e a criptografia não pode ser ligada depois sem um restore. Clusters Aurora Serverless v1 (engine_mode = "serverless") são sempre criptografados. Num módulo reutilizável quem chama decide; um padrão que deixa o armazenamento sem criptografia é reportado como informação.',
      messages: {
        missing: 'O banco {{resource}} não criptografa seu armazenamento, snapshots nem backups; defina {{setting}} = true.',
        disabled: 'O banco {{resource}} desliga a criptografia do armazenamento, deixando dados, snapshots e backups em claro; defina {{setting}} = true.',
        callerDefault: 'O banco {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o guarda sem criptografia; use true como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster')) inspect(context, db, 'database', encryption(context, db));
  },
});

function encryption(context: TerraformContext, db: ResourceView): Verdict {
  if (db.type === 'aws_rds_cluster') {
    // Aurora Serverless v1 always encrypts its storage, whatever storage_encrypted says.
    const mode = valueOf(db, 'engine_mode');
    if (isKnown(mode) && mode.value === 'serverless') return 'pass';
    if (!isKnown(mode)) {
      const encrypted = valueOf(db, 'storage_encrypted');
      return isKnown(encrypted) && truthyValue(encrypted) === true ? 'pass' : 'unknown';
    }
  }
  return requireTrue(context, db, 'storage_encrypted', { missing: 'missing', disabled: 'disabled', callerDefault: 'callerDefault' }, {}, defaultsOf(context, db));
}
