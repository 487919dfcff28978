import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/elasticache-encryption',
    kind: 'terraform',
    title: 'Encrypt ElastiCache at rest and in transit',
    description:
      'ElastiCache replication groups should set at_rest_encryption_enabled and transit_encryption_enabled to true: cached data often holds sessions and personal data, and neither setting can be changed on an existing group without replacing it.',
    checklistItem: 'security/encryption-at-rest',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missingAtRest: 'Replication group {{resource}} does not encrypt its data at rest; set {{setting}} = true.',
      disabledAtRest: 'Replication group {{resource}} turns encryption at rest off; set {{setting}} = true.',
      missingInTransit: 'Replication group {{resource}} accepts unencrypted connections; set {{setting}} = true.',
      disabledInTransit: 'Replication group {{resource}} turns encryption in transit off; set {{setting}} = true.',
      callerDefault: 'Replication group {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) leaves it unencrypted; default it to true so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_elasticache_replication_group" "cache" {\n  engine = "redis"\n}',
      good: 'resource "aws_elasticache_replication_group" "cache" {\n  engine                     = "redis"\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}',
    },
    ptBR: {
      title: 'Criptografar o ElastiCache em repouso e em trânsito',
      description:
        'Replication groups do ElastiCache devem definir at_rest_encryption_enabled e transit_encryption_enabled como true: dados em cache muitas vezes guardam sessões e dados pessoais, e nenhuma das duas opções pode ser mudada num grupo existente sem substituí-lo.',
      messages: {
        missingAtRest: 'O replication group {{resource}} não criptografa os dados em repouso; defina {{setting}} = true.',
        disabledAtRest: 'O replication group {{resource}} desliga a criptografia em repouso; defina {{setting}} = true.',
        missingInTransit: 'O replication group {{resource}} aceita conexões sem criptografia; defina {{setting}} = true.',
        disabledInTransit: 'O replication group {{resource}} desliga a criptografia em trânsito; defina {{setting}} = true.',
        callerDefault: 'O replication group {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o deixa sem criptografia; use true como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const group of resourcesOf(context, 'aws_elasticache_replication_group')) {
      const defaults = defaultsOf(context, group);
      const atRest = requireTrue(context, group, 'at_rest_encryption_enabled', { missing: 'missingAtRest', disabled: 'disabledAtRest', callerDefault: 'callerDefault' }, {}, defaults);
      const inTransit = requireTrue(context, group, 'transit_encryption_enabled', { missing: 'missingInTransit', disabled: 'disabledInTransit', callerDefault: 'callerDefault' }, {}, defaults);
      inspect(context, group, 'cache', atRest, inTransit);
    }
  },
});
