import * as vscode from 'vscode';
import type {
  CategoryResult,
  ChecklistFinding,
  ChecklistItemResult,
  ChecklistReport,
  EvidenceHit,
  ItemStatus,
  SignOffResult,
} from '../../server/src/checklist/types';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { categoryLabel, overallLabel, percent, severityLabel, statusLabel } from './labels';

const PASS = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
const FAIL = new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
const WARN = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
const OPEN = new vscode.ThemeIcon('circle-large-outline');

const STATUS_ICONS: Record<ItemStatus, vscode.ThemeIcon> = {
  satisfied: PASS,
  failing: FAIL,
  'not-verified': OPEN,
  'not-applicable': new vscode.ThemeIcon('circle-slash'),
  attested: new vscode.ThemeIcon('verified', new vscode.ThemeColor('testing.iconPassed')),
  contradicted: new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconFailed')),
};

const SEVERITY_ICONS: Record<ChecklistFinding['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

export type ChecklistNode =
  | OverallNode
  | SignOffsNode
  | SignOffNode
  | ProblemNode
  | MessageNode
  | CategoryNode
  | ItemNode
  | FindingNode
  | EvidenceNode
  | AttestationNode;

export class OverallNode extends vscode.TreeItem {
  readonly parent = undefined;
  readonly signOffs: SignOffsNode;

  constructor(readonly report: ChecklistReport) {
    super(overallLabel(report), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = 'overall';
    this.contextValue = report.approved ? 'overall.approved' : 'overall';
    this.iconPath = report.approved ? PASS : report.gatesPassed === report.gatesTotal ? WARN : FAIL;
    this.signOffs = new SignOffsNode(this, report.signoffs);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('Weighted score: {0}', percent(report.score))}**\n\n`);
    tooltip.appendText(vscode.l10n.t('{0} of {1} gates passed, {2} of {3} sign-offs recorded.', report.gatesPassed, report.gatesTotal, signedCount(report.signoffs), report.signoffs.length));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Approval needs every gate passed and all four sign-offs.'));
    this.tooltip = tooltip;
  }

  children(): ChecklistNode[] {
    return [this.signOffs];
  }
}

export class SignOffsNode extends vscode.TreeItem {
  readonly nodes: SignOffNode[];

  constructor(readonly parent: OverallNode, signoffs: SignOffResult[]) {
    super(vscode.l10n.t('Sign-offs'), vscode.TreeItemCollapsibleState.Expanded);
    this.id = 'signoffs';
    this.contextValue = 'signoffs';
    this.description = `${signedCount(signoffs)}/${signoffs.length}`;
    this.iconPath = new vscode.ThemeIcon('organization');
    this.nodes = signoffs.map((signoff) => new SignOffNode(this, signoff));
  }

  children(): ChecklistNode[] {
    return this.nodes;
  }
}

export class SignOffNode extends vscode.TreeItem {
  constructor(readonly parent: SignOffsNode, readonly signoff: SignOffResult) {
    super(signoff.title, vscode.TreeItemCollapsibleState.None);
    this.id = `signoff:${signoff.role}`;
    const signed = Boolean(signoff.name);
    this.contextValue = signed ? 'signoff.signed' : 'signoff';
    this.iconPath = signed ? PASS : OPEN;
    this.description = signed ? [signoff.name, signoff.date].filter(Boolean).join(' · ') : vscode.l10n.t('pending');
    this.command = { command: 'readiness.signOff', title: vscode.l10n.t('Sign off'), arguments: [this] };
  }
}

/** A problem with `.readiness.yml`, shown above the checklist it could not fully apply. */
export class ProblemNode extends vscode.TreeItem {
  readonly parent = undefined;

  constructor(problem: string, index: number) {
    super(problem, vscode.TreeItemCollapsibleState.None);
    this.id = `problem:${index}`;
    this.contextValue = 'problem';
    this.iconPath = WARN;
    this.tooltip = problem;
  }
}

/** Loading and error states, so the tree never looks empty while the welcome view would be wrong. */
export class MessageNode extends vscode.TreeItem {
  readonly parent = undefined;

  constructor(label: string, icon: vscode.ThemeIcon, tooltip?: string) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.contextValue = 'message';
    this.iconPath = icon;
    this.tooltip = tooltip;
  }
}

export class CategoryNode extends vscode.TreeItem {
  readonly parent = undefined;
  readonly items: ItemNode[];

  constructor(readonly result: CategoryResult, onlyFailing: boolean, workspaceRoot: vscode.Uri | undefined) {
    super(categoryLabel(result.category), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `category:${result.category}`;
    this.contextValue = 'category';
    const gate = result.gate;
    const gateText = gate ? (gate.passed ? vscode.l10n.t('gate passed') : vscode.l10n.t('gate open')) : vscode.l10n.t('no gate');
    this.description = result.applicable === false ? vscode.l10n.t('not applicable') : `${percent(result.score)} · ${gateText}`;
    this.iconPath = categoryIcon(result);
    const counts = result.counts;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('{0}: {1}', categoryLabel(result.category), percent(result.score))}**\n\n`);
    if (gate) tooltip.appendText(vscode.l10n.t('Gate: {0} ({1})', gate.criterion, gate.passed ? vscode.l10n.t('passed') : vscode.l10n.t('not passed')) + '\n\n');
    tooltip.appendText(
      vscode.l10n.t(
        '{0} satisfied, {1} attested, {2} failing, {3} not verified, {4} not applicable, of {5} items.',
        counts.satisfied,
        counts.attested,
        counts.failing,
        counts.notVerified,
        counts.notApplicable,
        counts.total,
      ),
    );
    this.tooltip = tooltip;
    const items = onlyFailing ? result.items.filter((item) => item.status === 'failing' || item.status === 'contradicted') : result.items;
    this.items = items.map((item) => new ItemNode(this, item, workspaceRoot));
  }

  children(): ChecklistNode[] {
    return this.items;
  }
}

