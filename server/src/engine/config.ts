import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Rule } from './rule';
import { LineIndex } from './text';
import type { Range, SeveritySetting, Span } from './types';

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
  date: string;
}

/** The seed's targets, each in the unit its name says. */
export interface TargetValues {
  rtoMinutes: number;
  rpoMinutes: number;
  backupRetentionDays: { min: number; max: number };
  logRetentionDays: { min: number; max: number };
  coveragePercent: number;
  p95Ms: number;
  tlsVersion: '1.2' | '1.3';
  uptimePercent: number;
  errorRatePercent: number;
  throughputRps: number;
  mttrMinutes: number;
}

export type TargetKey = keyof TargetValues;

/** How each `targets:` key is validated: a number in a range, a min/max pair of numbers, or one of a few values. */
export const TARGET_SCHEMA: Record<TargetKey, { type: 'number' | 'range' | 'enum'; minimum?: number; maximum?: number; exclusiveMinimum?: boolean; values?: readonly string[]; description: string }> = {
  rtoMinutes: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 43_200, description: 'Recovery time objective, at most this many minutes (seed: 15).' },
  rpoMinutes: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 43_200, description: 'Recovery point objective, at most this many minutes (seed: 5).' },
  backupRetentionDays: { type: 'range', minimum: 1, maximum: 3_650, description: 'Backups are kept from min to max days (seed: 30 to 90).' },
  logRetentionDays: { type: 'range', minimum: 1, maximum: 3_650, description: 'Logs are kept from min to max days (seed: 30 to 90).' },
  coveragePercent: { type: 'number', minimum: 0, maximum: 100, description: 'Unit-test coverage the pipeline enforces, at least this percentage (seed: 80).' },
  p95Ms: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 600_000, description: 'P95 response time, at most this many milliseconds (seed: 200).' },
  tlsVersion: { type: 'enum', values: ['1.2', '1.3'], description: 'The TLS version every endpoint must offer (seed: 1.3).' },
  uptimePercent: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 100, description: 'Availability, at least this percentage (seed: 99.9).' },
  errorRatePercent: { type: 'number', minimum: 0, maximum: 100, description: 'Error rate, at most this percentage of requests (seed: 0.1).' },
  throughputRps: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 100_000_000, description: 'Sustained throughput, at least this many requests per second (seed: 1000).' },
  mttrMinutes: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 43_200, description: 'Mean time to recovery, at most this many minutes (seed: 15).' },
};
export const TARGET_KEYS = Object.keys(TARGET_SCHEMA) as TargetKey[];

/** The categories of the seed's Final Approval table, as `approval:` keys. */
export const APPROVAL_KEYS = ['deployment', 'security', 'monitoring', 'performance', 'backup', 'tests', 'documentation'] as const;
export type ApprovalKey = (typeof APPROVAL_KEYS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;

export interface ApprovalEntry {
  status: (typeof APPROVAL_STATUSES)[number];
  name?: string;
  date?: string;
  notes?: string;
}

/** Gates of the seed's flow whose threshold a team may set (the share of applicable items done). */
export const GATE_KEYS = ['tests', 'documentation'] as const;
export type GateKey = (typeof GATE_KEYS)[number];

export interface ReadinessConfig {
  rules: Record<string, RuleConfig>;
  exclude: string[];
  locale?: string;
  /** The seed's "Informações da Aplicação", by field key. */
  application: Record<string, string>;
  checklist: Record<string, Attestation>;
  signoff: Record<string, SignOff>;
  /** Targets set in the file; the seed's numbers apply to the others. */
  targets: Partial<TargetValues>;
  /** The seed's Final Approval table, by category key. */
  approval: Partial<Record<ApprovalKey, ApprovalEntry>>;
  /** Thresholds of the Tests and Documentation gates, 0..100. */
  gates: Partial<Record<GateKey, number>>;
  /** Changes to the product's critical set. */
  critical: { add: string[]; remove: string[] };
  /** Attestations the file records but that are not applied, with why (`na` without a reason). */
  rejected: Record<string, { status: AttestationStatus; reason: string }>;
  /** Ranges of values the checklist may point at (`application.rto`, `targets.p95Ms`), by dotted path. */
  locations: Record<string, Range>;
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
  /** Where the report links findings: the web address of the repository's files (https://github.com/org/repo/blob/main). */
  'repositoryUrl',
] as const;
export const SIGNOFF_ROLES = ['techLead', 'devopsEngineer', 'securityEngineer', 'productOwner'] as const;

const TOP_LEVEL_KEYS = ['rules', 'exclude', 'locale', 'application', 'checklist', 'signoff', 'targets', 'approval', 'gates', 'critical'];

/** A date as `.readiness.yml` records it: ISO (2025-10-15) or the seed's DD/MM/AAAA. */
const DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4})$/;

