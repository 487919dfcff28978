import * as vscode from 'vscode';
import type {
  CategoryResult,
  ChecklistFinding,
  ChecklistItemResult,
  ChecklistReport,
  EvidenceHit,
  FixFirstEntry,
  ItemStatus,
  ProofStep,
  SignOffResult,
  SkippedFileResult,
} from '../../server/src/checklist/types';
import type { Severity } from '../../server/src/engine/types';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { actionLabel, categoryLabel, findingsLabel, format, headlineText, inFilesLabel, reasonText, severityLabel, statusLabel, verdictLabel } from './labels';
import { rankFixFirst } from '../../server/src/checklist/fix-first';
import { groupByRule, itemOrder, type FileFindings, type RuleGroup } from '../../server/src/checklist/order';
import { attentionFilter, hasContent, hasScore, sharedTitles } from './viewModel';

/** Entries under "Fix first"; the rest are one click away in their categories. */
export const FIX_FIRST_SHOWN = 10;

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

const SEVERITY_ICONS: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

const PROOF_STEP_ICONS: Record<ProofStep['kind'], vscode.ThemeIcon> = {
  rules: new vscode.ThemeIcon('file-code'),
  evidence: new vscode.ThemeIcon('search'),
  attestation: new vscode.ThemeIcon('person'),
};

export type ChecklistNode =
  | FixFirstNode
  | FixFirstEntryNode
  | MoreNode
  | OverallNode
  | SignOffsNode
  | SignOffNode
  | ProblemNode
  | MessageNode
  | CategoryNode
  | NoteNode
  | ItemNode
  | RuleGroupNode
  | FileGroupNode
  | FindingNode
  | EvidenceNode
  | AttestationNode
  | ToVerifyNode
  | ProofStepNode
  | SkippedFilesNode
  | SkippedFileNode;

type ParentNode = Extract<ChecklistNode, { children(): ChecklistNode[] }>;

/** Where the client finds the workspace's files when the server sent a relative path only. */
interface TreeContext {
  workspaceRoot: vscode.Uri | undefined;
}

// ---- Fix first -----------------------------------------------------------------------------------------

export class FixFirstNode extends vscode.TreeItem {
  readonly parent = undefined;
  private readonly nodes: ChecklistNode[];

  constructor(entries: readonly FixFirstEntry[], items: ReadonlyMap<string, ChecklistItemResult>, context: TreeContext) {
    super(vscode.l10n.t('Fix first'), vscode.TreeItemCollapsibleState.Expanded);
    this.id = 'fixFirst';
    this.contextValue = 'fixFirst';
    this.iconPath = new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.orange'));
    this.description = entries.length === 1 ? vscode.l10n.t('1 open item') : vscode.l10n.t('{0} open items', format.count(entries.length));
    this.tooltip = vscode.l10n.t('Open items by impact: critical failing items, then the items of the gates closest to passing, then by how much the score rises.');
    const shared = sharedTitles(entries);
    const shown = entries.slice(0, FIX_FIRST_SHOWN).flatMap((entry, index) => {
      const item = items.get(entry.itemId);
      return item ? [new FixFirstEntryNode(this, entry, item, index, context, shared.has(entry.title))] : [];
    });
    this.nodes = entries.length > shown.length ? [...shown, new MoreNode(this, entries.length - shown.length)] : shown;
  }

  children(): ChecklistNode[] {
    return this.nodes;
  }
}

export class FixFirstEntryNode extends vscode.TreeItem {
  private nodes: ChecklistNode[] | undefined;

  constructor(
    readonly parent: FixFirstNode,
    readonly entry: FixFirstEntry,
    readonly item: ChecklistItemResult,
    index: number,
    private readonly context: TreeContext,
    /** Another entry has the same title: this one names its category. */
    namesCategory = false,
  ) {
    super(`${format.count(index + 1)}. ${entry.title}${namesCategory ? ` (${categoryLabel(entry.category)})` : ''}`, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `fixFirst/${entry.itemId}`;
    // Menus offer the entry's one action: applyFix, openFinding or markDone.
    this.contextValue = `fixFirst.${entry.action}`;
    this.iconPath = STATUS_ICONS[entry.status];
    const parts = [entry.critical ? vscode.l10n.t('critical') : undefined, entry.findings > 0 ? inFilesOrFindings(entry.findings, entry.files) : statusLabel(entry.status), actionLabel(entry)];
    this.description = parts.filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**');
    tooltip.appendText(`${entry.title} (${categoryLabel(entry.category)})`);
    tooltip.appendMarkdown('**\n\n');
    tooltip.appendText(reasonText(entry));
    if (entry.finding) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(`${entry.finding.file}:${entry.finding.range.start.line + 1}: ${entry.finding.message}`);
    }
    this.tooltip = tooltip;
    const uri = entry.finding ? findingUri(entry.finding, context) : undefined;
    if (entry.finding && uri) this.command = openCommand(uri, entry.finding);
  }

