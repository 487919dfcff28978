import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { AttestParams, ChecklistFinding, ChecklistItemResult, EditResult, ReportParams, SignOffResult } from '../../server/src/checklist/types';
import { errorMessage, type ChecklistStore } from './checklistStore';
import {
  FindingNode,
  findingRange,
  findingUri,
  FixFirstEntryNode,
  ItemNode,
  ProofStepNode,
  RuleGroupNode,
  SignOffNode,
  SkippedFileNode,
  ToVerifyNode,
  type ChecklistNode,
  type ChecklistTreeProvider,
} from './checklistTree';
import { applyFindingFix, REVEAL_EDIT_COMMAND, revealEdit } from './fixes';
import { todayIso } from './labels';
import type { RuleDocs } from './ruleDocs';
import { hasScore } from './viewModel';

interface CommandContext {
  store: ChecklistStore;
  tree: ChecklistTreeProvider;
  view: vscode.TreeView<ChecklistNode>;
  docs: RuleDocs;
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
    register('readiness.showOnlyFailing', () => ctx.tree.setOnlyAttention(true)),
    register('readiness.showAll', () => ctx.tree.setOnlyAttention(false)),
    register('readiness.markDone', (node?: ChecklistNode) => attest(ctx, node, 'done')),
    register('readiness.markNotApplicable', (node?: ChecklistNode) => attest(ctx, node, 'na')),
    register('readiness.markTodo', (node?: ChecklistNode) => attest(ctx, node, 'todo')),
    register('readiness.signOff', (node?: ChecklistNode) => signOff(ctx, node)),
    register('readiness.openRuleDocs', (node?: ChecklistNode) => openRuleDocs(ctx, node, false)),
    register('readiness.openRuleDocsOnline', (node?: ChecklistNode) => openRuleDocs(ctx, node, true)),
    register('readiness.openFinding', (node?: ChecklistNode) => openFinding(ctx, node)),
    register('readiness.applyFix', (node?: ChecklistNode) => applyFix(ctx, node)),
    register('readiness.openSkippedSetting', (node?: ChecklistNode) => openSkippedSetting(ctx, node)),
    register(REVEAL_EDIT_COMMAND, (uri: string, range: vscode.Range) => revealEdit(uri, range)),
    register('readiness.exportReport', () => exportReport(ctx)),
    register('readiness.showPanel', () => vscode.commands.executeCommand('readiness.checklist.focus')),
  ];
}

/** The node a context-menu command runs on, or the tree's selection when run from a keybinding. */
function selected(ctx: CommandContext, node: ChecklistNode | undefined): ChecklistNode | undefined {
  return node ?? ctx.view.selection[0];
}

/** The checklist item a node is about: an item row, a "Fix first" entry, a step of its "To verify" list. */
function itemOf(node: ChecklistNode | undefined): ChecklistItemResult | undefined {
  if (node instanceof ItemNode || node instanceof FixFirstEntryNode || node instanceof ProofStepNode || node instanceof ToVerifyNode) return node.item;
  return undefined;
}

/** The finding a node acts on: a finding row, or the one a "Fix first" entry names. */
function findingOf(node: ChecklistNode | undefined): ChecklistFinding | undefined {
  if (node instanceof FindingNode) return node.finding;
  if (node instanceof FixFirstEntryNode) return node.entry.finding;
  return undefined;
}

async function attest(ctx: CommandContext, node: ChecklistNode | undefined, status: AttestParams['status']): Promise<void> {
  const item = itemOf(selected(ctx, node));
  if (!item) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a checklist item first.'));
    return;
  }
  const params: AttestParams = { itemId: item.id, status, by: currentUser() };
  if (status !== 'todo') {
    const note = await vscode.window.showInputBox({
      title: status === 'done' ? vscode.l10n.t('Mark "{0}" as done', item.title) : vscode.l10n.t('Mark "{0}" as not applicable', item.title),
      prompt: status === 'na' ? vscode.l10n.t('Why it does not apply (required), stored in .readiness.yml') : vscode.l10n.t('Optional note, stored in .readiness.yml'),
      placeHolder: status === 'done' ? vscode.l10n.t('e.g. link to the runbook') : vscode.l10n.t('e.g. why it does not apply'),
      validateInput: (value) => (status === 'na' && !value.trim() ? vscode.l10n.t('A reason is required to mark an item not applicable.') : undefined),
    });
    if (note === undefined) return;
    if (note.trim()) params.note = note.trim();
  }
  showEditResult(await ctx.store.attest(params));
}

async function openFinding(ctx: CommandContext, node: ChecklistNode | undefined): Promise<void> {
  const finding = findingOf(selected(ctx, node));
  const uri = finding && findingUri(finding, { workspaceRoot: vscode.workspace.workspaceFolders?.[0]?.uri });
  if (!finding || !uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a finding first.'));
    return;
  }
  await vscode.window.showTextDocument(uri, { selection: findingRange(finding), preview: false });
}

async function applyFix(ctx: CommandContext, node: ChecklistNode | undefined): Promise<void> {
  const finding = findingOf(selected(ctx, node));
  const uri = finding && findingUri(finding, { workspaceRoot: vscode.workspace.workspaceFolders?.[0]?.uri });
  if (!finding?.fix || !uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a finding with a quick fix first.'));
    return;
  }
  if (!(await applyFindingFix(uri, finding))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The fix "{0}" is no longer offered here: the file changed since the checklist was computed.', finding.fix.title));
  }
}

async function openSkippedSetting(ctx: CommandContext, node: ChecklistNode | undefined): Promise<void> {
  const candidate = selected(ctx, node);
  const setting = candidate instanceof SkippedFileNode ? candidate.skipped.setting : undefined;
  if (setting) await vscode.commands.executeCommand('workbench.action.openSettings', setting);
}

async function signOff(ctx: CommandContext, node: ChecklistNode | undefined): Promise<void> {
  const report = ctx.store.report;
  if (!report) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The checklist is not loaded yet.'));
    return;
  }
  if (!hasScore(report)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to score yet: no supported file was analyzed.'));
    return;
  }
  const candidate = selected(ctx, node);
  let signoff: SignOffResult | undefined = candidate instanceof SignOffNode ? candidate.signoff : undefined;
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

async function openRuleDocs(ctx: CommandContext, node: ChecklistNode | undefined, online: boolean): Promise<void> {
  const candidate = selected(ctx, node);
  const ruleId = candidate instanceof FindingNode || candidate instanceof RuleGroupNode ? candidate.ruleId : findingOf(candidate)?.ruleId;
  if (!ruleId) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a finding first.'));
    return;
  }
  await (online ? ctx.docs.openOnline(ruleId) : ctx.docs.open(ruleId));
}

const REPORT_FORMATS: { format: ReportParams['format']; extension: string; label: string }[] = [
  { format: 'markdown', extension: 'md', label: 'Markdown' },
  { format: 'html', extension: 'html', label: 'HTML' },
  { format: 'json', extension: 'json', label: 'JSON' },
];

async function exportReport(ctx: CommandContext): Promise<void> {
  const report = ctx.store.report;
  if (report && !hasScore(report)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to score yet: no supported file was analyzed.'));
    return;
  }
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
