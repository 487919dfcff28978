import { defineRule } from '../../server/src/engine/rule';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { defaultsOf, defaultValue, distinct, inspect, isKnown, reportDefault, reportValue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { truthyValue } from '../../server/src/kinds/terraform/evaluate';
import { valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

// A reachable database endpoint is the opposite of an allow-list: security/ip-whitelisting.
export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-public',
    kind: 'terraform',
    title: 'Keep databases off the internet',
    description:
      'publicly_accessible = true gives an RDS instance a public DNS name and IP, so only its security group stands between the database and the whole internet.',
    checklistItem: 'security/ip-whitelisting',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      public: 'Database {{resource}} is publicly accessible from the internet; set {{setting}} = false and reach it from inside the VPC.',
      callerDefault: 'Database {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) puts it on the internet; default it to false so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  publicly_accessible = true\n}',
      good: 'resource "aws_db_instance" "main" {\n  publicly_accessible = false\n}',
    },
    ptBR: {
      title: 'Manter bancos de dados fora da internet',
      description:
        'publicly_accessible = true dá à instância RDS um nome DNS e um IP públicos, e só o security group fica entre o banco e a internet inteira.',
      messages: {
        public: 'O banco {{resource}} está acessível publicamente pela internet; defina {{setting}} = false e acesse-o de dentro da VPC.',
        callerDefault: 'O banco {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o coloca na internet; use false como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster_instance')) inspect(context, db, 'database', exposure(context, db));
  },
});

function exposure(context: TerraformContext, db: ResourceView): Verdict {
  const value = valueOf(db, 'publicly_accessible');
  const data = { resource: db.address, attribute: 'publicly_accessible' };
  if (!isKnown(value)) {
    const fallback = defaultValue(value, defaultsOf(context, db), 'publicly_accessible');
    if (fallback && truthyValue(fallback) === true) reportDefault(context, fallback, 'callerDefault', data, 'false');
    return 'unknown';
  }
  if (truthyValue(value) !== true) return 'pass';
  reportValue(context, value, { missing: 'public', value: 'public' }, data, 'false');
  return 'fail';
}