  children(): ChecklistNode[] {
    this.nodes ??= [
      new NoteNode(this, `${this.id}/why`, reasonText(this.entry), new vscode.ThemeIcon('info')),
      ...(this.item.findings.length ? ruleGroupNodes(this, this.item.findings, this.context) : toVerifyNodes(this, this.item)),
    ];
    return this.nodes;
  }
}

export class MoreNode extends vscode.TreeItem {
  constructor(
    readonly parent: FixFirstNode,
    count: number,
  ) {
    super(vscode.l10n.t('{0} more in the categories below', format.count(count)), vscode.TreeItemCollapsibleState.None);
    this.id = 'fixFirst/more';
    this.contextValue = 'more';
    this.iconPath = new vscode.ThemeIcon('ellipsis');
  }
}

// ---- Approval and sign-offs ------------------------------------------------------------------------------

export class OverallNode extends vscode.TreeItem {
  readonly parent = undefined;
  readonly signOffs: SignOffsNode;

  constructor(readonly report: ChecklistReport) {
    super(vscode.l10n.t('Approval: {0}', verdictLabel(report)), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = 'overall';
    this.contextValue = report.approved ? 'overall.approved' : 'overall';
    this.iconPath = report.approved ? PASS : report.gatesPassed === report.gatesTotal ? WARN : FAIL;
    this.signOffs = new SignOffsNode(this, report.signoffs);
    const blocking = report.approval?.flow.find((step) => step.id === report.approval.blockingStep);
    const signed = signedCount(report.signoffs);
    this.description = [
      blocking ? vscode.l10n.t('blocked at {0}', blocking.question) : undefined,
      vscode.l10n.t('{0}/{1} gates', format.count(report.gatesPassed), format.count(report.gatesTotal)),
      vscode.l10n.t('{0}/{1} sign-offs', format.count(signed), format.count(report.signoffs.length)),
    ]
      .filter(Boolean)
      .join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**');
    tooltip.appendText(headlineText(report));
    tooltip.appendMarkdown('**\n\n');
    tooltip.appendText(vscode.l10n.t('{0} of {1} gates passed, {2} of {3} sign-offs recorded.', format.count(report.gatesPassed), format.count(report.gatesTotal), format.count(signed), format.count(report.signoffs.length)));
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

  constructor(
    readonly parent: OverallNode,
    signoffs: SignOffResult[],
  ) {
    super(vscode.l10n.t('Sign-offs'), vscode.TreeItemCollapsibleState.Expanded);
    this.id = 'signoffs';
    this.contextValue = 'signoffs';
    this.description = `${format.count(signedCount(signoffs))}/${format.count(signoffs.length)}`;
    this.iconPath = new vscode.ThemeIcon('organization');
    this.nodes = signoffs.map((signoff) => new SignOffNode(this, signoff));
  }

  children(): ChecklistNode[] {
    return this.nodes;
  }
}

export class SignOffNode extends vscode.TreeItem {
  constructor(
    readonly parent: SignOffsNode,
    readonly signoff: SignOffResult,
  ) {
    super(signoff.title, vscode.TreeItemCollapsibleState.None);
    this.id = `signoff:${signoff.role}`;
    const signed = Boolean(signoff.name);
    this.contextValue = signed ? 'signoff.signed' : 'signoff';
    this.iconPath = signed ? PASS : OPEN;
    this.description = signed ? [signoff.name, signoff.date && format.date(signoff.date)].filter(Boolean).join(' · ') : vscode.l10n.t('pending');
    this.command = { command: 'readiness.signOff', title: vscode.l10n.t('Sign off'), arguments: [this] };
  }
}

// ---- Messages ------------------------------------------------------------------------------------------

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

/** Loading, error and nothing-to-score states, so the tree never looks empty while the welcome view would be wrong. */
export class MessageNode extends vscode.TreeItem {
  readonly parent = undefined;

  constructor(label: string, icon: vscode.ThemeIcon, tooltip?: string) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.contextValue = 'message';
    this.iconPath = icon;
    this.tooltip = tooltip;
  }
}

/** A line of text under a node: a gate's reason, why an entry ranks first, an item's proof. */
export class NoteNode extends vscode.TreeItem {
  constructor(
    readonly parent: ParentNode,
    id: string,
    text: string,
    icon: vscode.ThemeIcon,
  ) {
    super(text, vscode.TreeItemCollapsibleState.None);
    this.id = id;
    this.contextValue = 'note';
    this.iconPath = icon;
    this.tooltip = text;
  }
}

// ---- Categories and items ------------------------------------------------------------------------------

export class CategoryNode extends vscode.TreeItem {
  readonly parent = undefined;
  readonly items: ItemNode[];
  private readonly notes: NoteNode[];

