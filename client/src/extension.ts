import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistStore, errorMessage } from './checklistStore';
import { ChecklistTreeProvider } from './checklistTree';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { createStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  const store = new ChecklistStore(client);
  const tree = new ChecklistTreeProvider(store);
  const view = vscode.window.createTreeView('readiness.checklist', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    client,
    store,
    tree,
    view,
    createStatusBar(store),
    store.onDidChange(() => {
      const report = store.report;
      const failing = report?.categories.reduce((sum, category) => sum + category.counts.failing, 0) ?? 0;
      view.badge = failing ? { value: failing, tooltip: vscode.l10n.t('{0} failing checklist items', failing) } : undefined;
    }),
    ...registerCommands({ store, tree, view, repositoryUrl: repositoryUrl(context) }),
  );
  void vscode.commands.executeCommand('setContext', 'readiness.onlyFailing', false);
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

function repositoryUrl(context: vscode.ExtensionContext): string {
  const repository: unknown = context.extension.packageJSON.repository;
  const url = typeof repository === 'string' ? repository : (repository as { url?: string } | undefined)?.url ?? '';
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
}
