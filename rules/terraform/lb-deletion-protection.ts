import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/lb-deletion-protection',
    kind: 'terraform',
    title: 'Protect load balancers from deletion',
    description:
      'Production load balancers should set enable_deletion_protection = true, so a mistaken destroy or a forced replacement cannot take the entry point of the service down.',
    checklistItem: 'deployment/load-balancer',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Load balancer {{resource}} has no deletion protection, so one mistaken destroy removes it; set {{setting}} = true.',
      disabled: 'Load balancer {{resource}} turns deletion protection off, so one mistaken destroy removes it; set {{setting}} = true.',
      callerDefault: 'Load balancer {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) leaves it unprotected; default it to true so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_lb" "main" {\n  name = "production-alb"\n}',
      good: 'resource "aws_lb" "main" {\n  name                       = "production-alb"\n  enable_deletion_protection = true\n}',
    },
    ptBR: {
      title: 'Proteger load balancers contra exclusão',
      description:
        'Load balancers de produção devem definir enable_deletion_protection = true, para que um destroy por engano ou uma substituição forçada não derrube a porta de entrada do serviço.',
      messages: {
        missing: 'O load balancer {{resource}} não tem proteção contra exclusão, então um destroy por engano o remove; defina {{setting}} = true.',
        disabled: 'O load balancer {{resource}} desliga a proteção contra exclusão, então um destroy por engano o remove; defina {{setting}} = true.',
        callerDefault: 'O load balancer {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o deixa desprotegido; use true como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const lb of resourcesOf(context, 'aws_lb', 'aws_alb')) {
      const verdict = requireTrue(context, lb, 'enable_deletion_protection', { missing: 'missing', disabled: 'disabled', callerDefault: 'callerDefault' }, {}, defaultsOf(context, lb));
      inspect(context, lb, 'load-balancer', verdict);
    }
  },
});