  constructor(
    readonly result: CategoryResult,
    items: readonly ChecklistItemResult[],
    context: TreeContext,
  ) {
    super(categoryLabel(result.category), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `category:${result.category}`;
    this.contextValue = 'category';
    const gate = result.gate;
    const counts = result.counts;
    const gateText = gate ? (gate.notApplicable ? undefined : gate.passed ? vscode.l10n.t('gate passed') : vscode.l10n.t('gate open')) : vscode.l10n.t('no gate');
    this.description =
      result.applicable === false
        ? vscode.l10n.t('not applicable')
        : [
            vscode.l10n.t('{0} proven', format.percent(result.score)),
            gateText,
            counts.failing + counts.contradicted > 0 ? vscode.l10n.t('{0} failing', format.count(counts.failing + counts.contradicted)) : undefined,
            counts.notVerified > 0 ? vscode.l10n.t('{0} to verify', format.count(counts.notVerified)) : undefined,
          ]
            .filter(Boolean)
            .join(' · ');
    this.iconPath = categoryIcon(result);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('{0}: {1}', categoryLabel(result.category), format.percent(result.score))}**\n\n`);
    if (gate) tooltip.appendText(vscode.l10n.t('Gate: {0} ({1})', gate.criterion, gate.passed ? vscode.l10n.t('passed') : vscode.l10n.t('not passed')) + '\n\n');
    tooltip.appendText(
      vscode.l10n.t(
        '{0} satisfied, {1} attested, {2} failing, {3} not verified, {4} not applicable, of {5} items.',
        format.count(counts.satisfied),
        format.count(counts.attested),
        format.count(counts.failing + counts.contradicted),
        format.count(counts.notVerified),
        format.count(counts.notApplicable),
        format.count(counts.total),
      ),
    );
    this.tooltip = tooltip;
    this.notes = gate && !gate.passed ? (gate.reasons ?? []).map((reason, index) => new NoteNode(this, `${this.id}/gate:${index}`, reason, WARN)) : [];
    this.items = itemOrder(items).map((item) => new ItemNode(this, item, context));
  }

  children(): ChecklistNode[] {
    return [...this.notes, ...this.items];
  }
}

export class ItemNode extends vscode.TreeItem {
  private nodes: ChecklistNode[] | undefined;

  constructor(
    readonly parent: CategoryNode,
    readonly item: ChecklistItemResult,
    private readonly context: TreeContext,
  ) {
    super(item.title, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `item:${item.id}`;
    const attested = item.attestation !== undefined && item.attestation.status !== 'todo';
    // Menus match `^item` for every item and `^item.*attested` for the ones "Mark to do" can undo.
    this.contextValue = `item.${item.status}${attested && item.status !== 'attested' ? '.attested' : ''}`;
    this.description = [statusLabel(item.status), item.critical ? vscode.l10n.t('critical') : undefined, item.findings.length ? findingsLabel(item.findings.length) : undefined]
      .filter(Boolean)
      .join(' · ');
    this.iconPath = STATUS_ICONS[item.status];
    this.tooltip = itemTooltip(item);
  }

  children(): ChecklistNode[] {
    if (!this.nodes) {
      const item = this.item;
      const notes: ChecklistNode[] = [];
      if (item.contradiction) notes.push(new NoteNode(this, `${this.id}/contradiction`, item.contradiction.message, STATUS_ICONS.contradicted));
      if (item.rejectedAttestation) notes.push(new NoteNode(this, `${this.id}/rejected`, item.rejectedAttestation.reason, WARN));
      if (item.attestation && item.attestation.status !== 'todo') notes.push(new AttestationNode(this, item.attestation));
      if (item.proof?.summary && item.proof.decidedBy !== 'attestation' && item.status !== 'not-verified') notes.push(new NoteNode(this, `${this.id}/proof`, item.proof.summary, new vscode.ThemeIcon('shield')));
      this.nodes = [
        ...notes,
        ...ruleGroupNodes(this, item.findings, this.context),
        ...item.evidence.map((hit, index) => new EvidenceNode(this, hit, index, this.context)),
        ...(item.proof?.toVerify?.length ? [new ToVerifyNode(this, item)] : []),
      ];
    }
    return this.nodes;
  }
}

// ---- Findings grouped by rule -----------------------------------------------------------------------------

function ruleGroupNodes(parent: ItemNode | FixFirstEntryNode, findings: readonly ChecklistFinding[], context: TreeContext): RuleGroupNode[] {
  return groupByRule(findings).map((group) => new RuleGroupNode(parent, group, context));
}

/** A rule's findings under an item: "k8s/default-namespace · 139 in 31 files", expanding to files and ranges. */
export class RuleGroupNode extends vscode.TreeItem {
  private nodes: FileGroupNode[] | undefined;

  constructor(
    readonly parent: ItemNode | FixFirstEntryNode,
    readonly group: RuleGroup,
    private readonly context: TreeContext,
  ) {
    super(group.ruleId, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${parent.id}/rule:${group.ruleId}`;
    this.contextValue = `ruleGroup${hasRuleDocs(group.ruleId) ? '.docs' : ''}`;
    this.description = inFilesLabel(group.count, group.files.length);
    this.iconPath = SEVERITY_ICONS[group.severity];
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`\`${group.ruleId}\` · ${severityLabel(group.severity)}\n\n`);
    tooltip.appendText(inFilesLabel(group.count, group.files.length));
    if (group.fixable > 0) tooltip.appendText(' · ' + vscode.l10n.t('{0} with a quick fix', format.count(group.fixable)));
    this.tooltip = tooltip;
  }

