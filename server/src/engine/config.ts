import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Rule } from './rule';
import type { SeveritySetting, Span } from './types';

export const CONFIG_FILE_NAMES = ['.readiness.yml', '.readiness.yaml'];

export interface RuleConfig {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export type AttestationStatus = 'done' | 'na' | 'todo';

export interface Attestation {
  status: AttestationStatus;
  by?: string;
  date?: string;
  note?: string;
}

export interface SignOff {
  name: string;
  date?: string;
}

export interface ReadinessConfig {
  rules: Record<string, RuleConfig>;
  exclude: string[];
  locale?: string;
  /** The seed's "Informações da Aplicação", by field key. */
  application: Record<string, string>;
  checklist: Record<string, Attestation>;
  signoff: Record<string, SignOff>;
}

export interface ConfigProblem {
  span: Span;
  message: string;
  severity: 'error' | 'warning';
}

export interface LoadedConfig {
  config: ReadinessConfig;
  problems: ConfigProblem[];
  /** The parsed document, kept so edits (attestations) can preserve comments and layout. */
  document?: Document;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
export const ATTESTATION_STATUSES: readonly AttestationStatus[] = ['done', 'na', 'todo'];
export const APPLICATION_FIELDS = [
  'name',
  'version',
  'techLead',
  'devops',
  'securityEngineer',
  'deployDate',
  'environment',
  'criticality',
  'slaTarget',
  'rto',
  'rpo',
] as const;
export const SIGNOFF_ROLES = ['techLead', 'devopsEngineer', 'securityEngineer', 'productOwner'] as const;

const TOP_LEVEL_KEYS = ['rules', 'exclude', 'locale', 'application', 'checklist', 'signoff'];

export function emptyConfig(): ReadinessConfig {
  return { rules: {}, exclude: [], application: {}, checklist: {}, signoff: {} };
}

export interface ConfigSchema {
  rules: readonly Rule<any>[];
  /** Known checklist item ids; unknown ids under `checklist:` are reported when given. */
  checklistItems?: ReadonlySet<string>;
}

/**
 * Reads `.readiness.yml`. Every mistake is a problem with the range of the offending node; the
 * part in error is ignored and the defaults stay in force, so a typo never disables the tool.
 */
export function parseConfig(text: string, schema: ConfigSchema): LoadedConfig {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    problems.push({ span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, message: firstLine(error.message), severity: 'error' });
  }
  if (document.errors.length > 0) return { config, problems, document };
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems, document };
  if (!isMap(root)) {
    problems.push({ span: spanOf(root as Node), message: 'The configuration must be a mapping of sections (rules, exclude, locale, application, checklist, signoff).', severity: 'error' });
    return { config, problems, document };
  }
  const report = (node: Node | null | undefined, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ span: spanOf(node), message, severity });
  const rulesById = new Map(schema.rules.map((rule) => [rule.meta.id, rule]));

  for (const pair of root.items as Pair<Node, Node>[]) {
    const key = scalarString(pair.key);
    switch (key) {
      case 'rules':
        readRules(pair.value, rulesById, config, report);
        break;
      case 'exclude':
        config.exclude = readStringList(pair.value, 'exclude', report);
        break;
      case 'locale': {
        const locale = scalarString(pair.value);
        if (locale === 'en' || locale === 'pt-BR') config.locale = locale;
        else report(pair.value, 'locale must be "en" or "pt-BR".');
        break;
      }
      case 'application':
        readApplication(pair.value, config, report);
        break;
      case 'checklist':
        readChecklist(pair.value, schema.checklistItems, config, report);
        break;
      case 'signoff':
        readSignoff(pair.value, config, report);
        break;
      default:
        report(pair.key, `Unknown section "${key}"; expected one of ${TOP_LEVEL_KEYS.join(', ')}.`);
    }
  }
  return { config, problems, document };
}

type Report = (node: Node | null | undefined, message: string, severity?: 'error' | 'warning') => void;