export class ItemNode extends vscode.TreeItem {
  private readonly nodes: ChecklistNode[];

  constructor(readonly parent: CategoryNode, readonly item: ChecklistItemResult, workspaceRoot: vscode.Uri | undefined) {
    super(item.title);
    this.id = `item:${item.id}`;
    const attested = item.attestation !== undefined && item.attestation.status !== 'todo';
    // Menus match `^item` for every item and `^item.*attested` for the ones "Mark to do" can undo.
    this.contextValue = `item.${item.status}${attested && item.status !== 'attested' ? '.attested' : ''}`;
    this.description = item.critical ? `${statusLabel(item.status)} · ${vscode.l10n.t('critical')}` : statusLabel(item.status);
    this.iconPath = STATUS_ICONS[item.status];
    this.tooltip = itemTooltip(item);
    this.nodes = [
      ...(item.attestation && item.attestation.status !== 'todo' ? [new AttestationNode(this, item.attestation)] : []),
      ...item.findings.map((finding, index) => new FindingNode(this, finding, index, workspaceRoot)),
      ...item.evidence.map((hit, index) => new EvidenceNode(this, hit, index, workspaceRoot)),
    ];
    this.collapsibleState = this.nodes.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  }

  children(): ChecklistNode[] {
    return this.nodes;
  }
}

export class FindingNode extends vscode.TreeItem {
  readonly uri: vscode.Uri | undefined;

  constructor(readonly parent: ItemNode, readonly finding: ChecklistFinding, index: number, workspaceRoot: vscode.Uri | undefined) {
    super(finding.message, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/finding:${index}`;
    this.contextValue = 'finding';
    this.description = `${finding.file}:${finding.range.start.line + 1}`;
    this.iconPath = SEVERITY_ICONS[finding.severity];
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(finding.message);
    tooltip.appendMarkdown(`\n\n${severityLabel(finding.severity)} · \`${finding.ruleId}\``);
    this.tooltip = tooltip;
    this.uri = fileUri(finding.uri, finding.file, workspaceRoot);
    if (this.uri) {
      const { start, end } = finding.range;
      const selection = new vscode.Range(start.line, start.character, end.line, end.character);
      this.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [this.uri, { selection } satisfies vscode.TextDocumentShowOptions] };
    }
  }
}

