import { defineRule } from '../../server/src/engine/rule';
import type { Block, TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, isTrue, TerraformModule } from '../../server/src/kinds/terraform/module';

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
  check(model, context) {
    const module = new TerraformModule(model, context);
    for (const db of module.ownResources('aws_db_instance', 'aws_rds_cluster')) {
      if (mayBeMonitored(module, db)) continue;
      context.report({ span: db.headerSpan, messageId: 'unmonitored', data: { resource: address(db) } });
    }
  },
});

/** True unless all three signals are known to be off: an unknown value might turn one on. */
function mayBeMonitored(module: TerraformModule, db: Block): boolean {
  const interval = module.value(db, 'monitoring_interval');
  if (interval.state === 'unknown' || (interval.state === 'known' && Number(interval.value) > 0)) return true;
  const insights = module.value(db, 'performance_insights_enabled');
  if (insights.state === 'unknown' || (insights.state === 'known' && isTrue(insights.value))) return true;
  const logs = module.value(db, 'enabled_cloudwatch_logs_exports');
  if (logs.state === 'unknown' || (logs.state === 'known' && Array.isArray(logs.value) && logs.value.length > 0)) return true;
  return false;
}