export function emptyConfig(): ReadinessConfig {
  return { rules: {}, exclude: [], application: {}, checklist: {}, signoff: {}, targets: {}, approval: {}, gates: {}, critical: { add: [], remove: [] }, rejected: {}, locations: {} };
}

export interface ConfigSchema {
  rules: readonly Rule<any>[];
  /** Known checklist item ids; unknown ids under `checklist:` and `critical:` are reported when given. */
  checklistItems?: ReadonlySet<string>;
}

type Report = (node: Node | null | undefined, message: string, severity?: 'error' | 'warning') => void;

interface Reader {
  config: ReadinessConfig;
  report: Report;
  /** The source text of a plain scalar, so `version: 007` reads "007", not 7. */
  text: string;
  /** Pairs whose key repeats an earlier key of the same mapping: reported once, then skipped. */
  duplicates: Set<Pair>;
  locate(path: string, node: unknown): void;
}

/**
 * Reads `.readiness.yml`. Every mistake is a problem with the range of the offending node; the
 * part in error is ignored and the defaults stay in force, so a typo never disables the tool.
 * Linear in the size of the file: duplicate keys are found with one set per mapping (the YAML
 * library's own check compares every pair with every other one).
 */
export function parseConfig(text: string, schema: ConfigSchema): LoadedConfig {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  for (const error of document.errors) {
    problems.push({ span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, message: firstLine(error.message), severity: 'error' });
  }
  if (document.errors.length > 0) return { config, problems, document };
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems, document };
  if (!isMap(root)) {
    problems.push({ span: spanOf(root as Node), message: `The configuration must be a mapping of sections (${TOP_LEVEL_KEYS.join(', ')}).`, severity: 'error' });
    return { config, problems, document };
  }
  const report: Report = (node, message, severity = 'error') => problems.push({ span: spanOf(node), message, severity });
  let lines: LineIndex | undefined;
  const reader: Reader = {
    config,
    report,
    text,
    duplicates: duplicateKeys(root, report),
    locate(path, node) {
      const range = (node as Node | undefined)?.range;
      if (!range) return;
      lines ??= new LineIndex(text);
      config.locations[path] = lines.rangeOf({ start: range[0], end: range[1] });
    },
  };
  const rulesById = new Map(schema.rules.map((rule) => [rule.meta.id, rule]));

  for (const pair of pairsOf(root, reader)) {
    const key = scalarString(pair.key);
    switch (key) {
      case 'rules':
        readRules(pair.value, rulesById, reader);
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
        readApplication(pair.value, reader);
        break;
      case 'checklist':
        readChecklist(pair.value, schema.checklistItems, reader);
        break;
      case 'signoff':
        readSignoff(pair.value, reader);
        break;
      case 'targets':
        readTargets(pair.value, reader);
        break;
      case 'approval':
        readApproval(pair.value, reader);
        break;
      case 'gates':
        readGates(pair.value, reader);
        break;
      case 'critical':
        readCritical(pair.value, schema.checklistItems, reader);
        break;
      default:
        report(pair.key, `Unknown section "${key}"; expected one of ${TOP_LEVEL_KEYS.join(', ')}.`);
    }
  }
  return { config, problems, document };
}

/** Every mapping's repeated keys, found with an explicit stack (no recursion limit on deep files). */
function duplicateKeys(root: Node, report: Report): Set<Pair> {
  const duplicates = new Set<Pair>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items as Pair<Node, Node>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined) {
          if (seen.has(key)) {
            duplicates.add(pair);
            report(pair.key, `Duplicate key "${key}"; only its first occurrence applies.`);
          } else seen.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return duplicates;
}

