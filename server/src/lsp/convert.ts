import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type OptionalVersionedTextDocumentIdentifier,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { ENGINE_RULES } from '../engine/analyze';
import { ruleDocsUrl } from '../engine/docs';
import { suppressionComment } from '../engine/suppressions';
import type { LineIndex } from '../engine/text';
import type { Finding, Severity } from '../engine/types';
import { t, type Locale } from '../i18n';

export const SOURCE = 'readiness';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries so that code actions need no second lookup. */
export interface DiagnosticData {
  ruleId: string;
  /**
   * The document version the diagnostic (and its fix) was computed for: a code action for another
   * version is recomputed for the current text, never applied to it.
   */
  version: number;
  fix?: { title: string; edits: LspTextEdit[] };
  /** False for engine findings that cannot be suppressed (syntax errors, config problems). */
  suppressible: boolean;
}

/** Rule findings link to their doc page; engine findings (syntax, config) have none. */
export function toDiagnostic(finding: Finding, lines: LineIndex, version: number, locale: Locale): Diagnostic {
  const isRule = !finding.ruleId.startsWith('readiness/');
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    version,
    suppressible: isRule,
    fix: finding.fix && {
      title: finding.ruleId === ENGINE_RULES.unusedSuppression ? t(locale, 'fix.removeUnusedSuppression') : finding.fix.title,
      edits: finding.fix.edits.map((edit) => ({ range: lines.rangeOf(edit), newText: edit.newText })),
    },
  };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: isRule ? { href: ruleDocsUrl(finding.ruleId) } : undefined,
    message: finding.message,
    tags: finding.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
    data,
  };
}

export function skippedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'readiness/skipped',
    message: `Production readiness: ${reason}.`,
  };
}

/** Analysis of this version threw: say so on the new version rather than leave the old version's findings. */
export function analysisFailedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'readiness/analysis-failed',
    message: reason,
  };
}

export function unavailableDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'readiness/unavailable',
    message: reason,
  };
}

/**
 * Quick fixes for a diagnostic: its own fix (preferred when it is the only one), then "Ignore for
 * this line" and "Ignore for this file", which insert a suppression comment with a reason to fill in.
 */
export function codeActionsFor(
  diagnostic: Diagnostic,
  document: OptionalVersionedTextDocumentIdentifier,
  lines: LineIndex,
  commentPrefix: string,
  locale: Locale,
): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (diagnostic.source !== SOURCE || !data) return [];
  const edit = (edits: LspTextEdit[]) => ({ documentChanges: [{ textDocument: document, edits }] });
  const actions: CodeAction[] = [];
  if (data.fix) {
    const action = CodeAction.create(data.fix.title, edit(data.fix.edits), CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = data.ruleId !== ENGINE_RULES.unusedSuppression;
    actions.push(action);
  }
  if (!data.suppressible) return actions;

  const line = diagnostic.range.start.line;
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const eol = lines.eol;
  const lineAction = CodeAction.create(
    t(locale, 'fix.ignoreLine', { ruleId: data.ruleId }),
    edit([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: indent + suppressionComment(commentPrefix, data.ruleId, false) + eol }]),
    CodeActionKind.QuickFix,
  );
  lineAction.diagnostics = [diagnostic];
  const top = fileSuppressionLine(lines, commentPrefix);
  const fileAction = CodeAction.create(
    t(locale, 'fix.ignoreFile', { ruleId: data.ruleId }),
    edit([{ range: { start: { line: top, character: 0 }, end: { line: top, character: 0 } }, newText: suppressionComment(commentPrefix, data.ruleId, true) + eol }]),
    CodeActionKind.QuickFix,
  );
  fileAction.diagnostics = [diagnostic];
  actions.push(lineAction, fileAction);
  return actions;
}

/** After a shebang and Dockerfile parser directives (`# syntax=`), which must stay first. */
function fileSuppressionLine(lines: LineIndex, commentPrefix: string): number {
  let line = 0;
  while (line < lines.lineCount) {
    const text = lines.lineText(line);
    if (text.startsWith('#!') || (commentPrefix === '#' && /^#\s*(syntax|escape|check)\s*=/i.test(text))) line++;
    else break;
  }
  return line;
}
