/**
 * Monitoring evidence: Prometheus scraping, alert rules, Alertmanager routing, log shipping, JSON
 * logging, tracing, APM and error tracking, and well-known monitoring workloads.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { envVars, get, getStr, images, isSet, items, kindOf, loc, pairs, short, str, walkMaps, type Detector, type DetectorHit, type SourceFile } from './source';
import type { Localized } from '../catalog';

function firstPerItem(hits: DetectorHit[]): DetectorHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => (seen.has(hit.item) ? false : (seen.add(hit.item), true)));
}

/** A Promtail config shares `scrape_configs` with Prometheus but ships logs, not metrics. */
function isPromtail(root: YAMLMap): boolean {
  return root.has('clients') || root.has('positions');
}

// ---- Prometheus scraping ----------------------------------------------------------------------------

const EXPORTERS: { pattern: RegExp; item: string; name: string }[] = [
  { pattern: /node[-_]exporter/, item: 'monitoring/server-monitoring', name: 'node-exporter' },
  { pattern: /cadvisor/, item: 'monitoring/container-monitoring', name: 'cAdvisor' },
  { pattern: /(?:postgres|mysqld?|mongodb|redis|elasticsearch|oracledb|mssql)[-_]exporter/, item: 'monitoring/database-monitoring', name: 'database exporter' },
  { pattern: /blackbox[-_]exporter|blackbox/, item: 'monitoring/network-monitoring', name: 'blackbox exporter' },
];

export const prometheusScrapeDetector: Detector = {
  id: 'prometheus-scrape',
  title: 'Prometheus scraping',
  hint: loc('Have Prometheus scrape the application (a ServiceMonitor, scrape_configs or prometheus.io/scrape).', 'Faça o Prometheus coletar a aplicação (ServiceMonitor, scrape_configs ou prometheus.io/scrape).'),
  hints: {
    'monitoring/server-monitoring': loc('Have Prometheus scrape node-exporter (a scrape job or target that names it).', 'Faça o Prometheus coletar o node-exporter (um job ou alvo de scrape que o nomeie).'),
    'monitoring/container-monitoring': loc('Have Prometheus scrape cAdvisor (a scrape job or target that names it).', 'Faça o Prometheus coletar o cAdvisor (um job ou alvo de scrape que o nomeie).'),
    'monitoring/database-monitoring': loc('Have Prometheus scrape a database exporter (postgres-exporter, mysqld-exporter, redis-exporter ...).', 'Faça o Prometheus coletar um exporter de banco de dados (postgres-exporter, mysqld-exporter, redis-exporter ...).'),
    'monitoring/network-monitoring': loc('Have Prometheus run blackbox exporter probes (a scrape job for the blackbox exporter).', 'Faça o Prometheus executar probes do blackbox exporter (um job de scrape para o blackbox exporter).'),
  },
  heuristic:
    'A Prometheus configuration with scrape_configs jobs (not a Promtail config, which has the same key but ships logs), a ServiceMonitor or PodMonitor ' +
    '(monitoring.coreos.com), or a prometheus.io/scrape: "true" annotation ("false" does not count). Scrape jobs or targets naming node-exporter, cAdvisor, ' +
    'a database exporter or the blackbox exporter also prove server, container, database and network monitoring.',
  proves: {
    'monitoring/metrics-collection': loc('Prometheus collects the application metrics.', 'O Prometheus coleta as métricas da aplicação.'),
    'monitoring/server-monitoring': loc('Prometheus scrapes node-exporter, which reports host CPU, memory and disk.', 'O Prometheus coleta o node-exporter, que informa CPU, memória e disco dos hosts.'),
    'monitoring/container-monitoring': loc('Prometheus scrapes cAdvisor, which reports container resource use.', 'O Prometheus coleta o cAdvisor, que informa o uso de recursos dos containers.'),
    'monitoring/database-monitoring': loc('Prometheus scrapes a database exporter.', 'O Prometheus coleta um exporter de banco de dados.'),
    'monitoring/network-monitoring': loc('Prometheus runs blackbox probes, which measure network latency and reachability.', 'O Prometheus executa probes blackbox, que medem latência e alcance da rede.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /scrape_configs|kind\s*:\s*['"]?(?:ServiceMonitor|PodMonitor)\b|prometheus\.io\/scrape/,
  perDocument: 'first',
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const root of file.yamlRoots()) {
      const { apiVersion, kind, name } = kindOf(root);
      if ((kind === 'ServiceMonitor' || kind === 'PodMonitor') && apiVersion.startsWith('monitoring.coreos.com/')) {
        hits.push({ item: 'monitoring/metrics-collection', what: loc(`${kind} ${name}`, `${kind} ${name}`), line: file.lineOfNode(root) });
        continue;
      }
      const scrape = get(root, 'scrape_configs');
      if (isSeq(scrape) && !isPromtail(root)) {
        for (const job of scrape.items) {
          const jobName = getStr(job, 'job_name');
          if (!jobName) continue;
          const line = file.lineOfNode(job);
          hits.push({ item: 'monitoring/metrics-collection', what: loc(`Prometheus scrape job "${jobName}"`, `Job de scrape do Prometheus "${jobName}"`), line });
          const targets = [...walkMaps(job)].flatMap((map) => items(map.get('targets', true)).map(str)).join(' ');
          for (const exporter of EXPORTERS) {
            if (exporter.pattern.test(`${jobName} ${targets}`.toLowerCase()))
              hits.push({ item: exporter.item, what: loc(`Prometheus scrape job "${jobName}" (${exporter.name})`, `Job de scrape do Prometheus "${jobName}" (${exporter.name})`), line });
          }
        }
      }
      for (const map of walkMaps(root)) {
        const annotations = map.get('annotations', true);
        const scrapeAnnotation = getStr(annotations, 'prometheus.io/scrape');
        if (scrapeAnnotation === 'true')
          hits.push({ item: 'monitoring/metrics-collection', what: loc(`prometheus.io/scrape annotation on ${kind || 'a resource'} ${name}`.trim(), `Anotação prometheus.io/scrape em ${kind || 'um recurso'} ${name}`.trim()), line: file.lineOfNode(annotations) });
      }
    }
    return firstPerItem(hits);
  },
};