function pairsOf(map: YAMLMap, reader: Reader): Pair<Node, Node>[] {
  const items = map.items as Pair<Node, Node>[];
  return reader.duplicates.size === 0 ? items : items.filter((pair) => !reader.duplicates.has(pair));
}

function readRules(node: Node | null, rulesById: Map<string, Rule<any>>, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, 'rules must map rule ids to a severity or to { severity, options }.');
  let ids: string[] | undefined;
  for (const pair of pairsOf(node, reader)) {
    const id = scalarString(pair.key);
    const rule = id === undefined ? undefined : rulesById.get(id);
    if (!rule) {
      ids ??= [...rulesById.keys()];
      report(pair.key, `Unknown rule "${id}".${suggestion(id, ids)}`);
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
    for (const entry of pairsOf(value, reader)) {
      const field = scalarString(entry.key);
      if (field === 'severity') {
        const severity = readSeverity(entry.value, report);
        if (severity) ruleConfig.severity = severity;
      } else if (field === 'options') {
        ruleConfig.options = readRuleOptions(entry.value, rule, reader);
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

function readRuleOptions(node: Node | null, rule: Rule<any>, reader: Reader): Record<string, unknown> {
  const { report } = reader;
  const options: Record<string, unknown> = {};
  const specs = rule.meta.options ?? {};
  if (!isMap(node)) {
    report(node, `options of "${rule.meta.id}" must be a mapping.`);
    return options;
  }
  for (const pair of pairsOf(node, reader)) {
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

function readApplication(node: Node | null, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, 'application must be a mapping of fields (name, version, techLead, ...).');
  for (const pair of pairsOf(node, reader)) {
    const field = scalarString(pair.key) ?? '';
    if (!(APPLICATION_FIELDS as readonly string[]).includes(field)) {
      report(pair.key, `Unknown application field "${field}"; expected one of ${APPLICATION_FIELDS.join(', ')}.`);
      continue;
    }
    const value = scalarText(pair.value, reader.text);
    if (value === undefined) report(pair.value, `application.${field} must be a string.`);
    else {
      config.application[field] = value;
      reader.locate(`application.${field}`, pair.value);
    }
  }
}

function readChecklist(node: Node | null, known: ReadonlySet<string> | undefined, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, 'checklist must map checklist item ids to done, na or todo.');
  let ids: string[] | undefined;
  for (const pair of pairsOf(node, reader)) {
    const id = scalarString(pair.key) ?? '';
    if (known && !known.has(id)) {
      ids ??= [...known];
      report(pair.key, `Unknown checklist item "${id}".${suggestion(id, ids)}`);
      continue;
    }
    const value = pair.value;
    let attestation: Attestation | undefined;
    if (isScalar(value)) {
      const status = readStatus(value, report);
      if (status) attestation = { status };
    } else if (!isMap(value)) {
      report(value, `checklist.${id} must be a status (done, na, todo) or { status, by, date, note }.`);
      continue;
    } else {
      const extra: Omit<Attestation, 'status'> = {};
      let status: AttestationStatus | undefined;
      let hasStatus = false;
      for (const entry of pairsOf(value, reader)) {
        const field = scalarString(entry.key);
        if (field === 'status') {
          hasStatus = true;
          status = readStatus(entry.value, report);
        } else if (field === 'by' || field === 'date' || field === 'note') {
          const text = scalarText(entry.value, reader.text);
          if (text === undefined) report(entry.value, `checklist.${id}.${field} must be a string.`);
          else extra[field] = text;
        } else {
          report(entry.key, `Unknown field "${field}" in checklist.${id}; expected status, by, date or note.`);
        }
      }
      if (!hasStatus) {
        report(value, `checklist.${id} needs a status (done, na or todo).`);
        continue;
      }
      if (status) attestation = { status, ...extra };
    }
    if (!attestation) continue;
    if (attestation.status === 'na' && !attestation.note?.trim()) {
      // An unexplained "not applicable" would silently drop the item from the score.
      const reason = 'not applicable needs a reason';
      config.rejected[id] = { status: 'na', reason };
      report(isScalar(value) ? value : pair.key, `checklist.${id}: na needs a reason ({ status: na, note: why it does not apply }); it is not applied until then.`);
      continue;
    }
    config.checklist[id] = attestation;
  }
}

function readStatus(node: Node | null, report: Report): AttestationStatus | undefined {
  const value = scalarString(node);
  if (value && (ATTESTATION_STATUSES as readonly string[]).includes(value)) return value as AttestationStatus;
  report(node, 'Status must be done, na or todo.');
  return undefined;
}

function readSignoff(node: Node | null, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, `signoff must map roles (${SIGNOFF_ROLES.join(', ')}) to { name, date }.`);
  for (const pair of pairsOf(node, reader)) {
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
    for (const field of pairsOf(pair.value, reader)) {
      const name = scalarString(field.key);
      const value = scalarText(field.value, reader.text)?.trim();
      if ((name === 'name' || name === 'date') && value !== undefined) entry[name] = value;
      else report(field.key, `signoff.${role} takes name and date (strings).`);
    }
    if (!entry.name) report(pair.key, `signoff.${role} needs a name; it is not applied until then.`);
    else if (!entry.date) report(pair.key, `signoff.${role} needs a date (YYYY-MM-DD); it is not applied until then.`);
    else if (!DATE.test(entry.date)) report(pair.key, `signoff.${role}.date must be a date (YYYY-MM-DD or DD/MM/YYYY); it is not applied until then.`);
    else config.signoff[role] = entry as SignOff;
  }
}

function readTargets(node: Node | null, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, `targets must map target names (${TARGET_KEYS.join(', ')}) to values.`);
  for (const pair of pairsOf(node, reader)) {
    const key = scalarString(pair.key) ?? '';
    const spec = (TARGET_SCHEMA as Record<string, (typeof TARGET_SCHEMA)[TargetKey]>)[key];
    if (!spec) {
      report(pair.key, `Unknown target "${key}"; expected one of ${TARGET_KEYS.join(', ')}.`);
      continue;
    }
    const targets = config.targets as Record<string, unknown>;
    if (spec.type === 'enum') {
      const value = scalarText(pair.value, reader.text);
      if (value !== undefined && spec.values!.includes(value)) targets[key] = value;
      else report(pair.value, `targets.${key} must be one of ${spec.values!.map((v) => `"${v}"`).join(', ')}.`);
    } else if (spec.type === 'number') {
      const value = numberIn(pair.value, spec);
      if (value === undefined) report(pair.value, `targets.${key} must be a number ${boundsText(spec)}.`);
      else targets[key] = value;
    } else {
      if (!isMap(pair.value)) {
        report(pair.value, `targets.${key} must be { min, max } in days.`);
        continue;
      }
      const range: Partial<{ min: number; max: number }> = {};
      let valid = true;
      for (const entry of pairsOf(pair.value, reader)) {
        const side = scalarString(entry.key);
        const value = numberIn(entry.value, spec);
        if (side !== 'min' && side !== 'max') {
          report(entry.key, `targets.${key} takes min and max.`);
          valid = false;
        } else if (value === undefined) {
          report(entry.value, `targets.${key}.${side} must be a number ${boundsText(spec)}.`);
          valid = false;
        } else range[side] = value;
      }
      if (!valid) continue;
      if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
        report(pair.value, `targets.${key}: min must not exceed max.`);
        continue;
      }
      targets[key] = range;
    }
    reader.locate(`targets.${key}`, pair.value);
  }
}

function numberIn(node: Node | null, spec: (typeof TARGET_SCHEMA)[TargetKey]): number | undefined {
  const raw = isScalar(node) ? node.value : undefined;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
  if (spec.minimum !== undefined && (spec.exclusiveMinimum ? raw <= spec.minimum : raw < spec.minimum)) return undefined;
  if (spec.maximum !== undefined && raw > spec.maximum) return undefined;
  return raw;
}

function boundsText(spec: (typeof TARGET_SCHEMA)[TargetKey]): string {
  const low = spec.exclusiveMinimum ? `over ${spec.minimum}` : `from ${spec.minimum}`;
  return spec.exclusiveMinimum ? `${low} and at most ${spec.maximum}` : `${low} to ${spec.maximum}`;
}

function readApproval(node: Node | null, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, `approval must map categories (${APPROVAL_KEYS.join(', ')}) to { status, name, date, notes }.`);
  for (const pair of pairsOf(node, reader)) {
    const key = scalarString(pair.key) ?? '';
    if (!(APPROVAL_KEYS as readonly string[]).includes(key)) {
      report(pair.key, `Unknown approval category "${key}"; expected one of ${APPROVAL_KEYS.join(', ')}.`);
      continue;
    }
    if (!isMap(pair.value)) {
      report(pair.value, `approval.${key} must be { status, name, date, notes }.`);
      continue;
    }
    const entry: Partial<ApprovalEntry> = {};
    let valid = true;
    for (const field of pairsOf(pair.value, reader)) {
      const name = scalarString(field.key);
      const value = scalarText(field.value, reader.text)?.trim();
      if (name === 'status') {
        if (value && (APPROVAL_STATUSES as readonly string[]).includes(value)) entry.status = value as ApprovalEntry['status'];
        else {
          report(field.value, `approval.${key}.status must be one of ${APPROVAL_STATUSES.join(', ')}.`);
          valid = false;
        }
      } else if ((name === 'name' || name === 'date' || name === 'notes') && value !== undefined) {
        entry[name] = value;
      } else {
        report(field.key, `approval.${key} takes status, name, date and notes (strings).`);
        valid = false;
      }
    }
    if (!valid) continue;
    const status = entry.status ?? 'pending';
    if (status !== 'pending' && (!entry.name || !entry.date)) {
      report(pair.key, `approval.${key} is ${status} but needs a name and a date; it is not applied until then.`);
      continue;
    }
    if (entry.date && !DATE.test(entry.date)) {
      report(pair.key, `approval.${key}.date must be a date (YYYY-MM-DD or DD/MM/YYYY); it is not applied until then.`);
      continue;
    }
    config.approval[key as ApprovalKey] = { ...entry, status };
  }
}

