/**
 * Renders a computed checklist as the seed's "Checklist Final": what is proven next to what is
 * unknown, the "Fix first" order, application information, the approval criteria, the
 * pre-production flow with the step that blocks, the targets and success metrics, every item with
 * its status, proof and findings grouped by rule (errors first), the Final Approval table and the
 * sign-offs. Markdown for GitHub, self-contained HTML (inline CSS, no scripts, long lists
 * collapsible, printable), JSON, and a short terminal summary. Every text that comes from the
 * workspace (names, notes, messages, paths) is escaped for the format it lands in.
 *
 * Links to files are relative to the workspace root (where the editor saves the report), or go to
 * `application.repositoryUrl` when `.readiness.yml` sets it, so a shared report never points at
 * someone's disk. Statuses are words with a symbol any text font has (no emoji needed).
 */
import { APPLICATION_FIELDS } from '../engine/config';
import { formatNumber, formatPercent, t, type MessageKey } from '../i18n/index';
import type { Severity } from '../engine/types';
import { rankFixFirst } from './fix-first';
import { groupByRule, itemOrder, type RuleGroup } from './order';
import { formatValue } from './targets';
import type { CategoryResult, ChecklistItemResult, ChecklistReport, DeclaredValue, FixFirstEntry, ItemStatus, SuccessMetric } from './types';

export type ReportFormat = 'markdown' | 'json' | 'html';

const CATEGORY_ICONS: Record<string, string> = {
  Deployment: '🚀',
  Security: '🔒',
  Monitoring: '📊',
  Performance: '⚡',
  Backup: '🔄',
  Tests: '🧪',
  Documentation: '📚',
};

/** Symbols every text font has (DejaVu, Segoe UI Symbol, Arial Unicode): a status reads without an emoji font, and its word says it anyway. */
const SYMBOL = { pass: '✓', fail: '✗', open: '○', none: '–', warn: '⚠\uFE0E', info: 'ℹ\uFE0E' } as const;

const STATUS_SYMBOLS: Record<ItemStatus, string> = {
  satisfied: SYMBOL.pass,
  attested: SYMBOL.pass,
  failing: SYMBOL.fail,
  'not-verified': SYMBOL.open,
  'not-applicable': SYMBOL.none,
  contradicted: SYMBOL.warn,
};

const SEVERITY_SYMBOLS: Record<Severity, string> = { error: SYMBOL.fail, warning: SYMBOL.warn, information: SYMBOL.info, hint: SYMBOL.none };

/** Locations listed per rule group before the rest is summed up (Markdown) or folded away (HTML). */
const SHOWN_LOCATIONS = 3;
/** Locations an HTML group holds at most; the JSON report has them all. */
const MAX_LOCATIONS = 200;
/** Entries of the "Fix first" section. */
const FIX_FIRST_SHOWN = 10;

export function renderReport(report: ChecklistReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return renderHtml(report);
    case 'markdown':
      return renderMarkdown(report);
  }
}

// ---- Shared pieces --------------------------------------------------------------------------------

function tr(report: ChecklistReport, key: MessageKey, data?: Record<string, string | number>): string {
  return t(report.locale, key, data);
}

function pct(report: ChecklistReport, value: number): string {
  return `${formatPercent(report.locale, value)}%`;
}

/** The title; `name` is passed through `escape` (the application name comes from the workspace). */
function title(report: ChecklistReport, escape: (text: string) => string = (text) => text): string {
  return report.application.name ? tr(report, 'report.titleFor', { name: escape(report.application.name) }) : tr(report, 'report.title');
}