  get ruleId(): string {
    return this.group.ruleId;
  }

  children(): ChecklistNode[] {
    this.nodes ??= this.group.files.map((file) => new FileGroupNode(this, file, this.context));
    return this.nodes;
  }
}

export class FileGroupNode extends vscode.TreeItem {
  private nodes: FindingNode[] | undefined;

  constructor(
    readonly parent: RuleGroupNode,
    readonly file: FileFindings,
    private readonly context: TreeContext,
  ) {
    super(file.file, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${parent.id}/file:${file.file}`;
    this.contextValue = 'findingFile';
    const uri = fileUri(file.uri, file.file, context);
    if (uri) this.resourceUri = uri;
    this.iconPath = vscode.ThemeIcon.File;
    this.description = format.count(file.findings.length);
  }

  children(): ChecklistNode[] {
    this.nodes ??= this.file.findings.map((finding, index) => new FindingNode(this, finding, index, this.context));
    return this.nodes;
  }
}

export class FindingNode extends vscode.TreeItem {
  readonly uri: vscode.Uri | undefined;

  constructor(
    readonly parent: FileGroupNode,
    readonly finding: ChecklistFinding,
    index: number,
    context: TreeContext,
  ) {
    super(finding.message, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/finding:${index}`;
    this.contextValue = `finding${finding.fix ? '.fixable' : ''}${hasRuleDocs(finding.ruleId) ? '.docs' : ''}`;
    // Line and column as the editor writes them, without digit grouping.
    this.description = vscode.l10n.t('Ln {0}, Col {1}', String(finding.range.start.line + 1), String(finding.range.start.character + 1));
    this.iconPath = SEVERITY_ICONS[finding.severity];
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(finding.message);
    tooltip.appendMarkdown(`\n\n${severityLabel(finding.severity)} · \`${finding.ruleId}\``);
    if (finding.fix) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(vscode.l10n.t('Quick fix: {0}', finding.fix.title));
    }
    this.tooltip = tooltip;
    this.uri = findingUri(finding, context);
    if (this.uri) this.command = openCommand(this.uri, finding);
  }

  get ruleId(): string {
    return this.finding.ruleId;
  }
}