export class EvidenceNode extends vscode.TreeItem {
  constructor(readonly parent: ItemNode, readonly hit: EvidenceHit, index: number, workspaceRoot: vscode.Uri | undefined) {
    super(hit.what, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/evidence:${index}`;
    this.contextValue = 'evidence';
    this.description = hit.line === undefined ? hit.file : `${hit.file}:${hit.line + 1}`;
    this.iconPath = new vscode.ThemeIcon('file-symlink-file');
    this.tooltip = vscode.l10n.t('Evidence: {0}', hit.why);
    const uri = fileUri(hit.uri, hit.file, workspaceRoot);
    if (uri) {
      const options: vscode.TextDocumentShowOptions = hit.line === undefined ? {} : { selection: new vscode.Range(hit.line, 0, hit.line, 0) };
      this.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri, options] };
    }
  }
}

export class AttestationNode extends vscode.TreeItem {
  constructor(readonly parent: ItemNode, attestation: NonNullable<ChecklistItemResult['attestation']>) {
    const by = attestation.by ?? vscode.l10n.t('someone');
    super(
      attestation.status === 'na' ? vscode.l10n.t('Marked not applicable by {0}', by) : vscode.l10n.t('Marked done by {0}', by),
      vscode.TreeItemCollapsibleState.None,
    );
    this.id = `${parent.id}/attestation`;
    this.contextValue = 'attestation';
    this.description = [attestation.date, attestation.note].filter(Boolean).join(' · ');
    this.iconPath = new vscode.ThemeIcon(attestation.status === 'na' ? 'circle-slash' : 'person');
    if (attestation.note) this.tooltip = attestation.note;
  }
}

export class ChecklistTreeProvider implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ChecklistNode[] = [];
  private onlyFailingFilter = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ChecklistStore) {
    this.subscription = store.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  get onlyFailing(): boolean {
    return this.onlyFailingFilter;
  }

  setOnlyFailing(value: boolean): void {
    this.onlyFailingFilter = value;
    void vscode.commands.executeCommand('setContext', 'readiness.onlyFailing', value);
    this.rebuild();
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (!node) return this.roots;
    return 'children' in node ? node.children() : [];
  }

  getParent(node: ChecklistNode): ChecklistNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private rebuild(): void {
    this.roots = rootsFor(this.store.state, this.onlyFailingFilter);
    this.changed.fire();
  }
}

function rootsFor(state: ChecklistState, onlyFailing: boolean): ChecklistNode[] {
  if (state.kind === 'loading') return [new MessageNode(vscode.l10n.t('Analyzing the workspace…'), new vscode.ThemeIcon('loading~spin'))];
  if (state.kind === 'error') {
    return [new MessageNode(vscode.l10n.t('The checklist could not be loaded: {0}', state.message), FAIL, state.message)];
  }
  const report = state.report;
  if (!hasContent(report)) return [];
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const categories = report.categories
    .map((category) => new CategoryNode(category, onlyFailing, root))
    .filter((node) => !onlyFailing || node.items.length > 0);
  return [new OverallNode(report), ...report.problems.map((problem, index) => new ProblemNode(problem, index)), ...categories];
}

/** An empty tree shows the welcome view; a workspace with nothing to analyze has nothing to score. */
export function hasContent(report: ChecklistReport): boolean {
  if (report.analyzedFiles !== undefined) return report.analyzedFiles > 0 || report.problems.length > 0;
  return report.problems.length > 0 || report.categories.some((category) => category.items.some((item) => item.status !== 'not-verified'));
}

function categoryIcon(result: CategoryResult): vscode.ThemeIcon {
  if (result.gate) return result.gate.passed ? PASS : FAIL;
  if (result.counts.failing > 0) return FAIL;
  return result.counts.applicable > 0 && result.counts.satisfied + result.counts.attested === result.counts.applicable ? PASS : OPEN;
}

function itemTooltip(item: ChecklistItemResult): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**');
  tooltip.appendText(item.title);
  tooltip.appendMarkdown(`** · ${statusLabel(item.status)}\n\n`);
  tooltip.appendText(item.description);
  tooltip.appendMarkdown('\n\n_');
  tooltip.appendText(`${item.seedTitle}: ${item.seedText}`);
  tooltip.appendMarkdown('_\n\n');
  tooltip.appendText(verificationText(item.verification));
  if (item.proof) {
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(item.contradiction?.message ?? item.proof.summary);
  }
  if (item.critical) {
    tooltip.appendMarkdown('\n\n$(warning) ');
    tooltip.appendText(item.criticalReason ? vscode.l10n.t('Critical: {0}', item.criticalReason) : vscode.l10n.t('Critical item.'));
  }
  tooltip.supportThemeIcons = true;
  return tooltip;
}

function verificationText(verification: ChecklistItemResult['verification']): string {
  const parts: string[] = [];
  if (verification.rules.length) parts.push(vscode.l10n.t('rules {0}', verification.rules.join(', ')));
  if (verification.evidence.length) parts.push(vscode.l10n.t('evidence {0}', verification.evidence.join(', ')));
  if (verification.manual) parts.push(vscode.l10n.t('manual attestation'));
  return vscode.l10n.t('Verified by: {0}', parts.length ? parts.join('; ') : vscode.l10n.t('manual attestation'));
}

function signedCount(signoffs: SignOffResult[]): number {
  return signoffs.filter((signoff) => signoff.name).length;
}

function fileUri(uri: string | undefined, file: string, workspaceRoot: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri) return vscode.Uri.parse(uri);
  return workspaceRoot ? vscode.Uri.joinPath(workspaceRoot, file) : undefined;
}
