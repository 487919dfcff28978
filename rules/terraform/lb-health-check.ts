import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, reportValue, resourcesOf, siteIn, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { insertAttribute, insertIntoBlock } from '../../server/src/kinds/terraform/edits';
import { truthyValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { absenceSiteIn, nestedViews, valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

const HEALTH_PATH = '"/health"';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/lb-health-check',
    kind: 'terraform',
    title: 'Give HTTP target groups a health check',
    description:
      'An HTTP or HTTPS target group needs an enabled health_check with a path that exercises the application; otherwise the load balancer keeps sending traffic to broken targets.',
    checklistItem: 'deployment/load-balancer',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Target group {{resource}} has no health_check, so AWS only probes "/" and keeps sending traffic to targets whose application is broken; add a health_check with a path such as /health.',
      moduleMissing: 'Target group {{resource}} gets no health_check from this module call, so AWS only probes "/" and keeps sending traffic to targets whose application is broken; pass a health_check with a path such as /health.',
      disabled: 'Target group {{resource}} disables its health check, so traffic keeps flowing to broken targets; set {{setting}} = true.',
      noPath: 'The health check of {{resource}} has no path, so it probes "/" instead of a real health endpoint; set path to your health endpoint.',
    },
    fixTitles: {
      addHealthCheck: 'Add a health_check block',
    },
    examples: {
      bad: 'resource "aws_lb_target_group" "app" {\n  port     = 80\n  protocol = "HTTP"\n}',
      good: 'resource "aws_lb_target_group" "app" {\n  port     = 80\n  protocol = "HTTP"\n\n  health_check {\n    enabled = true\n    path    = "/health"\n    matcher = "200"\n  }\n}',
    },
    ptBR: {
      title: 'Dar um health check aos target groups HTTP',
      description:
        'Um target group HTTP ou HTTPS precisa de um health_check ativo com um path que exercite a aplicação; senão o load balancer continua mandando tráfego para alvos quebrados.',
      messages: {
        missing: 'O target group {{resource}} não tem health_check, então a AWS só sonda "/" e continua mandando tráfego para alvos com a aplicação quebrada; adicione um health_check com um path como /health.',
        moduleMissing: 'O target group {{resource}} não recebe health_check desta chamada de módulo, então a AWS só sonda "/" e continua mandando tráfego para alvos com a aplicação quebrada; passe um health_check com um path como /health.',
        disabled: 'O target group {{resource}} desliga o health check, então o tráfego continua indo para alvos quebrados; defina {{setting}} = true.',
        noPath: 'O health check de {{resource}} não tem path, então sonda "/" em vez de um endpoint de saúde real; defina path com o seu endpoint de saúde.',
      },
      fixTitles: {
        addHealthCheck: 'Adicionar um bloco health_check',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const group of resourcesOf(context, 'aws_lb_target_group', 'aws_alb_target_group')) inspect(context, group, 'target-group', health(context, group));
  },
});

function health(context: TerraformContext, group: ResourceView): Verdict {
  const protocol = valueOf(group, 'protocol');
  if (!isKnown(protocol)) return 'unknown';
  if (!['HTTP', 'HTTPS'].includes(String(protocol.value).toUpperCase())) return 'pass';
  const data = { resource: group.address };
  const checks = nestedViews(group, 'health_check');
  if (checks.length === 0) {
    if (!group.own) {
      const decided = absenceSiteIn(group, 'health_check', context.model.path);
      if (decided) context.report({ span: decided.span, messageId: 'moduleMissing', data });
      // A registry mapping that leaves health_check out does not say the module leaves it out.
      return decided || !group.partial ? 'fail' : 'unknown';
    }
    context.report({
      span: group.block.headerSpan,
      messageId: 'missing',
      data,
      fixTitleId: 'addHealthCheck',
      fix: () =>
        insertIntoBlock(group.block, context.lines, [
          '',
          'health_check {',
          '\tenabled             = true',
          '\thealthy_threshold   = 2',
          '\tinterval            = 30',
          '\tmatcher             = "200"',
          `\tpath                = ${HEALTH_PATH}`,
          '\tport                = "traffic-port"',
          `\tprotocol            = "${String(protocol.value).toUpperCase()}"`,
          '\ttimeout             = 5',
          '\tunhealthy_threshold = 2',
          '}',
        ]),
    });
    return 'fail';
  }
  const check = checks[0];
  const enabled = valueOf(check, 'enabled');
  const path = valueOf(check, 'path');
  if (isKnown(enabled) && enabled.value !== null && truthyValue(enabled) === false) {
    // A static health_check block of this file gets its missing path in the same fix.
    const pathFix = group.own && isKnown(path) && path.value === null && group.block.blocks.includes(check.block) ? [insertAttribute(check.block, context.lines, 'path', HEALTH_PATH)] : [];
    const site = siteIn(enabled, context.model.path);
    if (site) {
      context.report({
        span: site.span,
        messageId: 'disabled',
        data: { ...data, setting: site.derived ? 'enabled' : (site.setting ?? 'enabled') },
        fix: site.exact && !site.derived ? (fixer) => [fixer.replace(site.span, 'true'), ...pathFix] : undefined,
      });
    }
    return 'fail';
  }
  if (!isKnown(enabled) || !isKnown(path)) return 'unknown';
  if (path.value !== null) return 'pass';
  reportValue(context, path, { missing: 'noPath', value: 'noPath' }, { ...data, attribute: 'path' }, HEALTH_PATH);
  return 'fail';
}
