import { CodeAction, type CodeActionParams, type Connection, type FoldingRange, type FoldingRangeParams, type Position, type Range, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, lineIndexOf } from '../../engine/text';
import { kindSupport } from '../../kinds';
import type { ReadinessService } from '../../service';
import { codeActionsFor, SOURCE, toDiagnostic, type DiagnosticData } from '../convert';
import { pathOf, type UriTable } from '../paths';
import type { DiagnosticsPublisher } from './diagnostics';

/** Document events, code actions and folding: the handlers of the text documents themselves. */
export function registerDocumentHandlers(connection: Connection, documents: TextDocuments<TextDocument>, service: ReadinessService, publisher: DiagnosticsPublisher, uris: UriTable): void {
  documents.onDidChangeContent(({ document }) => {
    const path = pathOf(document.uri);
    if (!path) return;
    const opening = !service.isOpen(path);
    uris.remember(path, document.uri);
    const affected = service.setDocument(path, document.getText(), document.version, document.languageId);
    // A document just opened is published at once; edits wait for typing to pause.
    const delay = opening ? 0 : service.editorSettings.debounceMs;
    publisher.schedule(document.uri, delay);
    for (const other of affected) if (other !== path) publisher.schedule(uris.uriOf(other), delay);
  });

  documents.onDidClose(({ document }) => {
    const path = pathOf(document.uri);
    publisher.cancel(document.uri);
    if (path) {
      for (const other of service.closeDocument(path)) if (other !== path) publisher.schedule(uris.uriOf(other), 0);
      uris.forget(path);
    }
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    await service.started;
    return codeActions(params, documents, service);
  });

  connection.onFoldingRanges(async (params) => {
    await service.started;
    return foldingRanges(params, service);
  });
}

/**
 * The actions for the diagnostics the client sends. A diagnostic computed for an older version
 * of the document (the user typed since) is looked up again in the current text: its fix and
 * suppression lines are recomputed there, or it gets no action when the finding is gone.
 */
function codeActions(params: CodeActionParams, documents: TextDocuments<TextDocument>, service: ReadinessService): CodeAction[] {
  const document = documents.get(params.textDocument.uri);
  const path = pathOf(params.textDocument.uri);
  if (!document || !path) return [];
  const version = document.version;
  const kind = service.kindOf(path);
  const prefix = kind ? kindSupport(kind).commentPrefix : '#';
  const lines = new LineIndex(document.getText());
  const identifier = { uri: document.uri, version };
  const locale = service.locale;
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction) => {
    const key = JSON.stringify([action.title, action.edit]);
    if (!seen.has(key)) actions.push(action), seen.add(key);
  };
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== SOURCE || !data) continue;
    if (data.version === version) {
      for (const action of codeActionsFor(diagnostic, identifier, lines, prefix, locale)) add(action);
      continue;
    }
    const report = service.fileReport(path);
    if (report.state !== 'findings' || report.lines.text !== lines.text) continue;
    for (const finding of report.findings) {
      if (finding.ruleId !== data.ruleId || !rangesOverlap(finding.range, params.range)) continue;
      for (const action of codeActionsFor(toDiagnostic(finding, report.lines, version, locale), identifier, lines, prefix, locale)) add(action);
    }
  }
  return actions;
}

function foldingRanges({ textDocument }: FoldingRangeParams, service: ReadinessService): FoldingRange[] | null {
  const path = pathOf(textDocument.uri);
  const kind = path ? service.kindOf(path) : undefined;
  const fold = kind ? kindSupport(kind).foldingRanges : undefined;
  const model = path ? service.modelOf(path) : undefined;
  if (!fold || !model) return null;
  const lines = lineIndexOf(model);
  return fold(model)
    .map((span) => ({ startLine: lines.positionAt(span.start).line, endLine: lines.positionAt(span.end).line - 1 }))
    .filter((range) => range.endLine > range.startLine);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges that share a position (an empty range touching the other counts). */
function rangesOverlap(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
