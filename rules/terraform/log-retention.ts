import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, reportValue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import { numericValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { valueOf } from '../../server/src/kinds/terraform/resources';

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
      missing: 'Log group {{resource}} keeps its logs forever; set {{setting}} (30 to 90 days is typical).',
      forever: '{{setting}} = 0 keeps the logs of {{resource}} forever; set a retention such as 30 to 90 days.',
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
        missing: 'O log group {{resource}} guarda seus logs para sempre; defina {{setting}} (30 a 90 dias é o usual).',
        forever: '{{setting}} = 0 guarda os logs de {{resource}} para sempre; defina uma retenção como 30 a 90 dias.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const group of resourcesOf(context, 'aws_cloudwatch_log_group')) {
      inspect(context, group, 'log-group');
      const days = valueOf(group, 'retention_in_days');
      if (!isKnown(days)) continue;
      const data = { resource: group.address, attribute: 'retention_in_days' };
      if (days.value === null) reportValue(context, days, { missing: 'missing', value: 'missing' }, data, String(DEFAULT_DAYS));
      else if (numericValue(days) === 0) reportValue(context, days, { missing: 'forever', value: 'forever' }, data, String(DEFAULT_DAYS));
    }
  },
});