// ---- Alert rules ------------------------------------------------------------------------------------

interface AlertRule {
  /** The alert's name, or the recording rule's `record`. */
  name: string;
  expr: string;
  severity: string;
  line?: number;
  recording: boolean;
}

function alertRules(file: SourceFile): AlertRule[] {
  const rules: AlertRule[] = [];
  for (const root of file.yamlRoots()) {
    const { kind } = kindOf(root);
    const groups = kind === 'PrometheusRule' ? get(root, 'spec', 'groups') : kind ? undefined : get(root, 'groups');
    for (const group of items(groups)) {
      for (const rule of items(get(group, 'rules'))) {
        const alert = getStr(rule, 'alert');
        const record = getStr(rule, 'record');
        const expr = getStr(rule, 'expr');
        if (!(alert ?? record) || !expr) continue;
        rules.push({ name: (alert ?? record)!, expr, severity: (getStr(rule, 'labels', 'severity') ?? '').toLowerCase(), line: file.lineOfNode(rule), recording: !alert });
      }
    }
  }
  return rules;
}

const ERROR_RATE = /(?:status(?:_code)?|code)\s*=~?\s*"5|5xx|_errors?_total|error_rate|errors?_ratio|http_requests_total\{[^}]*status\s*=~\s*"5/i;
const CAPACITY = /(?:cpu|memory|mem_|disk|filesystem|fs_|storage|volume|capacity|quota|kube_resourcequota|_bytes)/i;
const CAPACITY_THRESHOLD = />=?\s*(?:0?\.(?:[7-9]\d*)|[7-9]\d(?:\.\d+)?)\b/;
const STORAGE = /(?:disk|filesystem|fs_|storage|volume|kubelet_volume_stats)/i;
const LATENCY = /(?:histogram_quantile|latency|duration_seconds|response_time|_duration_)/i;
const SECURITY = /(?:unauthori[sz]ed|forbidden|code\s*=~?\s*"40[13]|status\s*=~?\s*"40[13]|auth\w*_fail|login\w*_fail|failed_login|intrusion|falco|brute)/i;
const BACKUP = /(?:backup|velero|pg_dump|snapshot)/i;
const BUSINESS = /(?:order|payment|checkout|signup|sign_up|registration|revenue|cart|purchase|transaction|subscription|invoice|pedido|pagamento|venda|cadastro)/i;
const PROMQL_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'atan2', 'inf', 'nan', 'Inf', 'NaN']);

/** The metric names an expression reads: identifiers that are not functions, keywords, labels or durations. */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names: string[] = [];
  for (const match of bare.matchAll(/(?<![\w.])[a-zA-Z_:][\w:]*/g)) {
    let next = match.index! + match[0].length;
    while (next < bare.length && /\s/.test(bare[next])) next++;
    if (bare[next] === '(' || PROMQL_KEYWORDS.has(match[0])) continue;
    names.push(match[0]);
  }
  return names;
}

