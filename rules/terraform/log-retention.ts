import { defineRule } from '../../server/src/engine/rule';
import { insertAttribute } from '../../server/src/kinds/terraform/edits';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, TerraformModule } from '../../server/src/kinds/terraform/module';

const DEFAULT_DAYS = 30;

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/log-retention',
    kind: 'terraform',
    title: 'Set a retention period on CloudWatch log groups',
    description:
      'A CloudWatch log group without retention_in_days (or with 0) keeps logs forever: the bill grows without bound and personal data in logs outlives any retention policy. The checklist asks for 30 to 90 days.',
    checklistItem: 'monitoring/log-retention',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Log group {{resource}} keeps its logs forever; set retention_in_days (30 to 90 days is typical).',
      forever: 'retention_in_days = 0 keeps the logs of {{resource}} forever; set a retention such as 30 to 90 days.',
    },
    examples: {
      bad: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/api"\n}',
      good: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/api"\n  retention_in_days = 30\n}',
    },
    ptBR: {
      title: 'Definir retenção nos log groups do CloudWatch',
      description:
        'Um log group do CloudWatch sem retention_in_days (ou com 0) guarda os logs para sempre: a conta cresce sem limite e dados pessoais nos logs sobrevivem a qualquer política de retenção. O checklist pede de 30 a 90 dias.',
      messages: {
        missing: 'O log group {{resource}} guarda seus logs para sempre; defina retention_in_days (30 a 90 dias é o usual).',
        forever: 'retention_in_days = 0 guarda os logs de {{resource}} para sempre; defina uma retenção como 30 a 90 dias.',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    for (const group of module.ownResources('aws_cloudwatch_log_group')) {
      const days = module.value(group, 'retention_in_days');
      const data = { resource: address(group) };
      if (days.state === 'missing') {
        const existing = days.attribute?.value;
        context.report({
          span: existing ? existing.span : group.headerSpan,
          messageId: 'missing',
          data,
          fix: existing
            ? existing.literal
              ? (fixer) => fixer.replace(existing.span, String(DEFAULT_DAYS))
              : undefined
            : () => insertAttribute(group, context.lines, 'retention_in_days', String(DEFAULT_DAYS)),
        });
      } else if (days.state === 'known' && Number(days.value) === 0) {
        const value = days.attribute!.value;
        context.report({ span: value.span, messageId: 'forever', data, fix: value.literal ? (fixer) => fixer.replace(value.span, String(DEFAULT_DAYS)) : undefined });
      }
    }
  },
});
