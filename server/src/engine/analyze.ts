import type { RuleConfig } from './config';
import { formatMessage, optionDefaults, type Fixer, type ParsedFile, type Rule, type RuleMeta, type WorkspaceView } from './rule';
import { parseSuppressions, type Suppression } from './suppressions';
import { lineIndexOf, type LineIndex } from './text';
import { categoryOfItem, type BaseModel, type Category, type Finding, type Inspection, type Severity, type Span, type TextEdit } from './types';
import { t, type Locale } from '../i18n';

/** Findings the engine itself raises; they have ids too so they can be filtered and documented. */
export const ENGINE_RULES = {
  syntax: 'readiness/syntax',
  ruleError: 'readiness/rule-error',
  unusedSuppression: 'readiness/unused-suppression',
  suppressionReason: 'readiness/suppression-reason',
  config: 'readiness/config',
} as const;


export interface AnalysisSettings {
  /** Per-rule severity and options, already merged from `.readiness.yml` and editor settings. */
  rules?: Record<string, RuleConfig>;
  locale?: Locale;
}

export interface AnalyzeInput<M extends BaseModel> {
  model: M;
  rules: readonly Rule<any>[];
  settings?: AnalysisSettings;
  workspace?: WorkspaceView;
}

const fixer: Fixer = {
  insertAt: (offset, text) => ({ start: offset, end: offset, newText: text }),
  replace: (span, text) => ({ start: span.start, end: span.end, newText: text }),
  remove: (span) => ({ start: span.start, end: span.end, newText: '' }),
};

export function effectiveSeverity(meta: RuleMeta, settings: AnalysisSettings | undefined): Severity | 'off' {
  return settings?.rules?.[meta.id]?.severity ?? meta.severity;
}

export function singleFileWorkspace(file: ParsedFile): WorkspaceView {
  return {
    files: (kind) => (kind === undefined || kind === file.kind ? [file] : []),
    get: (path) => (path === file.path ? file : undefined),
  };
}

/** What the rules found in one file, and what they looked at (the proof behind a clean run). */
export interface FileAnalysis {
  findings: Finding[];
  inspected: Inspection[];
}

interface RuleRun {
  findings: Finding[];
  inspected: Inspection[];
}

/**
 * Results of the rules that look at one file only, per model (one model per text version) and
 * settings object: when another file changes, only the cross-file rules of this one run again.
 */
const singleFileResults = new WeakMap<BaseModel, { settings: AnalysisSettings | undefined; enabledKey: string; byRule: Map<string, RuleRun> }>();

/** The findings of `analyzeFile`, for callers that do not score the checklist. */
export function analyzeModel<M extends BaseModel>(input: AnalyzeInput<M>): Finding[] {
  return analyzeFile(input).findings;
}

/**
 * Runs every enabled rule of the model's kind and applies suppressions. Pure: the same model,
 * rules, settings and workspace always give the same findings and inspections.
 */