/** An alert that can fire on a real condition: a metric compared with a threshold, or an absent() check. */
function meaningful(expr: string): boolean {
  if (metricNames(expr).length === 0) return false;
  const bare = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""').replace(/\{[^}]*\}/g, '');
  return /(?:[<>]=?|[!=]=)\s*(?:bool\s+)?-?\d/.test(bare) || /\d\s*(?:[<>]=?|[!=]=)/.test(bare) || /\babsent(?:_over_time)?\s*\(/.test(bare);
}

export const alertRulesDetector: Detector = {
  id: 'alert-rules',
  title: 'Prometheus alert rules',
  heuristic:
    'Alerting rules (alert + expr) in a PrometheusRule or a Prometheus rule file whose expression compares a real metric with a threshold (or checks absent()); ' +
    '`vector(1)` or an expression without a metric never means anything and does not count, and an alert\'s name proves nothing. Each alert is classified by its labels and ' +
    'expression: severity critical/page -> critical alerts; 5xx or error counters -> error rate; CPU/memory/disk/quota with a threshold of 70-99% -> capacity (and storage for ' +
    'disk and volume); latency histograms or durations -> performance; 401/403, failed logins or intrusion detection -> security; backup or Velero metrics -> backup monitoring; ' +
    'orders, payments, sign-ups -> business alerts. A recording rule over business metrics proves they are measured.',
  proves: {
    'monitoring/critical-alerts': loc('An alert of severity critical pages for critical problems.', 'Um alerta de severidade crítica aciona o plantão em problemas críticos.'),
    'monitoring/error-rate-alerts': loc('An alert watches the error rate.', 'Um alerta acompanha a taxa de erro.'),
    'monitoring/capacity-alerts': loc('An alert fires when resource use crosses a capacity threshold.', 'Um alerta dispara quando o uso de recursos passa de um limite de capacidade.'),
    'monitoring/capacity-planning': loc('Capacity alerts are configured.', 'Alertas de capacidade estão configurados.'),
    'monitoring/storage-monitoring': loc('An alert watches disk or volume usage.', 'Um alerta acompanha o uso de disco ou volume.'),
    'monitoring/performance-alerts': loc('An alert watches latency against a target.', 'Um alerta acompanha a latência em relação a uma meta.'),
    'monitoring/security-alerts': loc('An alert watches authentication failures or intrusions.', 'Um alerta acompanha falhas de autenticação ou intrusões.'),
    'backup/backup-monitoring': loc('An alert fires when backups fail or go stale.', 'Um alerta dispara quando os backups falham ou ficam desatualizados.'),
    'monitoring/business-alerts': loc('An alert watches a business metric (orders, payments, sign-ups).', 'Um alerta acompanha uma métrica de negócio (pedidos, pagamentos, cadastros).'),
    'monitoring/business-metrics': loc('A recording rule measures a business metric.', 'Uma regra de gravação mede uma métrica de negócio.'),
  },
  hint: loc('Add a PrometheusRule whose alerts compare real metrics with thresholds (error ratio, latency, disk use, backup age).', 'Adicione uma PrometheusRule cujos alertas comparem métricas reais com limites (taxa de erro, latência, uso de disco, idade do backup).'),
  hints: {
    'monitoring/critical-alerts': loc('Add an alert with severity: critical whose expression compares a real metric with a threshold.', 'Adicione um alerta com severity: critical cuja expressão compare uma métrica real com um limite.'),
    'monitoring/error-rate-alerts': loc('Add an alert on the error rate (5xx responses or an errors counter against a threshold).', 'Adicione um alerta sobre a taxa de erro (respostas 5xx ou um contador de erros contra um limite).'),
    'monitoring/capacity-alerts': loc('Add an alert on CPU, memory or disk use above 70 to 99% of capacity.', 'Adicione um alerta sobre o uso de CPU, memória ou disco acima de 70 a 99% da capacidade.'),
    'monitoring/capacity-planning': loc('Add an alert on CPU, memory or disk use above 70 to 99% of capacity.', 'Adicione um alerta sobre o uso de CPU, memória ou disco acima de 70 a 99% da capacidade.'),
    'monitoring/storage-monitoring': loc('Add an alert on disk or volume use (node_filesystem_*, kubelet_volume_stats_*).', 'Adicione um alerta sobre o uso de disco ou volume (node_filesystem_*, kubelet_volume_stats_*).'),
    'monitoring/performance-alerts': loc('Add an alert on latency (histogram_quantile over a request duration against a threshold).', 'Adicione um alerta sobre a latência (histogram_quantile sobre a duração das requisições contra um limite).'),
    'monitoring/security-alerts': loc('Add an alert on 401/403 responses, failed logins or intrusion detection.', 'Adicione um alerta sobre respostas 401/403, logins com falha ou detecção de intrusão.'),
    'backup/backup-monitoring': loc('Add an alert that fires when backups fail or go stale (the age of the last successful Velero backup, a backup job metric).', 'Adicione um alerta que dispare quando os backups falham ou ficam velhos (a idade do último backup do Velero bem-sucedido, uma métrica do job de backup).'),
    'monitoring/business-alerts': loc('Add an alert on a business metric (orders, payments, sign-ups) against a threshold.', 'Adicione um alerta sobre uma métrica de negócio (pedidos, pagamentos, cadastros) contra um limite.'),
    'monitoring/business-metrics': loc('Add a recording rule over a business metric (orders, payments, sign-ups).', 'Adicione uma regra de gravação sobre uma métrica de negócio (pedidos, pagamentos, cadastros).'),
  },
  appliesTo: (file) => file.isYaml,
  // Unanchored: a multiline ^ makes V8 try every position of a 2 MB manifest (0.2 s a file).
  textHint: /(?:alert|record)[ \t]*:/,
  perDocument: 'first',
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const rule of alertRules(file)) {
      const metrics = metricNames(rule.expr).join(' ');
      if (rule.recording) {
        if (BUSINESS.test(metrics)) hits.push({ item: 'monitoring/business-metrics', what: loc(`Recording rule ${rule.name}: ${short(rule.expr)}`, `Regra de gravação ${rule.name}: ${short(rule.expr)}`), line: rule.line });
        continue;
      }
      if (!meaningful(rule.expr)) continue;
      const what = loc(`Alert ${rule.name}${rule.severity ? ` (${rule.severity})` : ''}: ${short(rule.expr)}`, `Alerta ${rule.name}${rule.severity ? ` (${rule.severity})` : ''}: ${short(rule.expr)}`);
      const add = (item: string) => hits.push({ item, what, line: rule.line });
      if (['critical', 'page', 'p1', 'sev1'].includes(rule.severity)) add('monitoring/critical-alerts');
      if (ERROR_RATE.test(rule.expr)) add('monitoring/error-rate-alerts');
      if (CAPACITY.test(metrics) && CAPACITY_THRESHOLD.test(rule.expr)) {
        add('monitoring/capacity-alerts');
        add('monitoring/capacity-planning');
      }
      if (STORAGE.test(metrics)) add('monitoring/storage-monitoring');
      if (LATENCY.test(rule.expr)) add('monitoring/performance-alerts');
      if (SECURITY.test(rule.expr)) add('monitoring/security-alerts');
      if (BACKUP.test(metrics)) add('backup/backup-monitoring');
      if (BUSINESS.test(metrics)) add('monitoring/business-alerts');
    }
    return firstPerItem(hits);
  },
};