export class EvidenceNode extends vscode.TreeItem {
  constructor(
    readonly parent: ItemNode,
    readonly hit: EvidenceHit,
    index: number,
    context: TreeContext,
  ) {
    super(hit.what, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/evidence:${index}`;
    this.contextValue = 'evidence';
    this.description = hit.line === undefined ? hit.file : `${hit.file}:${hit.line + 1}`;
    this.iconPath = new vscode.ThemeIcon('file-symlink-file');
    this.tooltip = vscode.l10n.t('Evidence: {0}', hit.why);
    const uri = fileUri(hit.uri, hit.file, context);
    if (uri) {
      const options: vscode.TextDocumentShowOptions = hit.line === undefined ? {} : { selection: new vscode.Range(hit.line, 0, hit.line, 0) };
      this.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri, options] };
    }
  }
}

export class AttestationNode extends vscode.TreeItem {
  constructor(
    readonly parent: ItemNode,
    attestation: NonNullable<ChecklistItemResult['attestation']>,
  ) {
    const by = attestation.by ?? vscode.l10n.t('someone');
    super(attestation.status === 'na' ? vscode.l10n.t('Marked not applicable by {0}', by) : vscode.l10n.t('Marked done by {0}', by), vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/attestation`;
    this.contextValue = 'attestation';
    this.description = [attestation.date && format.date(attestation.date), attestation.note].filter(Boolean).join(' · ');
    this.iconPath = new vscode.ThemeIcon(attestation.status === 'na' ? 'circle-slash' : 'person');
    if (attestation.note) this.tooltip = attestation.note;
  }
}

// ---- To verify --------------------------------------------------------------------------------------------

function toVerifyNodes(parent: FixFirstEntryNode, item: ChecklistItemResult): ProofStepNode[] {
  return (item.proof?.toVerify ?? []).map((step, index) => new ProofStepNode(parent, item, step, index));
}

/** What file or attestation would prove a not-verified item (`proof.toVerify`). */
export class ToVerifyNode extends vscode.TreeItem {
  private readonly nodes: ProofStepNode[];

  constructor(
    readonly parent: ItemNode,
    readonly item: ChecklistItemResult,
  ) {
    super(vscode.l10n.t('To verify'), vscode.TreeItemCollapsibleState.Expanded);
    this.id = `${parent.id}/toVerify`;
    this.contextValue = 'toVerify';
    this.iconPath = new vscode.ThemeIcon('checklist');
    this.tooltip = vscode.l10n.t('Nothing in the files proves this item either way yet. Any one of these would.');
    this.nodes = (item.proof?.toVerify ?? []).map((step, index) => new ProofStepNode(this, item, step, index));
  }

