import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, resourcesOf, siteIn, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { completeList, numericValue, textValue, truthyValue, type Known, type Value } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { pointsTo } from '../../server/src/kinds/terraform/pairing';
import { TerraformFile, valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/rds-monitoring',
    kind: 'terraform',
    title: 'Monitor RDS databases',
    description:
      'An RDS instance or Aurora cluster needs at least one of Enhanced Monitoring (monitoring_interval > 0), Performance Insights or CloudWatch log exports; with none, slow queries and resource exhaustion go unseen until users notice. Aurora sets Enhanced Monitoring and Performance Insights on its aws_rds_cluster_instance resources and log exports on the cluster, so a cluster is judged with the instances of its module; a cluster whose instances are not in view is not judged unless it exports logs.',
    checklistItem: 'monitoring/database-monitoring',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      unmonitored: 'Database {{resource}} has no Enhanced Monitoring, Performance Insights or log exports; enable at least one (performance_insights_enabled = true is the simplest).',
      callerDefault: 'Database {{resource}} leaves its monitoring to its callers, and by default it has no Enhanced Monitoring, Performance Insights or log exports; turn one on by default so that callers who omit them are covered.',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}',
      good: 'resource "aws_db_instance" "main" {\n  engine                          = "postgres"\n  performance_insights_enabled    = true\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}',
    },
    ptBR: {
      title: 'Monitorar bancos RDS',
      description:
        'Uma instância RDS ou cluster Aurora precisa de pelo menos um entre Enhanced Monitoring (monitoring_interval > 0), Performance Insights ou exportação de logs ao CloudWatch; sem nenhum, consultas lentas e esgotamento de recursos só aparecem quando os usuários reclamam. O Aurora define Enhanced Monitoring e Performance Insights nos seus aws_rds_cluster_instance e a exportação de logs no cluster, então um cluster é avaliado junto com as instâncias do seu módulo; um cluster cujas instâncias não estão à vista só é avaliado se exportar logs.',
      messages: {
        unmonitored: 'O banco {{resource}} não tem Enhanced Monitoring, Performance Insights nem exportação de logs; ative pelo menos um (performance_insights_enabled = true é o mais simples).',
        callerDefault: 'O banco {{resource}} deixa o monitoramento para quem chama o módulo, e por padrão não tem Enhanced Monitoring, Performance Insights nem exportação de logs; ligue um por padrão para que quem os omitir fique coberto.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const db of resourcesOf(context, 'aws_db_instance', 'aws_rds_cluster')) inspect(context, db, 'database', monitoring(context, db));
  },
});

type Signal = 'on' | 'off' | 'unknown';

function monitoring(context: TerraformContext, db: ResourceView): Verdict {
  const values: Value[] = [valueOf(db, 'monitoring_interval'), valueOf(db, 'performance_insights_enabled'), valueOf(db, 'enabled_cloudwatch_logs_exports')];
  const signals = signalsOf(db, values);
  if (signals.includes('on')) return 'pass';
  if (signals.includes('unknown')) {
    // A reusable module whose defaults monitor nothing: the caller decides, the default is unsafe.
    const defaults = values.some((value) => !value.known && value.caller) ? TerraformFile.of(context).withDefaults(db) : undefined;
    const fallback = defaults && signalsOf(defaults, [valueOf(defaults, 'monitoring_interval'), valueOf(defaults, 'performance_insights_enabled'), valueOf(defaults, 'enabled_cloudwatch_logs_exports')]);
    if (fallback?.every((signal) => signal === 'off')) context.report({ span: db.anchor, messageId: 'callerDefault', data: { resource: db.address }, atMost: 'information' });
    return 'unknown';
  }
  // Reported where the analyzed file can turn one signal on: its own resource, or a module call it passes them through.
  if (db.own || values.some((value) => isKnown(value) && siteIn(value, context.model.path))) {
    context.report({ span: db.anchor, messageId: 'unmonitored', data: { resource: db.address } });
  }
  return 'fail';
}

/** Enhanced Monitoring, Performance Insights and log exports of the database (and of an Aurora cluster's instances). */
function signalsOf(db: ResourceView, values: Value[]): Signal[] {
  const signals: Signal[] = [interval(values[0]), insights(values[1]), logs(values[2])];
  if (db.type === 'aws_rds_cluster') {
    const instances = clusterInstances(db);
    if (instances === undefined) signals.push('unknown');
    for (const instance of instances ?? []) {
      const own = [interval(valueOf(instance, 'monitoring_interval')), insights(valueOf(instance, 'performance_insights_enabled'))];
      // An instance that may not be created proves nothing.
      signals.push(...(instance.exists === 'yes' ? own : own.map((signal) => (signal === 'off' ? signal : 'unknown'))));
    }
  }
  return signals;
}

function interval(value: Value): Signal {
  if (!isKnown(value)) return 'unknown';
  if (value.value === null) return 'off';
  const seconds = numericValue(value);
  return seconds === undefined ? 'unknown' : seconds > 0 ? 'on' : 'off';
}

function insights(value: Value): Signal {
  if (!isKnown(value)) return 'unknown';
  if (value.value === null) return 'off';
  const enabled = truthyValue(value);
  return enabled === undefined ? 'unknown' : enabled ? 'on' : 'off';
}

function logs(value: Value): Signal {
  if (!isKnown(value)) return 'unknown';
  if (value.value === null) return 'off';
  const list = completeList(value as Known);
  return list === undefined ? 'unknown' : list.length > 0 ? 'on' : 'off';
}

/**
 * The aws_rds_cluster_instance resources of the cluster's module that join it. Undefined when that
 * cannot be told: one may join it through a value not known, or an Aurora cluster has none in view
 * (they are elsewhere). A Multi-AZ DB cluster (db_cluster_instance_class) has no such instances.
 */
function clusterInstances(cluster: ResourceView): ResourceView[] | undefined {
  const members: ResourceView[] = [];
  for (const instance of cluster.scope.resources('aws_rds_cluster_instance')) {
    const joins = pointsTo(instance, cluster, 'cluster_identifier');
    if (joins === 'unknown') return undefined;
    if (joins === 'yes' && instance.exists !== 'no') members.push(instance);
  }
  if (members.length > 0) return members;
  const multiAz = valueOf(cluster, 'db_cluster_instance_class');
  if (!isKnown(multiAz)) return undefined;
  if (multiAz.value !== null) return members;
  const engine = valueOf(cluster, 'engine');
  // The engine defaults to Aurora (MySQL compatible).
  return isKnown(engine) && engine.value !== null && !String(textValue(engine)).startsWith('aurora') ? members : undefined;
}