function verdict(report: ChecklistReport): string {
  const notApplicable = report.approval?.notApplicableItems ?? 0;
  const na = notApplicable > 0 ? tr(report, notApplicable === 1 ? 'verdict.notApplicable.one' : 'verdict.notApplicable.other', { n: notApplicable }) : '';
  if (report.approved) return `${tr(report, 'verdict.approved')}${na ? ` (${na})` : ''}`;
  const reasons: string[] = [];
  const blocking = report.approval?.flow.find((step) => step.id === report.approval.blockingStep);
  if (blocking) reasons.push(tr(report, 'verdict.blockedAt', { question: blocking.question, action: blocking.action }));
  if (report.gatesPassed < report.gatesTotal) reasons.push(tr(report, 'verdict.gatesFailing', { failed: report.gatesTotal - report.gatesPassed, total: report.gatesTotal }));
  const missing = report.signoffs.filter((signoff) => !signoff.name).length;
  if (missing > 0) reasons.push(tr(report, 'verdict.signoffsMissing', { missing }));
  if (na) reasons.push(na);
  return `${tr(report, 'verdict.notApproved')}${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
}

/** Score of a category, or "not applicable" when every item is marked so. */
function scoreText(report: ChecklistReport, category: CategoryResult): string {
  return category.applicable === false ? tr(report, 'gate.notApplicable') : pct(report, category.score);
}

function declaredText(report: ChecklistReport, value: DeclaredValue | undefined, unit: Parameters<typeof formatValue>[1]): string {
  if (!value) return tr(report, 'report.notDeclared');
  const where = `${value.file}${value.range ? `:${value.range.start.line + 1}` : ''}`;
  const formatted = formatValue(value.value, unit, report.locale);
  return `${formatted}${value.text !== formatted ? ` ("${value.text}")` : ''}, ${where}`;
}

/** A status as a symbol and its words; Markdown writes them together, HTML hides the symbol from screen readers. */
interface Marked {
  symbol: string;
  text: string;
}

const marked = (value: Marked) => `${value.symbol} ${value.text}`;

function metStatus(report: ChecklistReport, met: boolean | undefined): Marked {
  if (met === undefined) return { symbol: SYMBOL.open, text: tr(report, 'report.unknown') };
  return met ? { symbol: SYMBOL.pass, text: tr(report, 'report.met') } : { symbol: SYMBOL.fail, text: tr(report, 'report.missed') };
}

function categoryName(report: ChecklistReport, category: string): string {
  return tr(report, `category.${category}` as MessageKey);
}

function gateStatus(report: ChecklistReport, category: CategoryResult): Marked {
  if (!category.gate) return { symbol: SYMBOL.none, text: tr(report, 'gate.none') };
  if (category.gate.notApplicable) return { symbol: SYMBOL.none, text: tr(report, 'gate.notApplicable') };
  return category.gate.passed ? { symbol: SYMBOL.pass, text: tr(report, 'gate.passed') } : { symbol: SYMBOL.fail, text: tr(report, 'gate.failed') };
}

function weightText(report: ChecklistReport, category: CategoryResult): string {
  return category.weight > 0 ? `${Math.round(category.weight * 100)}%` : tr(report, 'report.notWeighted');
}

function date(report: ChecklistReport): string {
  return report.generatedAt.slice(0, 10);
}

type DetailKind = 'attestation' | 'finding' | 'evidence' | 'hint';

/** A line of an item's details: `location` (a linked file:line) comes before `text`; `group` lines head a rule's findings. */
interface DetailLine {
  kind: DetailKind;
  text: string;
  location?: Location;
  group?: { group: RuleGroup; locations: Location[] };
}

interface Location {
  label: string;
  message: string;
  href?: string;
}

/** The lines describing an item's proof: attestation, findings grouped by rule (errors first), evidence, targets, how to verify it. */
function detailLines(report: ChecklistReport, item: ChecklistItemResult): DetailLine[] {
  const lines: DetailLine[] = [];
  if (item.contradiction) lines.push({ kind: 'finding', text: item.contradiction.message });
  if (item.rejectedAttestation) lines.push({ kind: 'hint', text: item.rejectedAttestation.reason });
  if (item.attestation) {
    const status = tr(report, `attestation.${item.attestation.status}` as MessageKey);
    let text = item.attestation.by ? tr(report, 'report.attestedBy', { status, by: item.attestation.by }) : tr(report, 'report.attestedAnonymous', { status });
    if (item.attestation.date) text += ` ${tr(report, 'report.on', { date: item.attestation.date })}`;
    if (item.attestation.note) text += `: ${item.attestation.note}`;
    lines.push({ kind: 'attestation', text });
  }
  for (const group of groupByRule(item.findings)) {
    const locations = group.files.flatMap((file) =>
      file.findings.map((finding) => ({ label: `${finding.file}:${finding.range.start.line + 1}`, message: finding.message, href: fileHref(report, finding.file, finding.range.start.line) })),
    );
    lines.push({ kind: 'finding', text: `${group.ruleId} (${tr(report, `report.severity.${group.severity}` as MessageKey)}) · ${inFiles(report, group.count, group.files.length)}`, group: { group, locations } });
  }
  for (const hit of item.evidence) {
    const label = `${hit.file}${hit.line !== undefined ? `:${hit.line + 1}` : ''}`;
    lines.push({ kind: 'evidence', text: `${hit.what}. ${hit.why}`, location: { label, message: '', href: fileHref(report, hit.file, hit.line) } });
  }
  for (const target of item.targets ?? []) {
    if (target.declared.length === 0) continue;
    const values = target.declared.map((value) => `${formatValue(value.value, target.target.unit, report.locale)} ${value.met ? SYMBOL.pass : SYMBOL.fail}`).join(', ');
    lines.push({ kind: 'hint', text: tr(report, 'report.targetLine', { target: target.target.text, values }) });
  }
  if (item.proof?.summary && !item.contradiction) lines.push({ kind: 'hint', text: tr(report, 'report.proof', { summary: item.proof.summary }) });
  if (item.proof?.toVerify?.length) {
    lines.push({ kind: 'hint', text: tr(report, 'report.toVerify', { steps: item.proof.toVerify.map((step) => step.text).join(' ') }) });
  }
  return lines;
}

function plural(report: ChecklistReport, key: string, n: number): string {
  return tr(report, `${key}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n: formatNumber(report.locale, n) });
}

/** "139 in 31 files". */
function inFiles(report: ChecklistReport, count: number, files: number): string {
  return tr(report, 'report.inFiles', { count: formatNumber(report.locale, count), files: plural(report, 'cli.count.file', files) });
}