function readRules(node: Node | null, rulesById: Map<string, Rule<any>>, config: ReadinessConfig, report: Report) {
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, 'rules must map rule ids to a severity or to { severity, options }.');
  for (const pair of node.items as Pair<Node, Node>[]) {
    const id = scalarString(pair.key);
    const rule = id === undefined ? undefined : rulesById.get(id);
    if (!rule) {
      report(pair.key, `Unknown rule "${id}".${suggestion(id, [...rulesById.keys()])}`);
      continue;
    }
    const value = pair.value;
    if (isScalar(value)) {
      const severity = readSeverity(value, report);
      if (severity) config.rules[id!] = { severity };
      continue;
    }
    if (!isMap(value)) {
      report(value, `Rule "${id}" takes a severity (${SEVERITY_SETTINGS.join(', ')}) or { severity, options }.`);
      continue;
    }
    const ruleConfig: RuleConfig = {};
    for (const entry of value.items as Pair<Node, Node>[]) {
      const field = scalarString(entry.key);
      if (field === 'severity') {
        const severity = readSeverity(entry.value, report);
        if (severity) ruleConfig.severity = severity;
      } else if (field === 'options') {
        ruleConfig.options = readRuleOptions(entry.value, rule, report);
      } else {
        report(entry.key, `Unknown field "${field}" for rule "${id}"; expected severity or options.`);
      }
    }
    config.rules[id!] = ruleConfig;
  }
}

function readSeverity(node: Node | null, report: Report): SeveritySetting | undefined {
  const value = scalarString(node);
  if (value && (SEVERITY_SETTINGS as readonly string[]).includes(value)) return value as SeveritySetting;
  report(node, `Severity must be one of ${SEVERITY_SETTINGS.join(', ')}.`);
  return undefined;
}

function readRuleOptions(node: Node | null, rule: Rule<any>, report: Report): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const specs = rule.meta.options ?? {};
  if (!isMap(node)) {
    report(node, `options of "${rule.meta.id}" must be a mapping.`);
    return options;
  }
  for (const pair of node.items as Pair<Node, Node>[]) {
    const name = scalarString(pair.key) ?? '';
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      report(pair.key, known.length ? `Unknown option "${name}" for "${rule.meta.id}"; it takes ${known.join(', ')}.` : `"${rule.meta.id}" takes no options.`);
      continue;
    }
    const value = pair.value;
    if (spec.type === 'string[]') {
      const list = readStringList(value, name, report);
      if (isSeq(value)) options[name] = list;
      continue;
    }
    const raw = isScalar(value) ? value.value : undefined;
    if (spec.type === 'number' && typeof raw === 'number' && Number.isFinite(raw) && (spec.minimum === undefined || raw >= spec.minimum)) {
      options[name] = raw;
    } else if (spec.type === 'string' && typeof raw === 'string') {
      options[name] = raw;
    } else if (spec.type === 'boolean' && typeof raw === 'boolean') {
      options[name] = raw;
    } else {
      const bound = spec.type === 'number' && spec.minimum !== undefined ? ` of at least ${spec.minimum}` : '';
      report(value, `Option "${name}" of "${rule.meta.id}" must be a ${spec.type}${bound}.`);
    }
  }
  return options;
}

function readStringList(node: Node | null, what: string, report: Report): string[] {
  if (!isSeq(node)) {
    report(node, `${what} must be a list of strings.`);
    return [];
  }
  const list: string[] = [];
  for (const item of node.items as Node[]) {
    const value = scalarString(item);
    if (value === undefined) report(item, `Each entry of ${what} must be a string.`);
    else list.push(value);
  }
  return list;
}