// ---- Alertmanager -----------------------------------------------------------------------------------

const PAGING = ['pagerduty_configs', 'opsgenie_configs', 'victorops_configs'];

export const alertmanagerDetector: Detector = {
  id: 'alertmanager-routing',
  title: 'Alertmanager escalation routing',
  hint: loc('Route critical alerts in Alertmanager to a paging receiver (PagerDuty, Opsgenie).', 'Encaminhe alertas críticos no Alertmanager para um receptor de plantão (PagerDuty, Opsgenie).'),
  heuristic:
    'An Alertmanager configuration (route + receivers) that pages someone (a PagerDuty, Opsgenie or VictorOps receiver) or routes critical alerts ' +
    'to a receiver other than the default one. A single route to a single receiver is notification, not escalation.',
  proves: {
    'monitoring/escalation-procedures': loc('Critical alerts are routed to an on-call receiver, separately from the rest.', 'Alertas críticos são encaminhados a um receptor de plantão, separado dos demais.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /receivers[ \t]*:/,
  perDocument: 'firstDocument',
  detect(file) {
    for (const root of file.yamlRoots()) {
      const route = get(root, 'route');
      const receivers = get(root, 'receivers');
      if (!isMap(route) || !isSeq(receivers)) continue;
      for (const receiver of receivers.items) {
        const paging = PAGING.find((key) => isMap(receiver) && receiver.has(key));
        if (paging)
          return [{ item: 'monitoring/escalation-procedures', what: loc(`Alertmanager receiver "${getStr(receiver, 'name')}" pages via ${paging.replace('_configs', '')}`, `O receptor "${getStr(receiver, 'name')}" do Alertmanager aciona via ${paging.replace('_configs', '')}`), line: file.lineOfNode(receiver) }];
      }
      const defaultReceiver = getStr(route, 'receiver');
      for (const child of items(get(route, 'routes'))) {
        const matchText = [get(child, 'match'), get(child, 'matchers')].map((node) => JSON.stringify(node ?? '')).join(' ');
        const receiver = getStr(child, 'receiver');
        if (/severity.{0,6}critical/.test(matchText) && receiver && receiver !== defaultReceiver)
          return [{ item: 'monitoring/escalation-procedures', what: loc(`Alertmanager routes critical alerts to "${receiver}"`, `O Alertmanager encaminha alertas críticos para "${receiver}"`), line: file.lineOfNode(child) }];
      }
    }
    return [];
  },
};

// ---- Logs -------------------------------------------------------------------------------------------

const DISCARDING_OUTPUTS = /^(?:stdout|null|console|blackhole|file|counter)$/i;

function fluentBitClassicOutputs(file: SourceFile): { name: string; line: number }[] {
  const outputs: { name: string; line: number }[] = [];
  const lines = file.text.split(/\r?\n/);
  let inOutput = false;
  lines.forEach((line, index) => {
    const section = /^\s*\[([A-Z_]+)\]\s*$/.exec(line);
    if (section) {
      inOutput = section[1] === 'OUTPUT';
      return;
    }
    const name = /^\s*name\s+(\S+)/i.exec(line);
    if (inOutput && name) outputs.push({ name: name[1], line: index });
  });
  return outputs;
}

export const logShippingDetector: Detector = {
  id: 'log-shipping',
  title: 'Log shipping',
  hint: loc('Ship logs to a central store (Fluent Bit, Promtail or Vector with a real output) and set its retention.', 'Envie os logs a um repositório central (Fluent Bit, Promtail ou Vector com uma saída real) e defina a retenção.'),
  hints: {
    'monitoring/log-retention': loc('Set the log store\'s retention within the log retention target (30 to 90 days by default): Loki retention_period.', 'Defina a retenção do repositório de logs dentro da meta (30 a 90 dias por padrão): retention_period do Loki.'),
  },
  heuristic:
    'A log shipper configured to send logs somewhere central: Fluent Bit ([OUTPUT] sections or a YAML pipeline with outputs), Promtail (clients with a push URL), ' +
    'Vector (sinks), all with at least one output that is not stdout/console/null; a Loki configuration declares its retention_period, judged against the log retention target. ' +
    'A shipper that only prints to stdout does not centralise anything.',
  proves: {
    'monitoring/centralized-logging': loc('A log shipper sends the logs to a central store.', 'Um coletor de logs envia os logs para um repositório central.'),
    'monitoring/log-retention': loc('The log store keeps logs for a period within the target.', 'O repositório de logs mantém os logs por um período dentro da meta.'),
  },
  appliesTo: (file) => file.isYaml || isFluentBitConf(file) || /^vector.*\.toml$/.test(file.name),
  textHint: /\[OUTPUT\]|\[sinks\.|clients[ \t]*:|sinks[ \t]*:|pipeline[ \t]*:|retention_period/i,
  detect(file) {
    const hits: DetectorHit[] = [];
    const central = (what: Localized, line?: number) => hits.push({ item: 'monitoring/centralized-logging', what, line });
    if (isFluentBitConf(file)) {
      const output = fluentBitClassicOutputs(file).find((candidate) => !DISCARDING_OUTPUTS.test(candidate.name));
      if (output) central(loc(`Fluent Bit output "${output.name}"`, `Saída "${output.name}" do Fluent Bit`), output.line);
      return hits;
    }
    if (/\.toml$/.test(file.name)) {
      const sink = /^\s*\[sinks\.([^\]]+)\][^[]*?\btype\s*=\s*"([^"]+)"/m.exec(file.text);
      if (sink && !DISCARDING_OUTPUTS.test(sink[2])) central(loc(`Vector sink "${sink[1]}" (${sink[2]})`, `Sink "${sink[1]}" do Vector (${sink[2]})`), file.lineOf(sink.index));
      return hits;
    }
    for (const root of file.yamlRoots()) {
      if (isPromtail(root)) {
        const client = items(get(root, 'clients')).find((entry) => getStr(entry, 'url'));
        if (client) central(loc(`Promtail pushes to ${getStr(client, 'url')}`, `O Promtail envia para ${getStr(client, 'url')}`), file.lineOfNode(client));
      }
      const fluentOutputs = get(root, 'pipeline', 'outputs');
      const fluentOutput = items(fluentOutputs).find((entry) => { const name = getStr(entry, 'name'); return name && !DISCARDING_OUTPUTS.test(name); });
      if (fluentOutput) central(loc(`Fluent Bit output "${getStr(fluentOutput, 'name')}"`, `Saída "${getStr(fluentOutput, 'name')}" do Fluent Bit`), file.lineOfNode(fluentOutput));
      const sinks = get(root, 'sinks');
      if (isMap(sinks) && (root.has('sources') || isMap(get(root, 'sources')))) {
        const sink = pairs(sinks).find((pair) => { const type = getStr(pair.value, 'type'); return type && !DISCARDING_OUTPUTS.test(type); });
        if (sink) central(loc(`Vector sink "${str(sink.key)}" (${getStr(sink.value, 'type')})`, `Sink "${str(sink.key)}" do Vector (${getStr(sink.value, 'type')})`), file.lineOfNode(sink.key));
      }
      const retention = (get(root, 'limits_config', 'retention_period') ?? get(root, 'table_manager', 'retention_period')) as { range?: number[] } | undefined;
      const days = durationDays(str(retention));
      if (days !== undefined && retention?.range)
        hits.push({
          item: 'monitoring/log-retention',
          what: loc(`Loki retention_period ${str(retention)}`, `retention_period do Loki ${str(retention)}`),
          line: file.lineOfNode(retention),
          declares: { target: 'logRetention', text: `retention_period: ${str(retention)}`, value: Math.round(days * 10) / 10, span: { start: retention.range[0], end: retention.range[1] }, source: 'Loki' },
        });
    }
    return firstPerItem(hits);
  },
};

function isFluentBitConf(file: SourceFile): boolean {
  return /^(?:fluent-?bit|td-agent-bit)[\w.-]*\.conf$/.test(file.name) || (file.folders.some((folder) => /fluent-?bit/.test(folder)) && file.name.endsWith('.conf'));
}

/** A Prometheus/Loki style duration (720h, 30d, 4w) in days. */
export function durationDays(value: string | undefined): number | undefined {
  if (!value) return undefined;
  let total = 0;
  let matched = false;
  for (const match of value.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y)/g)) {
    matched = true;
    const amount = Number(match[1]);
    const unitDays: Record<string, number> = { ms: 1 / 86_400_000, s: 1 / 86_400, m: 1 / 1_440, h: 1 / 24, d: 1, w: 7, y: 365 };
    total += amount * unitDays[match[2]];
  }
  return matched ? total : undefined;
}

