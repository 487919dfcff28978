import * as vscode from 'vscode';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { headlineParts, headlineText, verdictLabel } from './labels';
import { hasScore } from './viewModel';

/** "Readiness 9.1% proven · 118 items to verify · 5 gates open": what is proven next to what is unknown. */
export function createStatusBar(store: ChecklistStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('readiness.status', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Production Readiness');
  item.command = 'readiness.showPanel';
  const update = (state: ChecklistState) => {
    if (state.kind === 'error') {
      item.text = vscode.l10n.t('$(checklist) Readiness unavailable');
      item.tooltip = state.message;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      return;
    }
    if (state.kind === 'loading' || !hasScore(state.report)) {
      item.hide();
      return;
    }
    const report = state.report;
    item.text = `$(checklist) ${headlineParts(report).join(' · ')}`;
    item.tooltip = vscode.l10n.t('{0}: {1}. Click to open the checklist.', headlineText(report), verdictLabel(report));
    item.backgroundColor = undefined;
    item.show();
  };
  update(store.state);
  return vscode.Disposable.from(item, store.onDidChange(update));
}
