/**
 * Documentation evidence. A document counts when it is about the topic (its file or folder name, or
 * a heading, says so) AND has substance: enough real content lines under it and, for procedures,
 * actual steps. A README line that merely mentions "runbook" is not a runbook.
 */
import { CONFIG_FILE_NAMES } from '../../engine/config';
import { contentLines, get, getStr, isPlaceholderLine, items, loc, markdownSections, pairs, str, type Detector, type DetectorHit, type SourceFile } from './source';
import type { Localized } from '../catalog';
import { isPlaceholder, parseDuration } from '../targets';
import type { TargetId } from '../types';

interface DocTopic {
  id: string;
  title: string;
  proves: Record<string, Localized>;
  /** Matched against the file's base name (without extension) and folder names. */
  name: RegExp;
  /** Matched against Markdown headings. */
  heading: RegExp;
  /** Minimum content lines (default 3). */
  minLines?: number;
  requirement?: { test: (body: string[]) => boolean; describe: string };
  label: Localized;
}

/** Lines inside code fences that are not blank or placeholders. */
function fencedContent(body: string[]): string[] {
  const inside: string[] = [];
  let fence: string | undefined;
  for (const line of body) {
    const marker = /^\s*(```|~~~)/.exec(line);
    if (marker) fence = fence === undefined ? marker[1] : fence === marker[1] ? undefined : fence;
    else if (fence !== undefined && line.trim() && !isPlaceholderLine(line)) inside.push(line);
  }
  return inside;
}

const STEPS = {
  test: (body: string[]) => {
    const real = contentLines(body);
    return (
      real.filter((line) => /^\s*\d+[.)]\s+\S/.test(line)).length >= 2 ||
      fencedContent(body).length > 0 ||
      real.filter((line) => /^\s*[-*]\s+\[[ xX]\]/.test(line)).length >= 2
    );
  },
  describe: 'steps (a numbered list, a checklist or a code block, not placeholders)',
};
const CONTACT = {
  test: (body: string[]) => contentLines(body).some((line) => /[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d\s().-]{7,}\d|(?:^|\s)#[a-z][\w-]+|(?:^|\s)@[\w-]{2,}|pagerduty|opsgenie|slack/i.test(line)),
  describe: 'a way to reach someone (e-mail, phone, chat channel or handle, paging service)',
};

const TOPICS: DocTopic[] = [
  {
    id: 'doc-runbook',
    title: 'Runbooks',
    label: loc('Runbook', 'Runbook'),
    proves: { 'documentation/runbooks': loc('A runbook gives step-by-step procedures.', 'Um runbook traz procedimentos passo a passo.') },
    name: /^(?:run-?books?|playbooks?)$|runbook/,
    heading: /\brun-?books?\b|\bplaybooks?\b/i,
    requirement: STEPS,
  },
  {
    id: 'doc-architecture',
    title: 'Architecture documentation',
    label: loc('Architecture document', 'Documento de arquitetura'),
    proves: { 'documentation/architecture-documentation': loc('The architecture is documented.', 'A arquitetura está documentada.') },
    name: /architecture|arquitetura|^adrs?$|^decisions$/,
    heading: /architecture|arquitetura/i,
    minLines: 5,
  },
  {
    id: 'doc-deployment-guide',
    title: 'Deployment guide',
    label: loc('Deployment guide', 'Guia de deployment'),
    proves: { 'documentation/deployment-guide': loc('A guide explains how to deploy, step by step.', 'Um guia explica como fazer o deploy, passo a passo.') },
    name: /^deploy(?:ment|ing)?(?:[-_]guide)?$|release[-_]process|implantacao/,
    heading: /\bdeploy(?:ing|ment)?\b|implanta[çc][ãa]o|\brelease process\b/i,
    requirement: STEPS,
  },
  {
    id: 'doc-troubleshooting',
    title: 'Troubleshooting guide',
    label: loc('Troubleshooting guide', 'Guia de troubleshooting'),
    proves: { 'documentation/troubleshooting-guide': loc('A troubleshooting guide lists symptoms and fixes.', 'Um guia de troubleshooting lista sintomas e correções.') },
    name: /troubleshoot|solucao[-_]de[-_]problemas/,
    heading: /troubleshoot|solu[çc][ãa]o de problemas|known issues|problemas conhecidos/i,
  },
  {
    id: 'doc-security',
    title: 'Security documentation',
    label: loc('Security document', 'Documento de segurança'),
    proves: { 'documentation/security-documentation': loc('Security is documented.', 'A segurança está documentada.') },
    name: /^security(?:[-_]policy)?$|^seguranca$/,
    heading: /^(?:security|segurança|seguranca)(?:\s+(?:policy|model|controls|overview|política))?$/i,
  },
  {
    id: 'doc-monitoring',
    title: 'Monitoring documentation',
    label: loc('Monitoring document', 'Documento de monitoramento'),
    proves: { 'documentation/monitoring-documentation': loc('Monitoring is documented.', 'O monitoramento está documentado.') },
    name: /^(?:monitoring|observability|monitoramento|observabilidade|alerts|alerting|dashboards)$/,
    heading: /\b(?:monitoring|observability|monitoramento|observabilidade|alerting)\b/i,
  },
  {
    id: 'doc-incident-response',
    title: 'Incident response procedures',
    label: loc('Incident response procedure', 'Procedimento de resposta a incidentes'),
    proves: { 'documentation/incident-response': loc('Incident response procedures are documented.', 'Os procedimentos de resposta a incidentes estão documentados.') },
    name: /incident|incidente/,
    heading: /incident (?:response|management|process)|resposta a incidentes|gest[ãa]o de incidentes|^incidents?$|^incidentes?$/i,
    requirement: {
      test: (body) => STEPS.test(body) || contentLines(body).some((line) => /\b(?:sev|severity|severidade|p)[ -]?[0-4]\b/i.test(line)),
      describe: 'steps or severity levels',
    },
  },
  {
    id: 'doc-escalation',
    title: 'Escalation procedures',
    label: loc('Escalation procedure', 'Procedimento de escalação'),
    proves: {
      'documentation/escalation-procedures': loc('The escalation path is documented.', 'O caminho de escalação está documentado.'),
      'monitoring/escalation-procedures': loc('The escalation path for alerts is documented.', 'O caminho de escalação dos alertas está documentado.'),
    },
    name: /escalat|escalonamento|escalacao/,
    heading: /escalat|escala[çc][ãa]o|escalonamento/i,
    requirement: {
      test: (body) => STEPS.test(body) || CONTACT.test(body) || contentLines(body).filter((line) => /\b(?:level|tier|nível|nivel|L[1-3])\b/i.test(line)).length >= 2,
      describe: 'levels, steps or contacts',
    },
  },
  {
    id: 'doc-contacts',
    title: 'Contact information',
    label: loc('Contact list', 'Lista de contatos'),
    proves: { 'documentation/contact-information': loc('Contact information is documented.', 'As informações de contato estão documentadas.') },
    name: /^(?:contacts?|contatos?|on-?call|owners|maintainers)$/,
    heading: /\b(?:contacts?|contatos?|on-?call|plant[ãa]o|owners|respons[áa]veis|maintainers)\b/i,
    minLines: 2,
    requirement: CONTACT,
  },
  {
    id: 'doc-sla',
    title: 'SLA documentation',
    label: loc('SLA document', 'Documento de SLA'),
    proves: { 'documentation/sla-documentation': loc('The SLAs are documented with their targets.', 'Os SLAs estão documentados com suas metas.') },
    name: /^(?:sla|slas|slo|slos|service[-_]levels?)$|^sla[-_]/,
    heading: /\bSLAs?\b|\bSLOs?\b|service level|n[íi]vel de servi[çc]o/i,
    minLines: 2,
    requirement: { test: (body) => contentLines(body).some((line) => /\d{2}(?:[.,]\d+)?\s*%/.test(line)), describe: 'a target percentage (99.9%)' },
  },
  {
    id: 'doc-change-management',
    title: 'Change management process',
    label: loc('Change management process', 'Processo de gestão de mudanças'),
    proves: { 'documentation/change-management': loc('The change management process is documented.', 'O processo de gestão de mudanças está documentado.') },
    name: /change[-_]?management|gestao[-_]de[-_]mudancas|change[-_]process/,
    heading: /change management|gest[ãa]o de mudan[çc]as|change (?:process|request|advisory)|processo de mudan[çc]a/i,
  },
  {
    id: 'doc-capacity-planning',
    title: 'Capacity planning',
    label: loc('Capacity plan', 'Plano de capacidade'),
    proves: {
      'documentation/capacity-planning': loc('Capacity planning is documented.', 'O planejamento de capacidade está documentado.'),
      'performance/capacity-planning': loc('A capacity plan with figures exists.', 'Existe um plano de capacidade com números.'),
    },
    name: /capacity|capacidade/,
    heading: /capacity|capacidade/i,
    requirement: { test: (body) => contentLines(body).filter((line) => /\d/.test(line)).length >= 2, describe: 'figures (load, growth, limits)' },
  },
  {
    id: 'doc-disaster-recovery',
    title: 'Disaster recovery procedures',
    label: loc('Disaster recovery procedure', 'Procedimento de disaster recovery'),
    proves: { 'backup/dr-procedures': loc('Disaster recovery procedures are documented step by step.', 'Os procedimentos de disaster recovery estão documentados passo a passo.') },
    name: /disaster[-_]?recovery|^dr$|^dr[-_]|recuperacao[-_]de[-_]desastres?/,
    heading: /disaster recovery|recupera[çc][ãa]o de desastres?|\bDR\b\s+(?:plan|procedures?|runbook)/i,
    requirement: STEPS,
  },
  {
    id: 'doc-communication-plan',
    title: 'Incident communication plan',
    label: loc('Communication plan', 'Plano de comunicação'),
    proves: { 'backup/communication-plan': loc('A communication plan for incidents is documented.', 'Um plano de comunicação para incidentes está documentado.') },
    name: /communication[-_]plan|plano[-_]de[-_]comunicacao/,
    heading: /communication plan|incident communication|plano de comunica[çc][ãa]o|comunica[çc][ãa]o (?:durante|de|em) incidentes|status page/i,
  },
  {
    id: 'doc-privacy-policy',
    title: 'Privacy policy',
    label: loc('Privacy policy', 'Política de privacidade'),
    proves: { 'security/privacy-policy': loc('A privacy policy is kept with the product.', 'Uma política de privacidade é mantida junto com o produto.') },
    name: /privacy|privacidade/,
    heading: /privacy policy|pol[íi]tica de privacidade/i,
    minLines: 5,
  },
  {
    id: 'doc-terms-of-service',
    title: 'Terms of service',
    label: loc('Terms of service', 'Termos de serviço'),
    proves: { 'security/terms-of-service': loc('Terms of service are kept with the product.', 'Os termos de serviço são mantidos junto com o produto.') },
    name: /^terms(?:[-_]of[-_](?:service|use))?$|^tos$|termos[-_]de[-_](?:servico|uso)/,
    heading: /terms of (?:service|use)|termos de (?:servi[çc]o|uso)/i,
    minLines: 5,
  },
  {
    id: 'doc-breach-notification',
    title: 'Breach notification process',
    label: loc('Breach notification process', 'Processo de notificação de violação'),
    proves: { 'security/breach-notification': loc('The breach notification process is documented.', 'O processo de notificação de violação está documentado.') },
    name: /breach/,
    heading: /breach|notifica[çc][ãa]o de (?:viola[çc][ãa]o|incidente)|vazamento de dados/i,
    requirement: {
      test: (body) => contentLines(body).some((line) => /\b\d+\s*(?:h|hours?|horas?|days?|dias?|business days|dias úteis)\b|ANPD|\bDPO\b|authorit|autoridade|encarregado/i.test(line)),
      describe: 'a deadline or the authority to notify',
    },
  },
  {
    id: 'doc-data-classification',
    title: 'Data classification',
    label: loc('Data classification', 'Classificação de dados'),
    proves: { 'security/data-classification': loc('Data is classified by sensitivity, with the levels defined.', 'Os dados são classificados por sensibilidade, com os níveis definidos.') },
    name: /data[-_]?classification|classificacao[-_]de[-_]dados/,
    heading: /data classification|classifica[çc][ãa]o (?:de|dos) dados|sensitivity levels|n[íi]veis de sensibilidade/i,
    requirement: {
      test: (body) => new Set(contentLines(body).flatMap((line) => [...line.toLowerCase().matchAll(/\b(public|internal|confidential|restricted|secret|sensitive|p[úu]blico|interno|confidencial|restrito|sigiloso|sens[íi]vel)\b/g)].map((match) => match[1].normalize('NFD').replace(/[\u0300-\u036f]/g, '')))).size >= 3,
      describe: 'at least three sensitivity levels (public, internal, confidential, restricted)',
    },
  },
];

function docName(file: SourceFile): string {
  return file.name.replace(/\.(?:md|markdown)$/, '');
}

/** "an escalation procedure", "an SLA document": the label in a sentence, acronyms kept. */
function withArticle(label: string): string {
  const [first] = label.split(' ');
  const acronym = first.length > 1 && first === first.toUpperCase();
  const noun = acronym ? label : label.charAt(0).toLowerCase() + label.slice(1);
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/i.test(first);
  return `${vowelSound ? 'an' : 'a'} ${noun}`;
}

function topicDetector(topic: DocTopic): Detector {
  const minLines = topic.minLines ?? 3;
  const requires = topic.requirement ? `, and ${topic.requirement.describe}` : '';
  return {
    id: topic.id,
    title: topic.title,
    hint: loc(`Write ${withArticle(topic.label.en)} (docs/, with real content${topic.requirement ? `: ${topic.requirement.describe}` : ''}).`, `Escreva um(a) ${topic.label.pt.toLowerCase()} (docs/, com conteúdo real).`),
    heuristic:
      `A Markdown document about it: the file or folder name matches ${topic.name}, or a heading matches ${topic.heading}; with at least ${minLines} lines of real content ` +
      `(links alone, headings, blank lines and placeholders such as TODO, TBD, "fill in later" or lorem ipsum do not count)${requires}. A passing mention in another document proves nothing.`,
    proves: topic.proves,
    appliesTo: (file) => file.isMarkdown,
    detect(file) {
      const byName = [docName(file), ...file.folders].some((part) => topic.name.test(part));
      const candidates = byName
        ? [{ heading: '', line: 0, body: file.text.split(/\r?\n/) }]
        : markdownSections(file).filter((section) => topic.heading.test(section.heading));
      const section = candidates.find((candidate) => contentLines(candidate.body).length >= minLines && (!topic.requirement || topic.requirement.test(candidate.body)));
      if (!section) return [];
      const what = section.heading
        ? loc(`${topic.label.en}: section "${section.heading}"`, `${topic.label.pt}: seção "${section.heading}"`)
        : loc(`${topic.label.en} (${contentLines(section.body).length} lines)`, `${topic.label.pt} (${contentLines(section.body).length} linhas)`);
      return Object.keys(topic.proves).map((item) => ({ item, what, line: section.line }));
    },
  };
}

export const DOC_DETECTORS: Detector[] = TOPICS.map(topicDetector);

// ---- Recovery objectives and declared metrics ------------------------------------------------------

const TIME_VALUE = String.raw`(\d+(?:[.,]\d+)?\s*(?:seconds?|secs?|s|minutes?|mins?|min|minutos?|m|hours?|hrs?|h|horas?))\b`;

interface Declaration {
  target: TargetId;
  value: number;
  text: string;
  start: number;
  end: number;
}

/**
 * Values stated after a keyword ("RTO: 15 minutes", "| RTO | 4 hours |"), with the span of the
 * value. The text between keyword and value must not be a placeholder: "RTO: TBD 4 hours" states
 * nothing.
 */
function statedDurations(text: string, keyword: string, target: TargetId): Declaration[] {
  const pattern = new RegExp(String.raw`\b(?:${keyword})\b([^\n\d]{0,40}?)` + TIME_VALUE, 'gi');
  const found: Declaration[] = [];
  for (const match of text.matchAll(pattern)) {
    if (isPlaceholder(match[1]) || /\b(?:define|defina|set|escolha|choose)\b/i.test(match[1])) continue;
    const minutes = parseDuration(match[2]);
    if (minutes === undefined) continue;
    const end = match.index! + match[0].length;
    found.push({ target, value: minutes, text: match[2], start: end - match[2].length, end });
  }
  return found;
}

export const recoveryObjectivesDetector: Detector = {
  id: 'recovery-objectives',
  title: 'Recovery objectives and DR plans',
  hint: loc('State the RTO and RPO with values ("RTO: 15 minutes") in the DR document or .readiness.yml.', 'Registre o RTO e o RPO com valores ("RTO: 15 minutos") no documento de DR ou no .readiness.yml.'),
  hints: {
    'backup/rto-defined': loc('State the RTO with a value ("RTO: 15 minutes") in the DR document.', 'Registre o RTO com um valor ("RTO: 15 minutos") no documento de DR.'),
    'backup/rpo-defined': loc('State the RPO with a value ("RPO: 5 minutes") in the DR document.', 'Registre o RPO com um valor ("RPO: 5 minutos") no documento de DR.'),
    'backup/dr-procedures': loc('Write the disaster-recovery plan with its procedures step by step (a YAML disaster_recovery plan with real steps).', 'Escreva o plano de disaster recovery com seus procedimentos passo a passo (um plano disaster_recovery em YAML com passos reais).'),
  },
  heuristic:
    'A document or YAML file states the RTO or RPO with a value ("RTO: 15 minutes", "rto: 15m", "| RTO | 4 hours |"), judged against the RTO and RPO targets; ' +
    '"define the RTO", "RTO: TBD" or "RTO: TBD 4 hours" does not count. MTTR values are read for the success metrics. A YAML disaster-recovery plan ' +
    '(disaster_recovery with procedures and real steps) proves DR procedures.',
  proves: {
    'backup/rto-defined': loc('The RTO is written down with a value.', 'O RTO está registrado com um valor.'),
    'backup/rpo-defined': loc('The RPO is written down with a value.', 'O RPO está registrado com um valor.'),
    'backup/dr-procedures': loc('A disaster-recovery plan lists its procedures step by step.', 'Um plano de disaster recovery lista seus procedimentos passo a passo.'),
  },
  // The configuration's application.rto and .rpo are read as the application information: once.
  appliesTo: (file) => file.isMarkdown || (file.isYaml && !(file.folders.length === 0 && CONFIG_FILE_NAMES.includes(file.name))),
  textHint: /\bRTO\b|\bRPO\b|\bMTTR\b|Recovery (?:Time|Point) Objective|disaster|\bdr[-_]?plan\b|\bdr[ \t]*:/i,
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const [item, keyword, target, name] of [
      ['backup/rto-defined', 'RTO|Recovery Time Objective', 'rto', 'RTO'],
      ['backup/rpo-defined', 'RPO|Recovery Point Objective', 'rpo', 'RPO'],
      ['declared:mttr', 'MTTR|Mean Time To (?:Recovery|Repair|Restore)', 'mttr', 'MTTR'],
    ] as const) {
      for (const stated of statedDurations(file.text, keyword, target)) {
        hits.push({
          item,
          what: loc(`${name} ${stated.text}`, `${name} ${stated.text}`),
          line: file.lineOf(stated.start),
          declares: { target, text: stated.text, value: stated.value, span: { start: stated.start, end: stated.end }, source: `${name} in ${file.name}` },
        });
      }
    }
    for (const root of file.yamlRoots()) {
      for (const pair of pairs(root)) {
        const key = str(pair.key) ?? '';
        if (!/^(?:disaster[-_]?recovery|dr[-_]?plan|dr)$/i.test(key)) continue;
        const procedures = get(pair.value, 'procedures');
        const withSteps = pairs(procedures).filter((procedure) => {
          const steps = get(procedure.value, 'steps') ?? procedure.value;
          return [...items(steps), ...pairs(steps).map((pair) => pair.value)].some((step) => {
            const text = str(step) ?? getStr(step, 'action') ?? getStr(step, 'run') ?? getStr(step, 'name');
            return text !== undefined && contentLines([text]).length > 0;
          });
        });
        if (withSteps.length > 0)
          hits.push({ item: 'backup/dr-procedures', what: loc(`DR plan with ${withSteps.length} procedure(s): ${withSteps.map((p) => str(p.key)).join(', ')}`, `Plano de DR com ${withSteps.length} procedimento(s): ${withSteps.map((p) => str(p.key)).join(', ')}`), line: file.lineOfNode(pair.key) });
      }
    }
    return hits;
  },
};

const METRIC_LINES: { target: TargetId; keyword: RegExp; value: RegExp; toValue: (match: RegExpExecArray) => number | undefined }[] = [
  { target: 'uptime', keyword: /\b(?:uptime|availability|disponibilidade|SLA target)\b/i, value: /(\d{2,3}(?:[.,]\d+)?)\s*%/, toValue: (m) => Number(m[1].replace(',', '.')) },
  { target: 'errorRate', keyword: /\b(?:error rate|taxa de erros?)\b/i, value: /(\d+(?:[.,]\d+)?)\s*%/, toValue: (m) => Number(m[1].replace(',', '.')) },
  { target: 'p95', keyword: /\b(?:p95|95th percentile|percentil 95)\b/i, value: /(\d+(?:[.,]\d+)?)\s*(ms|s)\b/, toValue: (m) => Number(m[1].replace(',', '.')) * (m[2] === 's' ? 1000 : 1) },
  { target: 'throughput', keyword: /\b(?:throughput|vaz[ãa]o|requests per second)\b/i, value: /(\d[\d.,]*)\s*(?:rps|req\/s|requests\/s)\b/i, toValue: (m) => Number(m[1].replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.')) },
];

export const declaredMetricsDetector: Detector = {
  id: 'declared-metrics',
  title: 'Service levels stated in documents',
  heuristic:
    'A Markdown table row or a "key: value" line that states a success metric: uptime/availability as a percentage, error rate as a percentage, P95 in ms, throughput in RPS. ' +
    'These are declarations, judged against the targets (a README that promises a P95 of 800 ms fails the response-time item); they never prove an item by themselves. ' +
    'Placeholders (TBD, [value]) state nothing, and a sentence in prose is not read.',
  proves: {},
  appliesTo: (file) => file.isMarkdown,
  textHint: /uptime|availability|disponibilidade|error rate|taxa de erro|p95|percentile|percentil|throughput|vaz[ãa]o|requests per second/i,
  detect(file) {
    const hits: DetectorHit[] = [];
    let offset = 0;
    for (const line of file.text.split('\n')) {
      const start = offset;
      offset += line.length + 1;
      if (!/^\s*\|.*\|\s*$/.test(line) && !/^\s*(?:[-*]\s+)?\**[\w ()/.-]{2,40}\**\s*:/.test(line)) continue;
      if (isPlaceholderLine(line)) continue;
      for (const metric of METRIC_LINES) {
        const keyword = metric.keyword.exec(line);
        if (!keyword) continue;
        const rest = line.slice(keyword.index + keyword[0].length);
        const match = metric.value.exec(rest);
        if (!match || match.index > 40) continue;
        const value = metric.toValue(match);
        if (value === undefined || !Number.isFinite(value)) continue;
        const at = start + keyword.index + keyword[0].length + match.index;
        hits.push({
          item: `declared:${metric.target}`,
          what: loc(`${keyword[0]} ${match[0]}`, `${keyword[0]} ${match[0]}`),
          line: file.lineOf(at),
          declares: { target: metric.target, text: match[0], value, span: { start: at, end: at + match[0].length }, source: `${keyword[0]} in ${file.name}` },
        });
      }
    }
    return hits;
  },
};

// ---- OpenAPI ---------------------------------------------------------------------------------------

export function isOpenApiPath(file: SourceFile): boolean {
  return /(?:openapi|swagger|api[-_.]?spec)[\w.-]*\.(?:ya?ml|json)$/.test(file.name);
}

export const openApiDetector: Detector = {
  id: 'openapi-spec',
  title: 'OpenAPI/Swagger specification',
  hint: loc('Commit the OpenAPI/Swagger specification of the API.', 'Versione a especificação OpenAPI/Swagger da API.'),
  heuristic:
    'A YAML or JSON file whose top level declares openapi: 3.x or swagger: "2.0" together with info and at least one path. A file that only mentions OpenAPI, ' +
    'or a configuration with a nested openapi key, does not count.',
  proves: {
    'documentation/api-documentation': loc('The API is described by an OpenAPI/Swagger specification.', 'A API é descrita por uma especificação OpenAPI/Swagger.'),
  },
  appliesTo: (file) => file.isYaml || isOpenApiPath(file),
  textHint: /["']?(?:openapi|swagger)["']?\s*:/,
  detect(file) {
    const spec = readSpec(file);
    if (!spec) return [];
    const version = spec.openapi ?? `Swagger ${spec.swagger}`;
    const label = `OpenAPI ${version}${spec.title ? ` "${spec.title}"` : ''} with ${spec.paths} path(s)`;
    return [{ item: 'documentation/api-documentation', what: loc(label.replace('OpenAPI Swagger', 'Swagger'), label.replace('OpenAPI Swagger', 'Swagger').replace(' with ', ' com ').replace(' path(s)', ' caminho(s)')), line: 0 }];
  },
};

function readSpec(file: SourceFile): { openapi?: string; swagger?: string; title?: string; paths: number } | undefined {
  if (file.isYaml) {
    for (const root of file.yamlRoots()) {
      const openapi = getStr(root, 'openapi');
      const swagger = getStr(root, 'swagger');
      const paths = pairs(get(root, 'paths')).length;
      if (((openapi && /^3\./.test(openapi)) || swagger === '2.0') && get(root, 'info') && paths > 0) return { openapi, swagger, title: getStr(root, 'info', 'title'), paths };
    }
    return undefined;
  }
  if (!file.name.endsWith('.json')) return undefined;
  try {
    const value = JSON.parse(file.text) as { openapi?: unknown; swagger?: unknown; info?: { title?: unknown }; paths?: unknown };
    const openapi = typeof value.openapi === 'string' && /^3\./.test(value.openapi) ? value.openapi : undefined;
    const swagger = value.swagger === '2.0' ? '2.0' : undefined;
    const paths = value.paths && typeof value.paths === 'object' ? Object.keys(value.paths).length : 0;
    if ((openapi || swagger) && value.info && paths > 0) return { openapi, swagger, title: typeof value.info.title === 'string' ? value.info.title : undefined, paths };
  } catch {
    // Not JSON: not a specification.
  }
  return undefined;
}
