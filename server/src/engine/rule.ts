import type { BaseModel, FileKind, Severity, Span, Subject, TextEdit } from './types';
import type { LineIndex } from './text';

export type RuleOptionSpec =
  | { type: 'number'; default: number; description: string; minimum?: number }
  | { type: 'string'; default: string; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string[]'; default: string[]; description: string };

export interface RuleMeta {
  /** Readable, stable id: `<kind prefix>/<name>`; also the file name, test name and doc page. */
  id: string;
  kind: FileKind;
  title: string;
  /** One or two sentences: what the rule checks and why it matters in production. */
  description: string;
  /**
   * Checklist item id from the seed's catalog, e.g. `deployment/docker-security-context`. The rule's
   * category and criticality are its item's (`categoryOfItem`, the catalog): never a field of its own.
   */
  checklistItem: string;
  /** Default severity. */
  severity: Severity;
  /** Message templates by id; `{{name}}` is replaced from the report's data. Each ends with a period. */
  messages: Record<string, string>;
  /** Quick-fix titles by id, imperative, no final period (`Add a HEALTHCHECK`); `{{name}}` as in messages. */
  fixTitles?: Record<string, string>;
  fixable: boolean;
  options?: Record<string, RuleOptionSpec>;
  /** True when findings depend on other files of the workspace (module, namespace, index). */
  crossFile?: boolean;
  /**
   * Rules whose findings the fix may bring to light because it makes them apply: the next step,
   * not a defect of the fix (two replicas need a PodDisruptionBudget). Generic fix checks allow these.
   */
  fixReveals?: string[];
  /** Short examples for the generated doc page. */
  examples?: { bad: string; good: string };
  /** The pt-BR translation of title, description and every message. */
  ptBR: { title: string; description: string; messages: Record<string, string>; fixTitles?: Record<string, string> };
}

/** Builds text edits from offsets; rules never compute line/column themselves. */
export interface Fixer {
  insertAt(offset: number, text: string): TextEdit;
  replace(span: Span, text: string): TextEdit;
  remove(span: Span): TextEdit;
}

export interface ReportDescriptor {
  span: Span;
  messageId: string;
  /** Values for the message's and the fix title's `{{placeholders}}`. */
  data?: Record<string, string | number>;
  /**
   * Caps this finding's severity (it lowers the configured one, never raises it): for a finding that
   * records a deliberate decision rather than a defect (`automountServiceAccountToken: true` written
   * out, an entrypoint that drops privileges), which the rule reports "at most as information".
   */
  atMost?: 'information' | 'hint';
  /** Id of the quick fix's title in `meta.fixTitles`; defaults to the rule's title prefixed with "Fix:". */
  fixTitleId?: string;
  fix?: (fixer: Fixer) => TextEdit | TextEdit[] | null | undefined;
  /**
   * The file the span belongs to, when a rule walks more than the analyzed file (an nginx include
   * tree). Only findings in the analyzed file are kept: every file reports its own findings.
   */
  path?: string;
}

export interface ParsedFile<M extends BaseModel = BaseModel> {
  path: string;
  kind: FileKind;
  model: M;
}

/** What a rule may see of the rest of the workspace: other parsed files, by kind or path. */
export interface WorkspaceView {
  files(kind?: FileKind): ParsedFile[];
  get(path: string): ParsedFile | undefined;
  /** Raw text of any file (not only supported ones), for includes and evidence; undefined if absent. */
  readText?(path: string): string | undefined;
  /** Paths matching a glob, for nginx `include` patterns. */
  glob?(pattern: string): string[];
  /**
   * True when a path lies inside the workspace (one of its folders), the only place a rule may
   * follow a reference to (an nginx `include`). Without it, nginx resolves includes only below the
   * folder of the configuration that names them.
   */
  contains?(path: string): boolean;
  /**
   * The same object for every state of one workspace (views of other workspaces have others):
   * what a rule derives from one state may be updated for the next instead of rebuilt.
   */
  lineage?: object;
}

export interface RuleContext<M extends BaseModel = BaseModel> {
  readonly model: M;
  readonly lines: LineIndex;
  readonly options: Readonly<Record<string, unknown>>;
  readonly workspace: WorkspaceView;
  report(descriptor: ReportDescriptor): void;
  /**
   * Records a subject the rule checked (every container, stage, server, database ... it looked at,
   * whether or not it reports a finding on it). This is the proof behind a satisfied checklist item.
   * `path` as in ReportDescriptor: subjects of other files are ignored.
   */
  inspect(subject: InspectDescriptor): void;
  /**
   * Whether another rule runs in this analysis of the file: one of the analyzed rules, of the file's
   * kind, not switched off in settings. Rules that share one finding (a group) name only members that
   * run. Optional so that a context wrapping another can leave it out; absent means "assume it runs".
   */
  isEnabled?(ruleId: string): boolean;
}

export interface InspectDescriptor {
  subject: Subject;
  span: Span;
  name?: string;
  path?: string;
  /**
   * The rule looked at the subject but could not judge it: what it checks depends on a value the
   * files cannot show (a variable the caller sets, an include the workspace lacks). Unknown is not
   * missing, and it is not proof either: the checklist lists such subjects but they prove nothing.
   */
  unknown?: boolean;
}

export interface Rule<M extends BaseModel = BaseModel> {
  meta: RuleMeta;
  check(model: M, context: RuleContext<M>): void;
}

export function defineRule<M extends BaseModel>(rule: Rule<M>): Rule<M> {
  return rule;
}

export function optionDefaults(meta: RuleMeta): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(meta.options ?? {})) defaults[name] = spec.default;
  return defaults;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}
