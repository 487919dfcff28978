import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, defaultValue, distinct, inspect, isKnown, reportDefault, reportValue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { numericValue, type Known } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

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
      callerDefault: 'Log group {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) keeps its logs forever; default it to a retention such as 30 days so that callers who omit it are covered.',
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
        callerDefault: 'O log group {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) guarda os logs para sempre; use uma retenção como 30 dias como padrão para que quem o omitir fique coberto.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const group of resourcesOf(context, 'aws_cloudwatch_log_group')) inspect(context, group, 'log-group', retention(context, group));
  },
});

function retention(context: TerraformContext, group: ResourceView): Verdict {
  const days = valueOf(group, 'retention_in_days');
  const data = { resource: group.address, attribute: 'retention_in_days' };
  if (!isKnown(days)) {
    const fallback = defaultValue(days, defaultsOf(context, group), 'retention_in_days');
    if (fallback && keepsForever(fallback)) reportDefault(context, fallback, 'callerDefault', data, String(DEFAULT_DAYS));
    return 'unknown';
  }
  if (!keepsForever(days)) return 'pass';
  reportValue(context, days, days.value === null ? { missing: 'missing', value: 'missing' } : { missing: 'forever', value: 'forever' }, data, String(DEFAULT_DAYS));
  return 'fail';
}

/** No retention, or 0: CloudWatch never expires the events. */
function keepsForever(days: Known): boolean {
  return days.value === null || numericValue(days) === 0;
}
