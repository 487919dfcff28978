import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, resourcesOf, siteIn } from '../../server/src/kinds/terraform/checks';
import { completeList, numericValue, truthyValue, type Known } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-monitoring',
    kind: 'terraform',
    title: 'Monitor RDS databases',
    description:
      'An RDS instance or Aurora cluster needs at least one of Enhanced Monitoring (monitoring_interval > 0), Performance Insights or CloudWatch log exports; with none, slow queries and resource exhaustion go unseen until users notice.',
    checklistItem: 'monitoring/database-monitoring',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      unmonitored: 'Database {{resource}} has no Enhanced Monitoring, Performance Insights or log exports; enable at least one (performance_insights_enabled = true is the simplest).',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}',
      good: 'resource "aws_db_instance" "main" {\n  engine                          = "postgres"\n  performance_insights_enabled    = true\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}',
    },
    ptBR: {
      title: 'Monitorar bancos RDS',
      description:
        'Uma instância RDS ou cluster Aurora precisa de pelo menos um entre Enhanced Monitoring (monitoring_interval > 0), Performance Insights ou exportação de logs ao CloudWatch; sem nenhum, consultas lentas e esgotamento de recursos só aparecem quando os usuários reclamam.',
      messages: {
        unmonitored: 'O banco {{resource}} não tem Enhanced Monitoring, Performance Insights nem exportação de logs; ative pelo menos um (performance_insights_enabled = true é o mais simples).',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster')) {
      inspect(context, db, 'database');
      const signals = unmonitored(db);
      if (!signals) continue;
      // Reported where the analyzed file can turn one signal on: its own resource, or a module call it passes them through.
      if (!db.own && !signals.some((signal) => siteIn(signal, model.path))) continue;
      context.report({ span: db.anchor, messageId: 'unmonitored', data: { resource: db.address } });
    }
  },
});

/** The three signals when all are known to be off; undefined when one is on or unknown. */
function unmonitored(db: ResourceView): Known[] | undefined {
  const interval = valueOf(db, 'monitoring_interval');
  const insights = valueOf(db, 'performance_insights_enabled');
  const logs = valueOf(db, 'enabled_cloudwatch_logs_exports');
  if (!isKnown(interval) || !isKnown(insights) || !isKnown(logs)) return undefined;
  if (interval.value !== null && !((numericValue(interval) ?? 1) <= 0)) return undefined;
  if (insights.value !== null && truthyValue(insights) !== false) return undefined;
  if (logs.value !== null && (completeList(logs)?.length ?? 1) > 0) return undefined;
  return [interval, insights, logs];
}
