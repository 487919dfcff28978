import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { AttestParams, EditResult, ReportParams, SignOffResult } from '../../server/src/checklist/types';
import { errorMessage, type ChecklistStore } from './checklistStore';
import { FindingNode, ItemNode, SignOffNode, type ChecklistNode, type ChecklistTreeProvider } from './checklistTree';
import { todayIso } from './labels';

interface CommandContext {
  store: ChecklistStore;
  tree: ChecklistTreeProvider;
  view: vscode.TreeView<ChecklistNode>;
  /** `repository.url` from package.json, without `git+` and `.git`. */
  repositoryUrl: string;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const register = (id: string, run: (...args: any[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await run(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Production Readiness: {0}', errorMessage(error)));
      }
    });
  return [
    register('readiness.refresh', () => ctx.store.refresh()),
    register('readiness.showOnlyFailing', () => ctx.tree.setOnlyFailing(true)),
    register('readiness.showAll', () => ctx.tree.setOnlyFailing(false)),
    register('readiness.markDone', (node?: ChecklistNode) => attest(ctx, node, 'done')),
    register('readiness.markNotApplicable', (node?: ChecklistNode) => attest(ctx, node, 'na')),
    register('readiness.markTodo', (node?: ChecklistNode) => attest(ctx, node, 'todo')),
    register('readiness.signOff', (node?: ChecklistNode) => signOff(ctx, node)),
    register('readiness.openRuleDocs', (node?: ChecklistNode) => openRuleDocs(ctx, node)),
    register('readiness.exportReport', () => exportReport(ctx)),
    register('readiness.showPanel', () => vscode.commands.executeCommand('readiness.checklist.focus')),
  ];
}

/** The node a context-menu command runs on, or the tree's selection when run from a keybinding. */
function target<T extends ChecklistNode>(ctx: CommandContext, node: ChecklistNode | undefined, type: new (...args: any[]) => T): T | undefined {
  const candidate = node ?? ctx.view.selection[0];
  return candidate instanceof type ? candidate : undefined;
}

async function attest(ctx: CommandContext, node: ChecklistNode | undefined, status: AttestParams['status']): Promise<void> {
  const item = target(ctx, node, ItemNode);
  if (!item) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a checklist item first.'));
    return;
  }
  const params: AttestParams = { itemId: item.item.id, status, by: currentUser() };
  if (status !== 'todo') {
    const note = await vscode.window.showInputBox({
      title: status === 'done' ? vscode.l10n.t('Mark "{0}" as done', item.item.title) : vscode.l10n.t('Mark "{0}" as not applicable', item.item.title),
      prompt: status === 'na' ? vscode.l10n.t('Why it does not apply (required), stored in .readiness.yml') : vscode.l10n.t('Optional note, stored in .readiness.yml'),
      placeHolder: status === 'done' ? vscode.l10n.t('e.g. link to the runbook') : vscode.l10n.t('e.g. why it does not apply'),
      validateInput: (value) => (status === 'na' && !value.trim() ? vscode.l10n.t('A reason is required to mark an item not applicable.') : undefined),
    });
    if (note === undefined) return;
    if (note.trim()) params.note = note.trim();
  }
  showEditResult(await ctx.store.attest(params));
}

async function signOff(ctx: CommandContext, node: ChecklistNode | undefined): Promise<void> {
  const report = ctx.store.report;
  if (!report) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The checklist is not loaded yet.'));
    return;
  }
  let signoff: SignOffResult | undefined = target(ctx, node, SignOffNode)?.signoff;
  if (!signoff) {
    const picked = await vscode.window.showQuickPick(
      report.signoffs.map((entry) => ({
        label: entry.title,
        description: entry.name ? [entry.name, entry.date].filter(Boolean).join(' · ') : vscode.l10n.t('pending'),
        signoff: entry,
      })),
      { title: vscode.l10n.t('Sign off'), placeHolder: vscode.l10n.t('Which role signs off?') },
    );
    signoff = picked?.signoff;
  }
  if (!signoff) return;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign off as {0}', signoff.title),
    prompt: vscode.l10n.t('Name of the person signing off'),
    value: signoff.name ?? '',
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A name is required.')),
  });
  if (name === undefined) return;
  showEditResult(await ctx.store.signOff({ role: signoff.role, name: name.trim(), date: todayIso() }));
}

async function openRuleDocs(ctx: CommandContext, node: ChecklistNode | undefined): Promise<void> {
  const finding = target(ctx, node, FindingNode);
  if (!finding) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a finding first.'));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(`${ctx.repositoryUrl}/blob/main/docs/rules/${finding.finding.ruleId}.md`));
}

const REPORT_FORMATS: { format: ReportParams['format']; extension: string; label: string }[] = [
  { format: 'markdown', extension: 'md', label: 'Markdown' },
  { format: 'html', extension: 'html', label: 'HTML' },
  { format: 'json', extension: 'json', label: 'JSON' },
];

async function exportReport(ctx: CommandContext): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    REPORT_FORMATS.map((entry) => ({ label: entry.label, description: `.${entry.extension}`, entry })),
    { title: vscode.l10n.t('Export readiness report'), placeHolder: vscode.l10n.t('Report format') },
  );
  if (!picked) return;
  const { format, extension, label } = picked.entry;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export readiness report'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, `readiness-report.${extension}`) : undefined,
    filters: { [label]: [extension] },
  });
  if (!target) return;
  const text = await ctx.store.exportReport({ format });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Readiness report saved to {0}.', vscode.workspace.asRelativePath(target)), open);
  if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
}

function showEditResult(result: EditResult): void {
  if (!result.ok) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('.readiness.yml was not changed: {0}', result.error ?? vscode.l10n.t('the server refused the edit.')),
    );
  }
}

function currentUser(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    // Containers without a passwd entry for the uid throw here; the attestation is still valid without a name.
    return undefined;
  }
}