function readGates(node: Node | null, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, `gates must map ${GATE_KEYS.join(' and ')} to the share of applicable items (0 to 100) they need done.`);
  for (const pair of pairsOf(node, reader)) {
    const key = scalarString(pair.key) ?? '';
    if (!(GATE_KEYS as readonly string[]).includes(key)) {
      report(pair.key, `Unknown gate "${key}"; expected ${GATE_KEYS.join(' or ')} (the seed fixes the other gates).`);
      continue;
    }
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof raw === 'number' && raw >= 0 && raw <= 100) config.gates[key as GateKey] = raw;
    else report(pair.value, `gates.${key} must be a percentage from 0 to 100.`);
  }
}

function readCritical(node: Node | null, known: ReadonlySet<string> | undefined, reader: Reader) {
  const { config, report } = reader;
  if (node === null || node === undefined) return;
  if (!isMap(node)) return report(node, 'critical must be { add: [item ids], remove: [item ids] }.');
  for (const pair of pairsOf(node, reader)) {
    const key = scalarString(pair.key);
    if (key !== 'add' && key !== 'remove') {
      report(pair.key, 'critical takes add and remove (lists of checklist item ids).');
      continue;
    }
    if (!isSeq(pair.value)) {
      report(pair.value, `critical.${key} must be a list of checklist item ids.`);
      continue;
    }
    for (const item of pair.value.items as Node[]) {
      const id = scalarString(item);
      if (id === undefined || (known && !known.has(id)) || id.startsWith('signoff/')) report(item, `critical.${key}: "${id ?? ''}" is not a checklist item id.`);
      else config.critical[key].push(id);
    }
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

/** A scalar as written: a plain number keeps its digits (`007`, `12345678901234567890`), other values as scalarString. */
function scalarText(node: unknown, text: string): string | undefined {
  if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'number' && node.range) return text.slice(node.range[0], node.range[1]);
  return scalarString(node);
}

function spanOf(node: Node | null | undefined): Span {
  const range = node?.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: Math.max(range[1], range[0]) };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function suggestion(id: string | undefined, known: readonly string[]): string {
  if (!id) return '';
  const tail = id.split('/').pop() ?? id;
  const close = known.find((candidate) => candidate.endsWith(`/${tail}`) || candidate.includes(tail));
  return close ? ` Did you mean "${close}"?` : '';
}