export function analyzeFile<M extends BaseModel>({ model, rules, settings, workspace }: AnalyzeInput<M>): FileAnalysis {
  const lines = lineIndexOf(model);
  const view = workspace ?? singleFileWorkspace({ path: model.path, kind: model.kind, model });
  const locale = settings?.locale ?? 'en';
  const findings: Finding[] = model.errors.map((error) => ({
    ruleId: ENGINE_RULES.syntax,
    severity: 'error' as const,
    message: error.message,
    path: model.path,
    span: error.span,
    range: lines.rangeOf(error.span),
  }));
  const inspected: Inspection[] = [];

  const enabledIds = rules.filter((rule) => rule.meta.kind === model.kind && effectiveSeverity(rule.meta, settings) !== 'off').map((rule) => rule.meta.id);
  const enabled = new Set(enabledIds);
  const isEnabled = (ruleId: string) => enabled.has(ruleId);
  // A rule may ask which others run (isEnabled), so results hold for one settings object and one set of enabled rules.
  const enabledKey = enabledIds.join('\u0000');
  const known = singleFileResults.get(model);
  const memo = known && known.settings === settings && known.enabledKey === enabledKey ? known : { settings, enabledKey, byRule: new Map<string, RuleRun>() };
  singleFileResults.set(model, memo);

  for (const rule of rules) {
    if (rule.meta.kind !== model.kind) continue;
    const severity = effectiveSeverity(rule.meta, settings);
    if (severity === 'off') continue;
    const remembered = rule.meta.crossFile ? undefined : memo.byRule.get(rule.meta.id);
    if (remembered) {
      findings.push(...remembered.findings);
      inspected.push(...remembered.inspected);
      continue;
    }
    const configured = settings?.rules?.[rule.meta.id]?.options;
    const options = configured ? { ...defaultOptions(rule.meta), ...configured } : defaultOptions(rule.meta);
    // Looked up for the first finding: most rules report none on most files.
    let category: Category | undefined;
    const run: RuleRun = { findings: [], inspected: [] };
    try {
      rule.check(model, {
        model,
        lines,
        options,
        workspace: view,
        isEnabled,
        report(descriptor) {
          // A rule may walk other files (an nginx include tree); each file reports its own findings.
          if (descriptor.path !== undefined && descriptor.path !== model.path) return;
          const template = localizedTemplate(rule.meta, 'messages', descriptor.messageId, locale);
          const edits = descriptor.fix?.(fixer);
          const editList: TextEdit[] = edits ? (Array.isArray(edits) ? edits : [edits]) : [];
          const fixTitle = descriptor.fixTitleId ? formatMessage(localizedTemplate(rule.meta, 'fixTitles', descriptor.fixTitleId, locale), descriptor.data) : undefined;
          category ??= categoryOfItem(rule.meta.checklistItem);
          run.findings.push({
            ruleId: rule.meta.id,
            messageId: descriptor.messageId,
            severity: descriptor.atMost ? lowerSeverity(severity, descriptor.atMost) : severity,
            ...(descriptor.atMost ? { atMost: descriptor.atMost } : {}),
            message: formatMessage(template, descriptor.data),
            path: model.path,
            span: descriptor.span,
            range: lines.rangeOf(descriptor.span),
            category,
            checklistItem: rule.meta.checklistItem,
            fix: editList.length ? { title: fixTitle ?? defaultFixTitle(rule.meta, locale), edits: editList } : undefined,
          });
        },
        inspect(descriptor) {
          if (descriptor.path !== undefined && descriptor.path !== model.path) return;
          const { subject, name, span } = descriptor;
          // Written out rather than spread from conditional literals: this runs for every subject of every rule.
          const inspection: Inspection =
            name !== undefined
              ? { ruleId: rule.meta.id, subject, name, path: model.path, span, range: lines.rangeOf(span) }
              : { ruleId: rule.meta.id, subject, path: model.path, span, range: lines.rangeOf(span) };
          if (descriptor.unknown) inspection.unknown = true;
          run.inspected.push(inspection);
        },
      });
      findings.push(...run.findings);
      inspected.push(...run.inspected);
      if (!rule.meta.crossFile) memo.byRule.set(rule.meta.id, run);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      findings.push({
        ruleId: ENGINE_RULES.ruleError,
        severity: 'error',
        message: `Rule ${rule.meta.id} crashed on this file (${reason}); the other rules still ran.`,
        path: model.path,
        span: { start: 0, end: 0 },
        range: lines.rangeOf({ start: 0, end: 0 }),
      });
    }
  }
  return { findings: applySuppressions(findings, model.path, lines), inspected };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** The lower of two severities. */
export function lowerSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** "Fix: <rule title>", for a fix without a fixTitleId; formatted only for a finding that has a fix. */
function defaultFixTitle(meta: RuleMeta, locale: Locale): string {
  return t(locale, 'fix.default', { title: locale === 'pt-BR' ? meta.ptBR.title : meta.title });
}

/**
 * A rule's options when settings set none: its defaults, read once per rule (its meta is fixed) and
 * frozen, since every analysis shares them.
 */
const defaultsByMeta = new WeakMap<RuleMeta, Readonly<Record<string, unknown>>>();

function defaultOptions(meta: RuleMeta): Readonly<Record<string, unknown>> {
  let defaults = defaultsByMeta.get(meta);
  if (!defaults) {
    defaults = Object.freeze(optionDefaults(meta));
    defaultsByMeta.set(meta, defaults);
  }
  return defaults;
}

function localizedTemplate(meta: RuleMeta, table: 'messages' | 'fixTitles', id: string, locale: Locale): string {
  const template = (locale === 'pt-BR' ? meta.ptBR[table]?.[id] : undefined) ?? meta[table]?.[id];
  if (template === undefined) throw new Error(`unknown ${table === 'messages' ? 'messageId' : 'fixTitleId'} "${id}"`);
  return template;
}

/**
 * Drops findings covered by `readiness-ignore` comments, and reports comments
 * without a reason and comments that suppress nothing.
 */
export function applySuppressions(findings: Finding[], path: string, lines: LineIndex): Finding[] {
  const suppressions = parseSuppressions(lines);
  if (suppressions.length === 0) return findings;
  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const line = finding.range.start.line;
    const suppression = suppressions.find(
      (candidate) =>
        candidate.reason !== '' &&
        candidate.ruleIds.includes(finding.ruleId) &&
        (candidate.wholeFile || candidate.targetLine === line),
    );
    if (suppression) used.add(suppression);
    else kept.push(finding);
  }
  for (const suppression of suppressions) {
    if (suppression.reason === '') {
      kept.push(engineFinding(ENGINE_RULES.suppressionReason, 'warning', 'This suppression has no reason; add one after "--" (it is not applied until then).', path, suppression.span, lines));
    } else if (!used.has(suppression)) {
      const finding = engineFinding(
        ENGINE_RULES.unusedSuppression,
        'hint',
        `This suppression of ${suppression.ruleIds.join(', ') || 'no rule'} matches no finding; remove it.`,
        path,
        suppression.span,
        lines,
      );
      finding.unnecessary = true;
      finding.fix = { title: 'Remove the unused suppression', edits: [removeLineEdit(lines, suppression.span)] };
      kept.push(finding);
    }
  }
  return kept;
}

function removeLineEdit(lines: LineIndex, span: Span): TextEdit {
  const line = lines.positionAt(span.start).line;
  const lineStart = lines.lineStart(line);
  const before = lines.text.slice(lineStart, span.start);
  if (before.trim() !== '') return { start: span.start - (before.length - before.trimEnd().length), end: span.end, newText: '' };
  const nextStart = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.lineEnd(line);
  return { start: lineStart, end: nextStart, newText: '' };
}

export function engineFinding(ruleId: string, severity: Severity, message: string, path: string, span: Span, lines: LineIndex): Finding {
  return { ruleId, severity, message, path, span, range: lines.rangeOf(span) };
}

/**
 * Applies non-overlapping edits to a text, as LSP clients do: from the end backwards so offsets stay
 * valid, and inserts at the same offset appear in the order of the array.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.order - a.order)
    .map(({ edit }) => edit);
  let result = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > lastStart) continue;
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    lastStart = edit.start;
  }
  return result;
}
