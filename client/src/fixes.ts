/**
 * Quick fixes where the cursor is: a fix applied from the lightbulb or from the panel moves the
 * cursor to the text it inserted and scrolls there, so an edit at the far end of a long spec is
 * never invisible. The panel's "apply the fix" asks the server for the finding's code actions, as
 * the lightbulb does, and applies the rule's own fix.
 */
import * as vscode from 'vscode';
import type { ChecklistFinding } from '../../server/src/checklist/types';

export const REVEAL_EDIT_COMMAND = 'readiness.revealEdit';

/** How long the panel waits for the server to publish a file's diagnostics after opening it. */
const DIAGNOSTICS_DEADLINE_MS = 15_000;

/** Where an edit's new text ends up once applied: the first edit that inserts something, without its surrounding line breaks. */
export function insertedRange(edits: readonly vscode.TextEdit[]): vscode.Range | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start.compareTo(b.range.start));
  let lineShift = 0;
  for (const edit of sorted) {
    const text = edit.newText;
    if (text.trim()) {
      const leading = /^(?:\r?\n)*/.exec(text)![0];
      const body = text.slice(leading.length).replace(/(?:\r?\n)+$/, '');
      const leadingLines = leading.split('\n').length - 1;
      const start = leadingLines > 0 ? new vscode.Position(edit.range.start.line + lineShift + leadingLines, 0) : edit.range.start.translate(lineShift);
      const lines = body.split(/\r?\n/);
      const end = lines.length === 1 ? start.translate(0, lines[0].length) : new vscode.Position(start.line + lines.length - 1, lines[lines.length - 1].length);
      return new vscode.Range(start, end);
    }
    lineShift += text.split('\n').length - 1 - (edit.range.end.line - edit.range.start.line);
  }
  return undefined;
}

/** Adds "reveal what was inserted" to a code action with an edit on `uri`; the editor runs it after applying the edit. */
export function withReveal(action: vscode.CodeAction, uri: vscode.Uri): vscode.CodeAction {
  if (action.command || !action.edit) return action;
  const range = insertedRange(action.edit.get(uri));
  if (range) action.command = { command: REVEAL_EDIT_COMMAND, title: action.title, arguments: [uri.toString(), range] };
  return action;
}

export async function revealEdit(uri: string, range: vscode.Range): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri) ?? (await vscode.window.showTextDocument(vscode.Uri.parse(uri)));
  const target = editor.document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function matches(diagnostic: vscode.Diagnostic, finding: ChecklistFinding, range: vscode.Range): boolean {
  return diagnostic.source === 'readiness' && codeOf(diagnostic) === finding.ruleId && diagnostic.range.isEqual(range);
}

/** The server's diagnostic for a finding, waiting (with a deadline) for the file's diagnostics to arrive. */
function diagnosticFor(uri: vscode.Uri, finding: ChecklistFinding, range: vscode.Range): Promise<vscode.Diagnostic | undefined> {
  const find = () => vscode.languages.getDiagnostics(uri).find((diagnostic) => matches(diagnostic, finding, range));
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(undefined), DIAGNOSTICS_DEADLINE_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        const diagnostic = find();
        if (diagnostic) finish(diagnostic);
      }
    });
    function finish(diagnostic: vscode.Diagnostic | undefined) {
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostic);
    }
  });
}

/**
 * Opens the finding and applies its rule's quick fix, then reveals the inserted text. Returns
 * false (the file stays open at the finding) when the finding is gone or offers no fix any more.
 */
export async function applyFindingFix(uri: vscode.Uri, finding: ChecklistFinding): Promise<boolean> {
  const { start, end } = finding.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(uri, { selection: range, preview: false });
  const diagnostic = await diagnosticFor(uri, finding, range);
  if (!diagnostic) return false;
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  // The provider was asked for this diagnostic's range only; the command's results carry no diagnostics to match on, so the title (the server's, in the same language) picks the rule's fix.
  const fix = actions.find((action): action is vscode.CodeAction => 'edit' in action && action.edit !== undefined && action.title === finding.fix?.title);
  if (!fix?.edit) return false;
  if (!(await vscode.workspace.applyEdit(fix.edit))) return false;
  const inserted = insertedRange(fix.edit.get(uri));
  if (inserted) await revealEdit(uri.toString(), inserted);
  return true;
}