  children(): ChecklistNode[] {
    return this.nodes;
  }
}

export class ProofStepNode extends vscode.TreeItem {
  constructor(
    readonly parent: ToVerifyNode | FixFirstEntryNode,
    readonly item: ChecklistItemResult,
    readonly step: ProofStep,
    index: number,
  ) {
    super(step.text, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/step:${index}`;
    this.contextValue = `proofStep.${step.kind}`;
    this.iconPath = PROOF_STEP_ICONS[step.kind];
    this.tooltip = step.text;
    if (step.kind === 'attestation') this.command = { command: 'readiness.markDone', title: vscode.l10n.t('Mark as done'), arguments: [this] };
  }
}

// ---- Skipped files ----------------------------------------------------------------------------------------

export class SkippedFilesNode extends vscode.TreeItem {
  readonly parent = undefined;
  private readonly nodes: SkippedFileNode[];

  constructor(skipped: readonly SkippedFileResult[], expanded: boolean, context: TreeContext) {
    super(vscode.l10n.t('Skipped files'), expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = 'skipped';
    this.contextValue = 'skipped';
    this.description = format.count(skipped.length);
    this.iconPath = new vscode.ThemeIcon('eye-closed');
    this.tooltip = vscode.l10n.t('Supported files that were not analyzed; Problems says the same on each file.');
    this.nodes = skipped.map((file) => new SkippedFileNode(this, file, context));
  }

  children(): ChecklistNode[] {
    return this.nodes;
  }
}

export class SkippedFileNode extends vscode.TreeItem {
  constructor(
    readonly parent: SkippedFilesNode,
    readonly skipped: SkippedFileResult,
    context: TreeContext,
  ) {
    super(skipped.file, vscode.TreeItemCollapsibleState.None);
    this.id = `skipped:${skipped.file}`;
    this.contextValue = skipped.setting ? 'skippedFile.setting' : 'skippedFile';
    this.description = skipped.reason;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(skipped.reason);
    if (skipped.setting) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(vscode.l10n.t('The setting {0} would include it.', skipped.setting));
    }
    this.tooltip = tooltip;
    const uri = fileUri(skipped.uri, skipped.file, context);
    if (uri) {
      this.resourceUri = uri;
      this.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    }
    this.iconPath = vscode.ThemeIcon.File;
  }
}

// ---- The provider -----------------------------------------------------------------------------------------

export class ChecklistTreeProvider implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ChecklistNode[] = [];
  private itemNodes = new Map<string, ItemNode>();
  private attentionOnly = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ChecklistStore) {
    this.subscription = store.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  get onlyAttention(): boolean {
    return this.attentionOnly;
  }

  setOnlyAttention(value: boolean): void {
    this.attentionOnly = value;
    void vscode.commands.executeCommand('setContext', 'readiness.onlyFailing', value);
    this.rebuild();
  }

  /** The item's row in its category, for revealing it from "Fix first". */
  itemNode(itemId: string): ItemNode | undefined {
    return this.itemNodes.get(itemId);
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
    this.roots = rootsFor(this.store.state, this.attentionOnly);
    this.itemNodes = new Map(
      this.roots.flatMap((node) => (node instanceof CategoryNode ? node.items : [])).map((node) => [node.item.id, node] as const),
    );
    this.changed.fire();
  }
}

function rootsFor(state: ChecklistState, attentionOnly: boolean): ChecklistNode[] {
  if (state.kind === 'loading') return [new MessageNode(vscode.l10n.t('Analyzing the workspace…'), new vscode.ThemeIcon('loading~spin'))];
  if (state.kind === 'error') return [new MessageNode(vscode.l10n.t('The checklist could not be loaded: {0}', state.message), FAIL, state.message)];
  const report = state.report;
  if (!hasContent(report)) return [];
  const context: TreeContext = { workspaceRoot: vscode.workspace.workspaceFolders?.[0]?.uri };
  const problems = report.problems.map((problem, index) => new ProblemNode(problem, index));
  const skipped = report.skipped ?? [];
  if (!hasScore(report)) {
    const nothing = new MessageNode(
      vscode.l10n.t('Nothing to score: every supported file was skipped.'),
      new vscode.ThemeIcon('info'),
      vscode.l10n.t('Include a skipped file (see its reason) and the checklist appears.'),
    );
    return [nothing, ...problems, ...(skipped.length ? [new SkippedFilesNode(skipped, true, context)] : [])];
  }
  const shown = attentionOnly
    ? attentionFilter(report.categories)
    : report.categories.map((category) => ({ category, items: category.items }));
  const items = new Map(report.categories.flatMap((category) => category.items).map((item) => [item.id, item]));
  return [
    ...problems,
    new FixFirstNode(report.fixFirst ?? rankFixFirst(report), items, context),
    ...shown.map(({ category, items: categoryItems }) => new CategoryNode(category, categoryItems, context)),
    new OverallNode(report),
    ...(skipped.length ? [new SkippedFilesNode(skipped, false, context)] : []),
  ];
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

function inFilesOrFindings(findings: number, files: number): string {
  return files > 1 ? inFilesLabel(findings, files) : findingsLabel(findings);
}

function signedCount(signoffs: SignOffResult[]): number {
  return signoffs.filter((signoff) => signoff.name).length;
}

/** Engine findings (`readiness/...`: syntax, config, targets) have no rule page. */
function hasRuleDocs(ruleId: string): boolean {
  return !ruleId.startsWith('readiness/');
}

function fileUri(uri: string | undefined, file: string, context: TreeContext): vscode.Uri | undefined {
  if (uri) return vscode.Uri.parse(uri);
  return context.workspaceRoot ? vscode.Uri.joinPath(context.workspaceRoot, file) : undefined;
}

export function findingUri(finding: ChecklistFinding, context: TreeContext): vscode.Uri | undefined {
  return fileUri(finding.uri, finding.file, context);
}

export function findingRange(finding: ChecklistFinding): vscode.Range {
  const { start, end } = finding.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

function openCommand(uri: vscode.Uri, finding: ChecklistFinding): vscode.Command {
  return { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri, { selection: findingRange(finding) } satisfies vscode.TextDocumentShowOptions] };
}