function readApplication(node: Node | null, config: ReadinessConfig, report: Report) {
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, 'application must be a mapping of fields (name, version, techLead, ...).');
  for (const pair of node.items as Pair<Node, Node>[]) {
    const field = scalarString(pair.key) ?? '';
    if (!(APPLICATION_FIELDS as readonly string[]).includes(field)) {
      report(pair.key, `Unknown application field "${field}"; expected one of ${APPLICATION_FIELDS.join(', ')}.`);
      continue;
    }
    const value = scalarString(pair.value);
    if (value === undefined) report(pair.value, `application.${field} must be a string.`);
    else config.application[field] = value;
  }
}

function readChecklist(node: Node | null, known: ReadonlySet<string> | undefined, config: ReadinessConfig, report: Report) {
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, 'checklist must map checklist item ids to done, na or todo.');
  for (const pair of node.items as Pair<Node, Node>[]) {
    const id = scalarString(pair.key) ?? '';
    if (known && !known.has(id)) {
      report(pair.key, `Unknown checklist item "${id}".${suggestion(id, [...known])}`);
      continue;
    }
    const value = pair.value;
    if (isScalar(value)) {
      const status = readStatus(value, report);
      if (status) config.checklist[id] = { status };
      continue;
    }
    if (!isMap(value)) {
      report(value, `checklist.${id} must be a status (done, na, todo) or { status, by, date, note }.`);
      continue;
    }
    let attestation: Attestation | undefined;
    const extra: Omit<Attestation, 'status'> = {};
    for (const entry of value.items as Pair<Node, Node>[]) {
      const field = scalarString(entry.key);
      if (field === 'status') {
        const status = readStatus(entry.value, report);
        if (status) attestation = { status };
      } else if (field === 'by' || field === 'date' || field === 'note') {
        const text = scalarString(entry.value);
        if (text === undefined) report(entry.value, `checklist.${id}.${field} must be a string.`);
        else extra[field] = text;
      } else {
        report(entry.key, `Unknown field "${field}" in checklist.${id}; expected status, by, date or note.`);
      }
    }
    if (attestation) config.checklist[id] = { ...attestation, ...extra };
    else report(value, `checklist.${id} needs a status (done, na or todo).`);
  }
}

function readStatus(node: Node | null, report: Report): AttestationStatus | undefined {
  const value = scalarString(node);
  if (value && (ATTESTATION_STATUSES as readonly string[]).includes(value)) return value as AttestationStatus;
  report(node, 'Status must be done, na or todo.');
  return undefined;
}

function readSignoff(node: Node | null, config: ReadinessConfig, report: Report) {
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, `signoff must map roles (${SIGNOFF_ROLES.join(', ')}) to { name, date }.`);
  for (const pair of node.items as Pair<Node, Node>[]) {
    const role = scalarString(pair.key) ?? '';
    if (!(SIGNOFF_ROLES as readonly string[]).includes(role)) {
      report(pair.key, `Unknown sign-off role "${role}"; expected one of ${SIGNOFF_ROLES.join(', ')}.`);
      continue;
    }
    if (!isMap(pair.value)) {
      report(pair.value, `signoff.${role} must be { name, date }.`);
      continue;
    }
    const entry: Partial<SignOff> = {};
    for (const field of pair.value.items as Pair<Node, Node>[]) {
      const name = scalarString(field.key);
      const value = scalarString(field.value);
      if ((name === 'name' || name === 'date') && value !== undefined) entry[name] = value;
      else report(field.key, `signoff.${role} takes name and date (strings).`);
    }
    if (entry.name) config.signoff[role] = entry as SignOff;
    else report(pair.key, `signoff.${role} needs a name.`);
  }
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function spanOf(node: Node | null | undefined): Span {
  const range = node?.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: Math.max(range[1], range[0]) };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') + (message.endsWith('.') ? '' : '');
}

function suggestion(id: string | undefined, known: string[]): string {
  if (!id) return '';
  const tail = id.split('/').pop() ?? id;
  const close = known.find((candidate) => candidate.endsWith(`/${tail}`) || candidate.includes(tail));
  return close ? ` Did you mean "${close}"?` : '';
}
