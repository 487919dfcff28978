import { defineRule } from '../../server/src/engine/rule';
import { insertAttribute, insertIntoBlock } from '../../server/src/kinds/terraform/edits';
import { nestedBlocks, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, isTrue, TerraformModule } from '../../server/src/kinds/terraform/module';

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
      missing: 'Target group {{resource}} has no health_check, so traffic keeps flowing to broken targets; add a health_check with a path such as /health.',
      disabled: 'Target group {{resource}} disables its health check, so traffic keeps flowing to broken targets; set enabled = true.',
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
        missing: 'O target group {{resource}} não tem health_check, então o tráfego continua indo para alvos quebrados; adicione um health_check com um path como /health.',
        disabled: 'O target group {{resource}} desliga o health check, então o tráfego continua indo para alvos quebrados; defina enabled = true.',
        noPath: 'O health check de {{resource}} não tem path, então sonda "/" em vez de um endpoint de saúde real; defina path com o seu endpoint de saúde.',
      },
      fixTitles: {
        addHealthCheck: 'Adicionar um bloco health_check',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    for (const group of module.ownResources('aws_lb_target_group', 'aws_alb_target_group')) {
      const protocol = module.value(group, 'protocol');
      if (protocol.state !== 'known' || !['HTTP', 'HTTPS'].includes(String(protocol.value).toUpperCase())) continue;
      const data = { resource: address(group) };
      const checks = nestedBlocks(group, 'health_check');
      if (checks.length === 0) {
        context.report({
          span: group.headerSpan,
          messageId: 'missing',
          data,
          fixTitleId: 'addHealthCheck',
          fix: () =>
            insertIntoBlock(group, context.lines, [
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
        continue;
      }
      // `dynamic "health_check"` content is generated; its values cannot be judged here.
      const check = checks[0];
      if (check.type === 'content') continue;
      const enabled = module.value(check, 'enabled');
      const hasPath = module.value(check, 'path').state !== 'missing';
      if (enabled.state === 'known' && !isTrue(enabled.value)) {
        const value = enabled.attribute!.value;
        context.report({
          span: value.span,
          messageId: 'disabled',
          data,
          fix: value.literal
            ? (fixer) => [fixer.replace(value.span, 'true'), ...(hasPath ? [] : [insertAttribute(check, context.lines, 'path', HEALTH_PATH)])]
            : undefined,
        });
      } else if (!hasPath) {
        context.report({ span: check.headerSpan, messageId: 'noPath', data, fix: () => insertAttribute(check, context.lines, 'path', HEALTH_PATH) });
      }
    }
  },
});