// ---- Environment-driven settings ----------------------------------------------------------------------

interface EnvRule {
  item: string;
  names: RegExp;
  /** Value that must match (case-insensitive); any non-empty value when absent. */
  value?: RegExp;
  /** Value that disqualifies. */
  not?: RegExp;
  label: string;
}

const ENV_RULES: EnvRule[] = [
  { item: 'monitoring/structured-logging', names: /^(?:LOG|LOGGING|LOGGER)_?(?:FORMAT|ENCODING|ENCODER|OUTPUT|STYLE)$|^(?:log|logging)[._]?format$/i, value: /^json|^ecs|^logstash|^structured/i, label: 'JSON logs' },
  { item: 'monitoring/log-levels', names: /^(?:LOG_LEVEL|LOGLEVEL|LOGGING_LEVEL|RUST_LOG|LOG_LEVEL_ROOT|logLevel|log[._]level)$/i, value: /^(?:info|warn|warning|error|notice)$/i, label: 'production log level' },
  { item: 'monitoring/distributed-tracing', names: /^OTEL_EXPORTER_OTLP_(?:TRACES_)?ENDPOINT$|^OTEL_TRACES_EXPORTER$|^JAEGER_(?:AGENT_HOST|ENDPOINT)$|^ZIPKIN_(?:URL|ENDPOINT)$/, not: /^none$/i, label: 'trace export' },
  { item: 'monitoring/error-tracking', names: /^(?:SENTRY_DSN|ROLLBAR_(?:ACCESS_)?TOKEN|BUGSNAG_API_KEY|HONEYBADGER_API_KEY|AIRBRAKE_PROJECT_KEY)$/, label: 'error tracker' },
  { item: 'monitoring/performance-monitoring', names: /^(?:NEW_RELIC_LICENSE_KEY|NEW_RELIC_APP_NAME|DD_AGENT_HOST|DD_TRACE_AGENT_URL|ELASTIC_APM_SERVER_URL|APPDYNAMICS_CONTROLLER_HOST_NAME|DT_TENANT)$/, label: 'APM agent' },
  { item: 'monitoring/performance-monitoring', names: /^DD_(?:TRACE|APM)_ENABLED$/, value: /^(?:true|1)$/i, label: 'Datadog APM' },
];

