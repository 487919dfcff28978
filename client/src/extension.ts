import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { ChecklistStore, errorMessage } from './checklistStore';
import { ChecklistTreeProvider } from './checklistTree';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { format, headlineText } from './labels';
import { RuleDocs } from './ruleDocs';
import { createStatusBar } from './statusBar';
import { hasScore } from './viewModel';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const docs = new RuleDocs(context);
  client = createLanguageClient(context, docs);
  const store = new ChecklistStore(client);
  const tree = new ChecklistTreeProvider(store);
  const view = vscode.window.createTreeView('readiness.checklist', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    client,
    store,
    tree,
    view,
    createStatusBar(store),
    store.onDidChange(() => updateView(view, store.report)),
    ...registerCommands({ store, tree, view, docs }),
  );
  void vscode.commands.executeCommand('setContext', 'readiness.onlyFailing', false);
  void vscode.commands.executeCommand('setContext', 'readiness.hasScore', false);
  watchConfigProblems(context, store);

  try {
    await client.start();
  } catch (error) {
    const message = errorMessage(error);
    store.fail(message);
    void vscode.window.showErrorMessage(vscode.l10n.t('The Production Readiness language server could not start: {0}', message));
    return;
  }
  await store.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** A malformed `.readiness.yml` is said once when it appears, not on every refresh. */
function watchConfigProblems(context: vscode.ExtensionContext, store: ChecklistStore): void {
  let shown = '';
  context.subscriptions.push(
    store.onDidChange(() => {
      const problems = store.report?.problems ?? [];
      const key = problems.join('\n');
      if (key && key !== shown) {
        const show = vscode.l10n.t('Show checklist');
        void vscode.window
          .showWarningMessage(vscode.l10n.t('.readiness.yml has problems; the rest of it still applies: {0}', problems[0]), show)
          .then((choice) => choice === show && vscode.commands.executeCommand('readiness.showPanel'));
      }
      shown = key;
    }),
  );
}

/** The header line, the badge, and whether Sign off and Export are offered (only with something to score). */
function updateView(view: vscode.TreeView<unknown>, report: ChecklistReport | undefined): void {
  const scored = report !== undefined && hasScore(report);
  view.message = scored ? headlineText(report) : undefined;
  const failing = scored ? report.categories.reduce((sum, category) => sum + category.counts.failing + category.counts.contradicted, 0) : 0;
  view.badge = failing ? { value: failing, tooltip: vscode.l10n.t('{0} failing checklist items', format.count(failing)) } : undefined;
  void vscode.commands.executeCommand('setContext', 'readiness.hasScore', scored);
}
