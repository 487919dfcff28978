import * as vscode from 'vscode';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { hasContent } from './checklistTree';
import { percent, statusBarText, verdictLabel } from './labels';

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
    if (state.kind === 'loading' || !hasContent(state.report)) {
      item.hide();
      return;
    }
    const report = state.report;
    item.text = statusBarText(report);
    item.tooltip = vscode.l10n.t('Weighted score {0}, {1}/{2} gates passed: {3}. Click to open the checklist.', percent(report.score), report.gatesPassed, report.gatesTotal, verdictLabel(report));
    item.backgroundColor = undefined;
    item.show();
  };
  update(store.state);
  return vscode.Disposable.from(item, store.onDidChange(update));
}