export const envSettingsDetector: Detector = {
  id: 'env-settings',
  title: 'Observability settings in the environment',
  hint: loc('Configure the application\'s environment: LOG_FORMAT=json, LOG_LEVEL=info, OTEL_EXPORTER_OTLP_ENDPOINT, SENTRY_DSN.', 'Configure o ambiente da aplicação: LOG_FORMAT=json, LOG_LEVEL=info, OTEL_EXPORTER_OTLP_ENDPOINT, SENTRY_DSN.'),
  hints: {
    'monitoring/structured-logging': loc('Configure JSON logs in the application\'s environment (LOG_FORMAT=json).', 'Configure logs JSON no ambiente da aplicação (LOG_FORMAT=json).'),
    'monitoring/log-levels': loc('Set the production log level in the application\'s environment (LOG_LEVEL=info).', 'Defina o nível de log de produção no ambiente da aplicação (LOG_LEVEL=info).'),
    'monitoring/distributed-tracing': loc('Export traces from the application (OTEL_EXPORTER_OTLP_ENDPOINT, JAEGER_ENDPOINT or ZIPKIN_URL in its environment).', 'Exporte traces da aplicação (OTEL_EXPORTER_OTLP_ENDPOINT, JAEGER_ENDPOINT ou ZIPKIN_URL no seu ambiente).'),
    'monitoring/error-tracking': loc('Report errors to an error tracker (SENTRY_DSN, ROLLBAR_ACCESS_TOKEN, BUGSNAG_API_KEY in the application\'s environment).', 'Envie os erros a um rastreador de erros (SENTRY_DSN, ROLLBAR_ACCESS_TOKEN, BUGSNAG_API_KEY no ambiente da aplicação).'),
    'monitoring/performance-monitoring': loc('Configure an APM agent in the application\'s environment (NEW_RELIC_LICENSE_KEY, DD_AGENT_HOST, ELASTIC_APM_SERVER_URL, DT_TENANT).', 'Configure um agente de APM no ambiente da aplicação (NEW_RELIC_LICENSE_KEY, DD_AGENT_HOST, ELASTIC_APM_SERVER_URL, DT_TENANT).'),
  },
  heuristic:
    'Environment variables a Kubernetes manifest, Compose file or CI file sets for the application (env, environment, variables): LOG_FORMAT=json (Docker\'s json-file ' +
    'logging driver is not structured logging), LOG_LEVEL=info/warn/error (debug does not count), OTEL_EXPORTER_OTLP_ENDPOINT or a Jaeger/Zipkin endpoint ' +
    '(OTEL_TRACES_EXPORTER=none does not count), SENTRY_DSN and other error-tracker keys, New Relic/Datadog/Elastic APM settings. Empty values do not count.',
  proves: {
    'monitoring/structured-logging': loc('The application is configured to log JSON.', 'A aplicação está configurada para gerar logs em JSON.'),
    'monitoring/log-levels': loc('Production runs with an appropriate log level, not debug.', 'A produção roda com um nível de log apropriado, e não debug.'),
    'monitoring/distributed-tracing': loc('The application exports traces.', 'A aplicação exporta traces.'),
    'monitoring/error-tracking': loc('The application reports errors to an error tracker.', 'A aplicação envia erros a um rastreador de erros.'),
    'monitoring/performance-monitoring': loc('An APM agent is configured for the application.', 'Um agente de APM está configurado para a aplicação.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /(?:^|[\s"'-])(?:LOG(?:GING|GER)?_?(?:FORMAT|ENCOD|OUTPUT|STYLE|LEVEL)|log(?:ging)?[._]?(?:format|level)|logLevel|LOGLEVEL|RUST_LOG|OTEL_|JAEGER_|ZIPKIN_|SENTRY_DSN|ROLLBAR_|BUGSNAG_|HONEYBADGER_|AIRBRAKE_|NEW_RELIC_|DD_|ELASTIC_APM_|APPDYNAMICS_|DT_TENANT)/,
  perDocument: 'first',
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const variable of envVars(file)) {
      for (const rule of ENV_RULES) {
        if (!rule.names.test(variable.name) || !isSet(variable)) continue;
        if (variable.value !== undefined && rule.value && !rule.value.test(variable.value)) continue;
        if (variable.value !== undefined && rule.not?.test(variable.value)) continue;
        const shown = variable.value === undefined ? variable.name : `${variable.name}=${variable.value}`;
        hits.push({ item: rule.item, what: loc(`${shown} (${rule.label})`, `${shown} (${rule.label})`), line: variable.line });
      }
    }
    return firstPerItem(hits);
  },
};