/** The base of file links: `application.repositoryUrl` when it is a web address; a bare GitHub or GitLab repository gets its default branch. */
function repositoryBase(report: ChecklistReport): string | undefined {
  const url = report.application?.repositoryUrl?.trim().replace(/\/+$/, '');
  if (!url || !/^https?:\/\/[^\s"'<>`]+$/i.test(url)) return undefined;
  if (/^https:\/\/github\.com\/[^/]+\/[^/]+$/i.test(url)) return `${url}/blob/HEAD`;
  if (/^https:\/\/gitlab\.com\/[^/]+\/[^/]+$/i.test(url)) return `${url}/-/blob/HEAD`;
  return url;
}

/**
 * A link to a workspace file (and line): relative to the workspace root, or under the repository's
 * web address. A path outside the workspace gets no link. Every segment is percent-encoded, so no
 * path can turn into a scheme, break out of a Markdown link or an HTML attribute.
 */
function fileHref(report: ChecklistReport, file: string, line?: number): string | undefined {
  if (!file || file.startsWith('/') || /^[a-z]:/i.test(file) || file.split('/').includes('..')) return undefined;
  const path = file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()!'*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  const anchor = line === undefined ? '' : `#L${line + 1}`;
  const base = repositoryBase(report);
  return base ? `${base}/${path}${anchor}` : `${path}${anchor}`;
}

/** The "Fix first" entries of the report: annotated by the server, or ranked here from the report alone. */
function fixFirstOf(report: ChecklistReport): FixFirstEntry[] {
  return report.fixFirst ?? rankFixFirst(report);
}

function reasonText(report: ChecklistReport, entry: FixFirstEntry): string {
  const gain = entry.scoreGain > 0 ? tr(report, 'report.reason.score', { points: formatNumber(report.locale, entry.scoreGain) }) : '';
  switch (entry.reason) {
    case 'critical':
      return [tr(report, 'report.reason.critical'), gain].filter(Boolean).join(' ');
    case 'gate': {
      const category = categoryName(report, entry.category);
      const distance = entry.gateDistance ?? 0;
      const gate = distance === 1 ? tr(report, 'report.reason.gate.one', { category }) : tr(report, 'report.reason.gate.other', { category, n: formatNumber(report.locale, distance) });
      return [gate, gain].filter(Boolean).join(' ');
    }
    case 'score':
      return gain || tr(report, 'report.reason.complete');
  }
}

/** The next step of an entry; `where` is the finding's location, rendered (and linked) by the caller. */
function nextStep(report: ChecklistReport, entry: FixFirstEntry, where: string): string {
  switch (entry.action) {
    case 'fix':
      return tr(report, 'report.action.fix', { title: entry.finding?.fix?.title ?? '', where });
    case 'open':
      return tr(report, 'report.action.open', { where });
    case 'attest':
      return tr(report, 'report.action.attest');
  }
}

/** What is proven next to what is unknown: the headline numbers of both formats. */
function headline(report: ChecklistReport): { proven: string; unknown: string; gates: string } {
  const totals = report.totals;
  const unknown = totals ? tr(report, 'report.unknownOf', { n: formatNumber(report.locale, totals.notVerified), total: formatNumber(report.locale, totals.total) }) : '-';
  return { proven: pct(report, report.score), unknown, gates: `${report.gatesPassed}/${report.gatesTotal}` };
}

function totalsText(report: ChecklistReport): string {
  const totals = report.totals;
  return tr(report, 'report.totals', {
    satisfied: totals.satisfied,
    attested: totals.attested,
    failing: totals.failing,
    contradicted: totals.contradicted,
    notVerified: totals.notVerified,
    notApplicable: totals.notApplicable,
    total: totals.total,
  });
}

/** The seed's success metrics, then the other targets, each with what the files declare. */
function targetRows(report: ChecklistReport): { title: string; target: string; declared: string; status: Marked }[] {
  const metricIds = new Set((report.metrics ?? []).map((metric) => metric.id));
  const rows = (report.metrics ?? []).map((metric: SuccessMetric) => ({ title: metric.title, target: metric.target.text, declared: declaredText(report, metric.declared, metric.target.unit), status: metStatus(report, metric.met) }));
  for (const target of report.targets ?? []) {
    if (metricIds.has(target.id as SuccessMetric['id'])) continue;
    const items = report.categories.flatMap((category) => category.items).flatMap((item) => item.targets ?? []).filter((result) => result.target.id === target.id);
    const declared = items.flatMap((result) => result.declared);
    const shown = declared.find((value) => !value.met) ?? declared[0];
    rows.push({ title: tr(report, `target.name.${target.id}` as MessageKey), target: target.text, declared: declaredText(report, shown, target.unit), status: metStatus(report, shown?.met) });
  }
  return rows;
}

// ---- Markdown -------------------------------------------------------------------------------------

/** Text from the workspace inside a Markdown table cell: no table breaks, no HTML, no links or emphasis it did not ask for. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** Text from the workspace in Markdown flow text (a heading, a list item): one line, no markup of its own. */
function inline(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\r?\n/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]#!~])/g, '\\$1');
}

/** A Markdown link to a workspace file; the text is escaped, the target percent-encoded by fileHref. */
function mdLink(text: string, href: string | undefined): string {
  return href ? `[${cell(text)}](${href})` : cell(text);
}

function mdStatus(report: ChecklistReport, status: ItemStatus): string {
  return `${STATUS_SYMBOLS[status]} ${tr(report, `status.${status}` as MessageKey)}`;
}

/** An item's details in one table cell: lines joined by <br>, a rule group's first locations under it. */
function mdDetails(report: ChecklistReport, item: ChecklistItemResult): string {
  const out: string[] = [];
  for (const line of detailLines(report, item)) {
    if (line.group) {
      const { group, locations } = line.group;
      out.push(`${SEVERITY_SYMBOLS[group.severity]} ${cell(line.text)}`);
      for (const location of locations.slice(0, SHOWN_LOCATIONS)) out.push(`&nbsp;&nbsp;${mdLink(location.label, location.href)}: ${cell(location.message)}`);
      if (locations.length > SHOWN_LOCATIONS) out.push(`&nbsp;&nbsp;${cell(tr(report, 'report.moreLocations', { count: formatNumber(report.locale, locations.length - SHOWN_LOCATIONS) }))}`);
      continue;
    }
    const prefix = line.kind === 'evidence' ? `${SYMBOL.pass} ` : line.kind === 'attestation' ? '✎ ' : line.kind === 'finding' ? `${SYMBOL.warn} ` : '';
    out.push(`${prefix}${line.location ? `${mdLink(line.location.label, line.location.href)}: ` : ''}${cell(line.text)}`);
  }
  return out.join('<br>');
}

function mdItemRows(report: ChecklistReport, items: readonly ChecklistItemResult[]): string[] {
  const rows = [`| ${tr(report, 'report.status')} | ${tr(report, 'report.item')} | ${tr(report, 'report.details')} |`, '|---|---|---|'];
  for (const item of items) {
    const critical = item.critical ? ` · _${tr(report, 'report.critical')}_` : '';
    rows.push(`| ${mdStatus(report, item.status)} | **${cell(item.title)}**${critical}<br>\`${item.id}\` | ${mdDetails(report, item)} |`);
  }
  return rows;
}

function renderMarkdown(report: ChecklistReport): string {
  const out: string[] = [];
  const head = headline(report);
  out.push(`# ${title(report, inline)}`, '');
  out.push(tr(report, 'report.generated', { date: date(report) }), '');
  out.push(`| ${tr(report, 'report.proven')} | ${tr(report, 'report.unknownItems')} | ${tr(report, 'report.gates')} | ${tr(report, 'report.verdict')} |`, '|---|---|---|---|');
  out.push(`| **${head.proven}** | ${head.unknown} | ${head.gates} | ${report.approved ? SYMBOL.pass : SYMBOL.fail} **${cell(verdict(report))}** |`, '');
  if (report.totals) out.push(totalsText(report), '');

  if (report.problems.length) {
    out.push(`> [!WARNING]`, `> **${tr(report, 'report.problems')}**`);
    for (const problem of report.problems) out.push(`> - ${inline(problem)}`);
    out.push('');
  }

  const entries = fixFirstOf(report);
  out.push(`## 🔧 ${tr(report, 'report.fixFirst')}`, '');
  if (entries.length === 0) out.push(tr(report, 'report.fixFirstNone'), '');
  else {
    out.push(tr(report, 'report.fixFirstIntro'), '');
    out.push(`| # | ${tr(report, 'report.item')} | ${tr(report, 'report.why')} | ${tr(report, 'report.findings')} | ${tr(report, 'report.nextStep')} |`, '|---|---|---|---|---|');
    entries.slice(0, FIX_FIRST_SHOWN).forEach((entry, index) => {
      const finding = entry.finding;
      const where = finding ? mdLink(`${finding.file}:${finding.range.start.line + 1}`, fileHref(report, finding.file, finding.range.start.line)) : '';
      const critical = entry.critical ? ` · _${tr(report, 'report.critical')}_` : '';
      const findings = entry.findings > 0 ? inFiles(report, entry.findings, entry.files) : '-';
      // The translated sentence is escaped around the link, which is rendered (and escaped) apart.
      out.push(`| ${index + 1} | ${mdStatus(report, entry.status)} **${cell(entry.title)}**${critical}<br>\`${entry.itemId}\` | ${cell(reasonText(report, entry))} | ${findings} | ${nextStep(report, entry, '\u0000').split('\u0000').map(cell).join(where)} |`);
    });
    out.push('');
    if (entries.length > FIX_FIRST_SHOWN) out.push(tr(report, 'report.fixFirstMore', { count: formatNumber(report.locale, entries.length - FIX_FIRST_SHOWN) }), '');
  }

  out.push(`## 📋 ${tr(report, 'report.applicationInfo')}`, '');
  out.push(`| ${tr(report, 'report.field')} | ${tr(report, 'report.value')} |`, '|---|---|');
  for (const field of APPLICATION_FIELDS) {
    const value = report.application[field];
    out.push(`| **${tr(report, `app.${field}` as MessageKey)}** | ${value ? cell(value) : `_${tr(report, 'report.notSet')}_`} |`);
  }
  out.push('');

  out.push(`## ✅ ${tr(report, 'report.approvalCriteria')}`, '');
  out.push(`| ${tr(report, 'report.category')} | ${tr(report, 'report.weight')} | ${tr(report, 'report.criterion')} | ${tr(report, 'report.score')} | ${tr(report, 'report.status')} |`, '|---|---|---|---|---|');
  for (const category of report.categories) {
    out.push(
      `| **${CATEGORY_ICONS[category.category] ?? ''} ${categoryName(report, category.category)}** | ${weightText(report, category)} | ${category.gate ? cell(category.gate.criterion) : '-'} | ${scoreText(report, category)} | ${marked(gateStatus(report, category))}${category.gate?.reasons?.length ? `<br>${category.gate.reasons.map(cell).join('<br>')}` : ''} |`,
    );
  }
  out.push('');
  if (report.critical) out.push(`> ${inline(report.critical.note)}`, '');

  if (report.approval) {
    out.push(`## 🧭 ${tr(report, 'report.flow')}`, '');
    report.approval.flow.forEach((step, index) => {
      const blocking = step.id === report.approval.blockingStep;
      out.push(`${index + 1}. ${step.passed ? SYMBOL.pass : SYMBOL.fail} ${step.question}${step.passed ? '' : ` ${tr(report, 'report.flowNo', { action: step.action })}`}${blocking ? ` **${tr(report, 'report.blocking')}**` : ''}`);
    });
    out.push(`${report.approval.flow.length + 1}. ${report.approved ? SYMBOL.pass : SYMBOL.open} ${tr(report, 'verdict.approved')}`, '');
  }

  if (report.metrics) {
    out.push(`## 🎯 ${tr(report, 'report.targetsAndMetrics')}`, '');
    out.push(`| ${tr(report, 'report.metric')} | ${tr(report, 'report.target')} | ${tr(report, 'report.declared')} | ${tr(report, 'report.status')} |`, '|---|---|---|---|');
    for (const row of targetRows(report)) out.push(`| **${row.title}** | ${cell(row.target)} | ${cell(row.declared)} | ${marked(row.status)} |`);
    out.push('');
  }

  for (const category of report.categories) {
    out.push(`## ${CATEGORY_ICONS[category.category] ?? ''} ${categoryName(report, category.category)}: ${scoreText(report, category)}`, '');
    out.push(tr(report, 'report.counts', { satisfied: category.counts.satisfied + category.counts.attested, applicable: category.counts.applicable }), '');
    const [known, unknown] = splitUnknown(category);
    if (known.length) out.push(...mdItemRows(report, known), '');
    if (unknown.length) out.push(`**${tr(report, 'report.itemsToVerify', { items: plural(report, 'count.item', unknown.length) })}**`, '', ...mdItemRows(report, unknown), '');
  }

  if (report.approval) {
    out.push(`## ✅ ${tr(report, 'report.finalApproval')}`, '');
    out.push(`| ${tr(report, 'report.category')} | ${tr(report, 'report.status')} | ${tr(report, 'report.owner')} | ${tr(report, 'report.date')} | ${tr(report, 'report.notes')} |`, '|---|---|---|---|---|');
    for (const row of report.approval.table) {
      const status = `${approvalSymbol(row.status)} ${tr(report, `approval.${row.status}` as MessageKey)}${row.contradicted ? ` ${SYMBOL.warn} ${tr(report, 'report.gateOpen')}` : ''}`;
      out.push(`| **${CATEGORY_ICONS[row.category] ?? ''} ${categoryName(report, row.category)}** | ${status} | ${row.name ? `${cell(row.name)} (${row.owner})` : row.owner} | ${row.date ? cell(row.date) : '-'} | ${row.notes ? cell(row.notes) : '-'} |`);
    }
    out.push('');
  }

  out.push(`## ✍️ ${tr(report, 'report.signoff')}`, '');
  out.push(`| ${tr(report, 'report.role')} | ${tr(report, 'report.name')} | ${tr(report, 'report.date')} |`, '|---|---|---|');
  for (const signoff of report.signoffs) {
    out.push(`| **${cell(signoff.title)}** | ${signoff.name ? `${SYMBOL.pass} ${cell(signoff.name)}` : `${SYMBOL.open} _${tr(report, 'report.pending')}_`} | ${signoff.date ? cell(signoff.date) : '-'} |`);
  }
  out.push('');
  return out.join('\n');
}

/** A category's items in the panel's order, split into what the files or a person decided and what nobody can tell yet. */
function splitUnknown(category: CategoryResult): [ChecklistItemResult[], ChecklistItemResult[]] {
  const ordered = itemOrder(category.items);
  return [ordered.filter((item) => item.status !== 'not-verified'), ordered.filter((item) => item.status === 'not-verified')];
}

function approvalSymbol(status: 'pending' | 'approved' | 'rejected'): string {
  return status === 'approved' ? SYMBOL.pass : status === 'rejected' ? SYMBOL.fail : SYMBOL.open;
}

// ---- HTML -----------------------------------------------------------------------------------------

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Links the report writes itself (fileHref): relative paths with encoded segments, or http(s) under the repository address. */
function safeHref(href: string | undefined): string | undefined {
  return href && (/^https?:\/\//i.test(href) || /^[^:/?#\\]+(?:\/[^:/?#\\]+)*(?:#L\d+)?$/.test(href)) ? href : undefined;
}

function htmlLink(text: string, href: string | undefined): string {
  const safe = safeHref(href);
  return safe ? `<a href="${esc(safe)}">${esc(text)}</a>` : esc(text);
}

/** A symbol for the eye, hidden from screen readers: the word next to it says the same. */
function sym(symbol: string): string {
  return `<span class="sym" aria-hidden="true">${symbol}</span>`;
}

const CSS = `
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, "DejaVu Sans", sans-serif; color: #1f2328; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2rem; }
details.section > summary { cursor: pointer; list-style: none; } details.section > summary::-webkit-details-marker { display: none; }
details.section > summary h2 { display: inline-block; width: calc(100% - 1.2rem); }
details.section > summary::before { content: '▸'; display: inline-block; width: 1.2rem; color: var(--muted); } details.section[open] > summary::before { content: '▾'; }
details.more > summary, details.unknown > summary { cursor: pointer; color: var(--muted); }
details.unknown { margin: .5rem 0 1rem; } details.unknown > summary { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left; vertical-align: top; }
th { background: var(--bg); }
.muted { color: var(--muted); } code { font: 12px ui-monospace, SFMono-Regular, Menlo, "DejaVu Sans Mono", monospace; background: var(--bg); padding: 0 .25rem; border-radius: 3px; }
.summary { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.summary div { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; min-width: 12rem; }
.summary strong { display: block; font-size: 1.4rem; } .summary div.verdict { flex: 1 1 20rem; } .summary .verdict strong { font-size: 1.05rem; }
.pass { color: var(--ok); } .fail { color: var(--bad); } .unknown-count { color: var(--warn); }
.sym { display: inline-block; min-width: 1em; font-weight: 700; }
.status { white-space: nowrap; font-weight: 600; }
.s-satisfied, .s-attested { color: var(--ok); } .s-failing, .s-contradicted { color: var(--bad); } .s-not-verified { color: var(--warn); } .s-not-applicable { color: var(--muted); }
.critical { color: var(--bad); font-size: .8rem; border: 1px solid var(--bad); border-radius: 3px; padding: 0 .25rem; margin-left: .3rem; }
ul.details { margin: 0; padding-left: 0; list-style: none; } ul.details ul { margin: 0; padding-left: 1.4rem; }
ul.details li.finding > .sym { color: var(--bad); } ul.details li.sev-warning > .sym { color: var(--warn); } ul.details li.sev-information > .sym, ul.details li.sev-hint > .sym { color: var(--muted); }
ul.details li.evidence > .sym { color: var(--ok); } ul.details li.hint { color: var(--muted); }
ol.fix-first { padding-left: 1.6rem; } ol.fix-first li { margin: .35rem 0; } ol.fix-first .why, ol.fix-first .step { display: block; }
.problems { border: 1px solid var(--warn); background: #fff8c5; padding: .5rem 1rem; border-radius: 6px; }
a { color: inherit; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; } tr, li, .summary div { break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
  .summary div { border-color: #999; }
  details.section > summary::before, details.section[open] > summary::before { content: none; }
  details.unknown > summary { list-style: none; } details.unknown > summary::-webkit-details-marker { display: none; }
  details.section::details-content, details.unknown::details-content { content-visibility: visible; display: contents; }
  details.unknown > summary { color: inherit; }
}`;

function htmlStatus(report: ChecklistReport, status: ItemStatus): string {
  return `${sym(STATUS_SYMBOLS[status])} ${esc(tr(report, `status.${status}` as MessageKey))}`;
}

function htmlDetails(report: ChecklistReport, item: ChecklistItemResult): string {
  const out: string[] = [];
  for (const line of detailLines(report, item)) {
    if (line.group) {
      const { group, locations } = line.group;
      const item = (location: Location) => `<li>${htmlLink(location.label, location.href)}: ${esc(location.message)}</li>`;
      const rest = locations.slice(SHOWN_LOCATIONS, MAX_LOCATIONS);
      const dropped = locations.length - SHOWN_LOCATIONS - rest.length;
      const more = rest.length
        ? `<li><details class="more"><summary>${esc(tr(report, 'report.moreLocations', { count: formatNumber(report.locale, locations.length - SHOWN_LOCATIONS) }))}</summary><ul>${rest.map(item).join('')}${dropped > 0 ? `<li class="muted">${esc(tr(report, 'report.moreFindings', { count: formatNumber(report.locale, dropped) }))}</li>` : ''}</ul></details></li>`
        : '';
      out.push(
        `<li class="finding sev-${group.severity}">${sym(SEVERITY_SYMBOLS[group.severity])} <code>${esc(group.ruleId)}</code> ${esc(line.text.slice(group.ruleId.length + 1))}<ul>${locations.slice(0, SHOWN_LOCATIONS).map(item).join('')}${more}</ul></li>`,
      );
      continue;
    }
    const symbol = line.kind === 'evidence' ? sym(SYMBOL.pass) + ' ' : line.kind === 'attestation' ? sym('✎') + ' ' : line.kind === 'finding' ? sym(SYMBOL.warn) + ' ' : '';
    out.push(`<li class="${line.kind}">${symbol}${line.location ? `${htmlLink(line.location.label, line.location.href)}: ` : ''}${esc(line.text)}</li>`);
  }
  return out.length ? `<ul class="details">${out.join('')}</ul>` : '';
}

function htmlItemTable(report: ChecklistReport, items: readonly ChecklistItemResult[]): string {
  const rows = items.map((item) => {
    const critical = item.critical ? `<span class="critical" title="${esc(item.criticalReason ?? '')}">${esc(tr(report, 'report.critical'))}</span>` : '';
    return (
      `<tr><td class="status s-${item.status}">${htmlStatus(report, item.status)}</td>` +
      `<td><strong>${esc(item.title)}</strong>${critical}<br><code>${esc(item.id)}</code><br><span class="muted">${esc(item.description)}</span></td>` +
      `<td>${htmlDetails(report, item)}</td></tr>`
    );
  });
  return `<table>\n<thead><tr><th>${esc(tr(report, 'report.status'))}</th><th>${esc(tr(report, 'report.item'))}</th><th>${esc(tr(report, 'report.details'))}</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** A collapsible section with an h2 summary, open unless `open` is false. */
function section(id: string, heading: string, body: string[], open = true): string[] {
  return [`<details class="section" id="${esc(id)}"${open ? ' open' : ''}>`, `<summary><h2>${heading}</h2></summary>`, ...body, '</details>'];
}

function renderHtml(report: ChecklistReport): string {
  const out: string[] = [];
  const lang = report.locale === 'pt-BR' ? 'pt-BR' : 'en';
  const head = headline(report);
  out.push(`<!DOCTYPE html>`, `<html lang="${lang}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(title(report))}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  out.push(`<h1>${esc(title(report))}</h1>`, `<p class="muted">${esc(tr(report, 'report.generated', { date: date(report) }))}</p>`);
  out.push('<div class="summary">');
  out.push(`<div>${esc(tr(report, 'report.proven'))}<strong>${esc(head.proven)}</strong></div>`);
  out.push(`<div>${esc(tr(report, 'report.unknownItems'))}<strong class="unknown-count">${esc(head.unknown)}</strong></div>`);
  out.push(`<div>${esc(tr(report, 'report.gates'))}<strong>${esc(head.gates)}</strong></div>`);
  out.push(`<div class="verdict">${esc(tr(report, 'report.verdict'))}<strong class="${report.approved ? 'pass' : 'fail'}">${sym(report.approved ? SYMBOL.pass : SYMBOL.fail)} ${esc(verdict(report))}</strong></div>`);
  out.push('</div>');
  if (report.totals) out.push(`<p>${esc(totalsText(report))}</p>`);

  if (report.problems.length) {
    out.push(`<div class="problems"><strong>${esc(tr(report, 'report.problems'))}</strong><ul>`);
    for (const problem of report.problems) out.push(`<li>${esc(problem)}</li>`);
    out.push('</ul></div>');
  }

  const entries = fixFirstOf(report);
  const fixFirst: string[] = [];
  if (entries.length === 0) fixFirst.push(`<p>${esc(tr(report, 'report.fixFirstNone'))}</p>`);
  else {
    fixFirst.push(`<p class="muted">${esc(tr(report, 'report.fixFirstIntro'))}</p>`, '<ol class="fix-first">');
    for (const entry of entries.slice(0, FIX_FIRST_SHOWN)) {
      const finding = entry.finding;
      const where = finding ? htmlLink(`${finding.file}:${finding.range.start.line + 1}`, fileHref(report, finding.file, finding.range.start.line)) : '';
      const critical = entry.critical ? `<span class="critical">${esc(tr(report, 'report.critical'))}</span>` : '';
      const findings = entry.findings > 0 ? ` · ${esc(inFiles(report, entry.findings, entry.files))}` : '';
      // The translated sentence is escaped around the link, which is rendered (and escaped) apart.
      const step = nextStep(report, entry, '\u0000').split('\u0000').map(esc).join(where);
      fixFirst.push(
        `<li><span class="status s-${entry.status}">${htmlStatus(report, entry.status)}</span> <strong>${esc(entry.title)}</strong>${critical} <code>${esc(entry.itemId)}</code>${findings}` +
          `<span class="why muted">${esc(reasonText(report, entry))}</span><span class="step">${step}</span></li>`,
      );
    }
    fixFirst.push('</ol>');
    if (entries.length > FIX_FIRST_SHOWN) fixFirst.push(`<p class="muted">${esc(tr(report, 'report.fixFirstMore', { count: formatNumber(report.locale, entries.length - FIX_FIRST_SHOWN) }))}</p>`);
  }
  out.push(...section('fix-first', esc(tr(report, 'report.fixFirst')), fixFirst));

  const application = ['<table>', `<thead><tr><th>${esc(tr(report, 'report.field'))}</th><th>${esc(tr(report, 'report.value'))}</th></tr></thead>`, '<tbody>'];
  for (const field of APPLICATION_FIELDS) {
    const value = report.application[field];
    application.push(`<tr><th>${esc(tr(report, `app.${field}` as MessageKey))}</th><td>${value ? esc(value) : `<span class="muted">${esc(tr(report, 'report.notSet'))}</span>`}</td></tr>`);
  }
  application.push('</tbody></table>');
  out.push(...section('application', esc(tr(report, 'report.applicationInfo')), application));

  const criteria = ['<table>'];
  criteria.push(
    `<thead><tr><th>${esc(tr(report, 'report.category'))}</th><th>${esc(tr(report, 'report.weight'))}</th><th>${esc(tr(report, 'report.criterion'))}</th><th>${esc(tr(report, 'report.score'))}</th><th>${esc(tr(report, 'report.status'))}</th></tr></thead>`,
    '<tbody>',
  );
  for (const category of report.categories) {
    const gateClass = category.gate ? (category.gate.passed ? 'pass' : 'fail') : 'muted';
    const gate = gateStatus(report, category);
    criteria.push(
      `<tr><th><a href="#${esc(category.category.toLowerCase())}">${esc(categoryName(report, category.category))}</a></th><td>${esc(weightText(report, category))}</td><td>${category.gate ? esc(category.gate.criterion) : '-'}</td><td>${esc(scoreText(report, category))}</td><td class="${gateClass}">${sym(gate.symbol)} ${esc(gate.text)}${(category.gate?.reasons ?? []).map((reason) => `<br><span class="muted">${esc(reason)}</span>`).join('')}</td></tr>`,
    );
  }
  criteria.push('</tbody></table>');
  if (report.critical) criteria.push(`<p class="muted">${esc(report.critical.note)}</p>`);
  out.push(...section('approval-criteria', esc(tr(report, 'report.approvalCriteria')), criteria));

  if (report.approval) {
    const flow = ['<ol class="flow">'];
    for (const step of report.approval.flow) {
      const blocking = step.id === report.approval.blockingStep;
      flow.push(`<li class="${step.passed ? 'pass' : 'fail'}">${sym(step.passed ? SYMBOL.pass : SYMBOL.fail)} ${esc(step.question)}${step.passed ? '' : ` ${esc(tr(report, 'report.flowNo', { action: step.action }))}`}${blocking ? ` <strong>${esc(tr(report, 'report.blocking'))}</strong>` : ''}</li>`);
    }
    flow.push(`<li>${sym(report.approved ? SYMBOL.pass : SYMBOL.open)} ${esc(tr(report, 'verdict.approved'))}</li>`, '</ol>');
    out.push(...section('flow', esc(tr(report, 'report.flow')), flow));
  }

  if (report.metrics) {
    const metrics = ['<table>'];
    metrics.push(`<thead><tr><th>${esc(tr(report, 'report.metric'))}</th><th>${esc(tr(report, 'report.target'))}</th><th>${esc(tr(report, 'report.declared'))}</th><th>${esc(tr(report, 'report.status'))}</th></tr></thead>`, '<tbody>');
    for (const row of targetRows(report)) metrics.push(`<tr><th>${esc(row.title)}</th><td>${esc(row.target)}</td><td>${esc(row.declared)}</td><td>${sym(row.status.symbol)} ${esc(row.status.text)}</td></tr>`);
    metrics.push('</tbody></table>');
    out.push(...section('targets', esc(tr(report, 'report.targetsAndMetrics')), metrics));
  }

  for (const category of report.categories) {
    const body = [`<p class="muted">${esc(tr(report, 'report.counts', { satisfied: category.counts.satisfied + category.counts.attested, applicable: category.counts.applicable }))}</p>`];
    const [known, unknown] = splitUnknown(category);
    if (known.length) body.push(htmlItemTable(report, known));
    if (unknown.length) {
      body.push(`<details class="unknown"><summary>${sym(SYMBOL.open)} ${esc(tr(report, 'report.itemsToVerify', { items: plural(report, 'count.item', unknown.length) }))}</summary>`, htmlItemTable(report, unknown), '</details>');
    }
    out.push(...section(category.category.toLowerCase(), `${esc(categoryName(report, category.category))}: ${esc(scoreText(report, category))}`, body));
  }

  if (report.approval) {
    const approval = ['<table>'];
    approval.push(`<thead><tr><th>${esc(tr(report, 'report.category'))}</th><th>${esc(tr(report, 'report.status'))}</th><th>${esc(tr(report, 'report.owner'))}</th><th>${esc(tr(report, 'report.date'))}</th><th>${esc(tr(report, 'report.notes'))}</th></tr></thead>`, '<tbody>');
    for (const row of report.approval.table) {
      const status = `${tr(report, `approval.${row.status}` as MessageKey)}${row.contradicted ? ` (${tr(report, 'report.gateOpen')})` : ''}`;
      approval.push(`<tr><th>${esc(categoryName(report, row.category))}</th><td class="${row.status === 'approved' ? 'pass' : row.status === 'rejected' ? 'fail' : 'muted'}">${sym(approvalSymbol(row.status))} ${esc(status)}</td><td>${row.name ? `${esc(row.name)} (${esc(row.owner)})` : esc(row.owner)}</td><td>${row.date ? esc(row.date) : ''}</td><td>${row.notes ? esc(row.notes) : ''}</td></tr>`);
    }
    approval.push('</tbody></table>');
    out.push(...section('final-approval', esc(tr(report, 'report.finalApproval')), approval));
  }

  const signoffs = ['<table>', `<thead><tr><th>${esc(tr(report, 'report.role'))}</th><th>${esc(tr(report, 'report.name'))}</th><th>${esc(tr(report, 'report.date'))}</th></tr></thead>`, '<tbody>'];
  for (const signoff of report.signoffs) {
    signoffs.push(`<tr><th>${esc(signoff.title)}</th><td>${signoff.name ? `${sym(SYMBOL.pass)} ${esc(signoff.name)}` : `<span class="muted">${sym(SYMBOL.open)} ${esc(tr(report, 'report.pending'))}</span>`}</td><td>${signoff.date ? esc(signoff.date) : ''}</td></tr>`);
  }
  signoffs.push('</tbody></table>');
  out.push(...section('signoff', esc(tr(report, 'report.signoff')), signoffs));
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

// ---- Terminal summary -----------------------------------------------------------------------------

/** A few lines for the terminal: the score, each gate, the verdict, the top five failing items. */
export function renderSummary(report: ChecklistReport): string {
  const lines: string[] = [];
  lines.push(tr(report, 'summary.header', { score: formatPercent(report.locale, report.score), passed: report.gatesPassed, total: report.gatesTotal, verdict: verdict(report) }));
  const scored = report.categories.filter((category) => category.gate);
  if (report.totals) lines.push(totalsText(report));
  const width = Math.max(...scored.map((category) => categoryName(report, category.category).length));
  const markWidth = Math.max(tr(report, 'summary.pass').length, tr(report, 'summary.fail').length);
  for (const category of scored) {
    lines.push(
      `  ${tr(report, 'summary.gate', {
        mark: (category.gate!.passed ? tr(report, 'summary.pass') : tr(report, 'summary.fail')).padEnd(markWidth),
        category: categoryName(report, category.category).padEnd(width),
        score: (category.applicable === false ? '-' : formatPercent(report.locale, category.score)).padStart(5),
        criterion: category.gate!.criterion,
      })}`,
    );
  }
  lines.push(tr(report, 'summary.signoffs', { recorded: report.signoffs.filter((signoff) => signoff.name).length }));
  const failing = report.categories
    .flatMap((category) => category.items)
    .filter((item) => item.status === 'failing' || item.status === 'contradicted')
    .sort((a, b) => Number(b.critical) - Number(a.critical) || b.findings.length - a.findings.length || a.id.localeCompare(b.id))
    .slice(0, 5);
  if (failing.length === 0) {
    lines.push(tr(report, 'summary.noFailing'));
  } else {
    lines.push(tr(report, 'summary.topFailing'));
    failing.forEach((item, index) =>
      lines.push(`  ${tr(report, 'summary.failingItem', { index: index + 1, id: item.id, title: item.title, findings: tr(report, item.findings.length === 1 ? 'cli.count.finding.one' : 'cli.count.finding.other', { n: item.findings.length }), critical: item.critical ? tr(report, 'summary.criticalMark') : '' })}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