// ---- OpenTelemetry collector ----------------------------------------------------------------------

export const otelCollectorDetector: Detector = {
  id: 'otel-collector',
  title: 'OpenTelemetry Collector traces pipeline',
  hint: loc('Run an OpenTelemetry Collector with a traces pipeline.', 'Rode um OpenTelemetry Collector com um pipeline de traces.'),
  heuristic: 'An OpenTelemetry Collector configuration (receivers, exporters, service.pipelines) with a traces pipeline; a collector with only metrics or logs pipelines does not prove tracing.',
  proves: {
    'monitoring/distributed-tracing': loc('An OpenTelemetry Collector receives and exports traces.', 'Um OpenTelemetry Collector recebe e exporta traces.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /service[ \t]*:/,
  perDocument: 'firstDocument',
  detect(file) {
    for (const root of file.yamlRoots()) {
      const pipelines = get(root, 'service', 'pipelines');
      if (!root.has('receivers') || !root.has('exporters') || !isMap(pipelines)) continue;
      const traces = pairs(pipelines).find((pair) => /^traces(?:\/|$)/.test(str(pair.key) ?? ''));
      if (traces) {
        const exporters = items(get(traces.value, 'exporters')).map(str).filter(Boolean).join(', ');
        return [{ item: 'monitoring/distributed-tracing', what: loc(`OpenTelemetry Collector pipeline "${str(traces.key)}" exporting to ${exporters || 'an exporter'}`, `Pipeline "${str(traces.key)}" do OpenTelemetry Collector exportando para ${exporters || 'um exporter'}`), line: file.lineOfNode(traces.key) }];
      }
    }
    return [];
  },
};

// ---- Workloads --------------------------------------------------------------------------------------

const WORKLOAD_IMAGES: { repositories: RegExp; item: string; name: string }[] = [
  { repositories: /^(?:prom\/prometheus|prometheus\/prometheus|bitnami\/prometheus|prometheus-operator\/prometheus-operator)$/, item: 'monitoring/metrics-collection', name: 'Prometheus' },
  { repositories: /(?:^|\/)node-exporter$/, item: 'monitoring/server-monitoring', name: 'node-exporter' },
  { repositories: /(?:^|\/)cadvisor$/, item: 'monitoring/container-monitoring', name: 'cAdvisor' },
  { repositories: /(?:^|\/)(?:postgres|mysqld|mongodb|redis|elasticsearch)[-_]exporter$/, item: 'monitoring/database-monitoring', name: 'database exporter' },
  { repositories: /(?:^|\/)blackbox-exporter$/, item: 'monitoring/network-monitoring', name: 'blackbox exporter' },
  { repositories: /(?:^|\/)(?:fluent-bit|fluentd|fluentd-kubernetes-daemonset|promtail|filebeat|alloy|grafana-agent|vector)$/, item: 'monitoring/centralized-logging', name: 'log shipper' },
  { repositories: /(?:^|\/)(?:opentelemetry-collector(?:-contrib|-k8s)?|jaeger|jaeger-collector|tempo)$|^jaegertracing\/all-in-one$/, item: 'monitoring/distributed-tracing', name: 'tracing backend' },
  { repositories: /^(?:datadog\/agent|gcr\.io\/datadoghq\/agent|datadoghq\/agent|newrelic\/infrastructure(?:-k8s)?|elastic\/apm-server)$/, item: 'monitoring/performance-monitoring', name: 'APM agent' },
  { repositories: /^(?:library\/)?(?:redis|memcached|valkey|keydb)$|^bitnami\/(?:redis|memcached|valkey)$|^valkey\/valkey$|^eqalpha\/keydb$/, item: 'performance/caching', name: 'cache' },
  { repositories: /(?:^|\/)(?:pgbouncer|pgpool2?|pgcat|proxysql)$/, item: 'performance/connection-pooling', name: 'connection pooler' },
];

export const workloadImagesDetector: Detector = {
  id: 'workload-images',
  title: 'Operational workloads',
  hint: loc('Deploy the operational workloads (Prometheus, node-exporter, a log shipper, Redis, PgBouncer).', 'Implante os workloads operacionais (Prometheus, node-exporter, um coletor de logs, Redis, PgBouncer).'),
  hints: {
    'monitoring/metrics-collection': loc('Run Prometheus as a workload (the prom/prometheus image).', 'Rode o Prometheus como workload (a imagem prom/prometheus).'),
    'monitoring/server-monitoring': loc('Run node-exporter as a workload.', 'Rode o node-exporter como workload.'),
    'monitoring/container-monitoring': loc('Run cAdvisor as a workload.', 'Rode o cAdvisor como workload.'),
    'monitoring/database-monitoring': loc('Run a database exporter as a workload (postgres-exporter, mysqld-exporter ...).', 'Rode um exporter de banco de dados como workload (postgres-exporter, mysqld-exporter ...).'),
    'monitoring/network-monitoring': loc('Run the blackbox exporter as a workload.', 'Rode o blackbox exporter como workload.'),
    'monitoring/centralized-logging': loc('Run a log shipper as a workload (Fluent Bit, Promtail, Vector, Grafana Alloy).', 'Rode um coletor de logs como workload (Fluent Bit, Promtail, Vector, Grafana Alloy).'),
    'monitoring/distributed-tracing': loc('Run a tracing backend as a workload (an OpenTelemetry Collector, Jaeger, Tempo).', 'Rode um backend de tracing como workload (um OpenTelemetry Collector, Jaeger, Tempo).'),
    'monitoring/performance-monitoring': loc('Run an APM agent as a workload (the Datadog agent, New Relic infrastructure, Elastic APM server).', 'Rode um agente de APM como workload (o agente do Datadog, New Relic infrastructure, Elastic APM server).'),
    'performance/caching': loc('Run a cache server as a workload (Redis, Memcached, Valkey).', 'Rode um servidor de cache como workload (Redis, Memcached, Valkey).'),
    'performance/connection-pooling': loc('Run a connection pooler as a workload (PgBouncer, Pgpool-II, ProxySQL).', 'Rode um pool de conexões como workload (PgBouncer, Pgpool-II, ProxySQL).'),
  },
  heuristic:
    'A Kubernetes, Compose or Helm values file runs a well-known operational image, matched on the repository name (not a substring): Prometheus, node-exporter, ' +
    'cAdvisor, database exporters, the blackbox exporter, log shippers (Fluent Bit, Promtail, Vector, Filebeat), OpenTelemetry Collector/Jaeger/Tempo, ' +
    'Datadog/New Relic agents, Redis/Memcached/Valkey (a cache) and PgBouncer/ProxySQL (a connection pool). redis-exporter is an exporter, not a cache.',
  proves: {
    'monitoring/metrics-collection': loc('A Prometheus server runs alongside the application.', 'Um servidor Prometheus roda junto com a aplicação.'),
    'monitoring/server-monitoring': loc('node-exporter reports host CPU, memory and disk.', 'O node-exporter informa CPU, memória e disco dos hosts.'),
    'monitoring/container-monitoring': loc('cAdvisor reports container resource use.', 'O cAdvisor informa o uso de recursos dos containers.'),
    'monitoring/database-monitoring': loc('A database exporter exposes database metrics.', 'Um exporter de banco de dados expõe métricas do banco.'),
    'monitoring/network-monitoring': loc('The blackbox exporter probes endpoints over the network.', 'O blackbox exporter testa os endpoints pela rede.'),
    'monitoring/centralized-logging': loc('A log shipper runs in the cluster.', 'Um coletor de logs roda no cluster.'),
    'monitoring/distributed-tracing': loc('A tracing collector or backend runs alongside the application.', 'Um coletor ou backend de tracing roda junto com a aplicação.'),
    'monitoring/performance-monitoring': loc('An APM agent runs alongside the application.', 'Um agente de APM roda junto com a aplicação.'),
    'performance/caching': loc('A cache server (Redis, Memcached) is deployed.', 'Um servidor de cache (Redis, Memcached) está implantado.'),
    'performance/connection-pooling': loc('A connection pooler sits in front of the database.', 'Um pool de conexões fica na frente do banco de dados.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /(?:image|repository)\s*:\s*['"]?[^\s'"]*(?:prometheus|exporter|cadvisor|fluent|promtail|filebeat|alloy|grafana-agent|vector|opentelemetry|jaeger|all-in-one|tempo|datadog|newrelic|apm-server|redis|memcached|valkey|keydb|pgbouncer|pgpool|pgcat|proxysql)/i,
  perDocument: 'first',
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const image of images(file)) {
      for (const known of WORKLOAD_IMAGES) {
        if (known.repositories.test(image.path))
          hits.push({ item: known.item, what: loc(`Image ${image.reference} (${known.name})`, `Imagem ${image.reference} (${known.name})`), line: image.line });
      }
    }
    return firstPerItem(hits);
  },
};
