/**
 * Renders a computed checklist as the seed's "Checklist Final": application information, the
 * approval criteria, the pre-production flow with the step that blocks, the targets and success
 * metrics, every item with its status and proof, the Final Approval table and the sign-offs.
 * Markdown for GitHub, self-contained HTML (inline CSS, no scripts, printable), JSON, and a short
 * terminal summary. Every text that comes from the workspace (names, notes, messages, paths) is
 * escaped for the format it lands in.
 */
import { APPLICATION_FIELDS } from '../engine/config';
import { formatPercent, t, type MessageKey } from '../i18n/index';
import { formatValue } from './targets';
import type { CategoryResult, ChecklistItemResult, ChecklistReport, DeclaredValue, ItemStatus, SuccessMetric } from './types';

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

const STATUS_ICONS: Record<ItemStatus, string> = {
  satisfied: '✅',
  attested: '✍️',
  failing: '❌',
  'not-verified': '⏳',
  'not-applicable': '➖',
  contradicted: '⚠️',
};

/** Findings shown per item before "... and N more". */
const MAX_FINDINGS = 5;

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

function metStatus(report: ChecklistReport, met: boolean | undefined): string {
  return met === undefined ? `⏳ ${tr(report, 'report.unknown')}` : met ? `✅ ${tr(report, 'report.met')}` : `❌ ${tr(report, 'report.missed')}`;
}

function categoryName(report: ChecklistReport, category: string): string {
  return tr(report, `category.${category}` as MessageKey);
}

function gateText(report: ChecklistReport, category: CategoryResult): string {
  if (!category.gate) return tr(report, 'gate.none');
  if (category.gate.notApplicable) return `➖ ${tr(report, 'gate.notApplicable')}`;
  return category.gate.passed ? `✅ ${tr(report, 'gate.passed')}` : `❌ ${tr(report, 'gate.failed')}`;
}

function weightText(report: ChecklistReport, category: CategoryResult): string {
  return category.weight > 0 ? `${Math.round(category.weight * 100)}%` : tr(report, 'report.notWeighted');
}

function date(report: ChecklistReport): string {
  return report.generatedAt.slice(0, 10);
}

/** Plain-text lines describing an item's proof: attestation, findings, evidence, or how to verify it. */
function detailLines(report: ChecklistReport, item: ChecklistItemResult): { kind: 'attestation' | 'finding' | 'evidence' | 'hint'; text: string; href?: string }[] {
  const lines: { kind: 'attestation' | 'finding' | 'evidence' | 'hint'; text: string; href?: string }[] = [];
  if (item.contradiction) lines.push({ kind: 'finding', text: item.contradiction.message });
  if (item.rejectedAttestation) lines.push({ kind: 'hint', text: item.rejectedAttestation.reason });
  if (item.attestation) {
    const status = tr(report, `attestation.${item.attestation.status}` as MessageKey);
    let text = item.attestation.by ? tr(report, 'report.attestedBy', { status, by: item.attestation.by }) : tr(report, 'report.attestedAnonymous', { status });
    if (item.attestation.date) text += ` ${tr(report, 'report.on', { date: item.attestation.date })}`;
    if (item.attestation.note) text += `: ${item.attestation.note}`;
    lines.push({ kind: 'attestation', text });
  }
  for (const finding of item.findings.slice(0, MAX_FINDINGS)) {
    lines.push({ kind: 'finding', text: `${finding.ruleId} ${finding.file}:${finding.range.start.line + 1}: ${finding.message}`, href: finding.uri });
  }
  if (item.findings.length > MAX_FINDINGS) lines.push({ kind: 'finding', text: tr(report, 'report.moreFindings', { count: item.findings.length - MAX_FINDINGS }) });
  for (const hit of item.evidence) {
    lines.push({ kind: 'evidence', text: `${hit.file}${hit.line !== undefined ? `:${hit.line + 1}` : ''}: ${hit.what}. ${hit.why}`, href: hit.uri });
  }
  for (const target of item.targets ?? []) {
    if (target.declared.length === 0) continue;
    const values = target.declared.map((value) => `${formatValue(value.value, target.target.unit, report.locale)} ${value.met ? '✅' : '❌'}`).join(', ');
    lines.push({ kind: 'hint', text: tr(report, 'report.targetLine', { target: target.target.text, values }) });
  }
  if (item.proof?.summary && !item.contradiction) lines.push({ kind: 'hint', text: tr(report, 'report.proof', { summary: item.proof.summary }) });
  if (item.proof?.toVerify?.length) {
    lines.push({ kind: 'hint', text: tr(report, 'report.toVerify', { steps: item.proof.toVerify.map((step) => step.text).join(' ') }) });
  }
  return lines;
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
function targetRows(report: ChecklistReport): { title: string; target: string; declared: string; status: string }[] {
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

function renderMarkdown(report: ChecklistReport): string {
  const out: string[] = [];
  out.push(`# ${title(report, inline)}`, '');
  out.push(tr(report, 'report.generated', { date: date(report) }), '');
  out.push(`| ${tr(report, 'report.overallScore')} | ${tr(report, 'report.gates')} | ${tr(report, 'report.verdict')} |`, '|---|---|---|');
  out.push(`| **${pct(report, report.score)}** | ${report.gatesPassed}/${report.gatesTotal} | ${report.approved ? '✅' : '❌'} **${cell(verdict(report))}** |`, '');
  if (report.totals) out.push(totalsText(report), '');

  if (report.problems.length) {
    out.push(`> [!WARNING]`, `> **${tr(report, 'report.problems')}**`);
    for (const problem of report.problems) out.push(`> - ${inline(problem)}`);
    out.push('');
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
      `| **${CATEGORY_ICONS[category.category] ?? ''} ${categoryName(report, category.category)}** | ${weightText(report, category)} | ${category.gate ? cell(category.gate.criterion) : '-'} | ${scoreText(report, category)} | ${gateText(report, category)}${category.gate?.reasons?.length ? `<br>${category.gate.reasons.map(cell).join('<br>')}` : ''} |`,
    );
  }
  out.push('');
  if (report.critical) out.push(`> ${inline(report.critical.note)}`, '');

  if (report.approval) {
    out.push(`## 🧭 ${tr(report, 'report.flow')}`, '');
    report.approval.flow.forEach((step, index) => {
      const blocking = step.id === report.approval.blockingStep;
      out.push(`${index + 1}. ${step.passed ? '✅' : '❌'} ${step.question}${step.passed ? '' : ` ${tr(report, 'report.flowNo', { action: step.action })}`}${blocking ? ` **${tr(report, 'report.blocking')}**` : ''}`);
    });
    out.push(`${report.approval.flow.length + 1}. ${report.approved ? '✅' : '⏳'} ${tr(report, 'verdict.approved')}`, '');
  }

  if (report.metrics) {
    out.push(`## 🎯 ${tr(report, 'report.targetsAndMetrics')}`, '');
    out.push(`| ${tr(report, 'report.metric')} | ${tr(report, 'report.target')} | ${tr(report, 'report.declared')} | ${tr(report, 'report.status')} |`, '|---|---|---|---|');
    for (const row of targetRows(report)) out.push(`| **${row.title}** | ${cell(row.target)} | ${cell(row.declared)} | ${row.status} |`);
    out.push('');
  }

  for (const category of report.categories) {
    out.push(`## ${CATEGORY_ICONS[category.category] ?? ''} ${categoryName(report, category.category)}: ${scoreText(report, category)}`, '');
    out.push(tr(report, 'report.counts', { satisfied: category.counts.satisfied + category.counts.attested, applicable: category.counts.applicable }), '');
    out.push(`| ${tr(report, 'report.status')} | ${tr(report, 'report.item')} | ${tr(report, 'report.details')} |`, '|---|---|---|');
    for (const item of category.items) {
      const critical = item.critical ? ` ⚠️ _${tr(report, 'report.critical')}_` : '';
      const details = detailLines(report, item)
        .map((line) => {
          const prefix = line.kind === 'finding' ? '🔴 ' : line.kind === 'evidence' ? '🟢 ' : line.kind === 'attestation' ? '✍️ ' : '';
          return `${prefix}${cell(line.text)}`;
        })
        .join('<br>');
      out.push(`| ${STATUS_ICONS[item.status]} ${tr(report, `status.${item.status}` as MessageKey)} | **${cell(item.title)}**${critical}<br>\`${item.id}\` | ${details} |`);
    }
    out.push('');
  }

  if (report.approval) {
    out.push(`## ✅ ${tr(report, 'report.finalApproval')}`, '');
    out.push(`| ${tr(report, 'report.category')} | ${tr(report, 'report.status')} | ${tr(report, 'report.owner')} | ${tr(report, 'report.date')} | ${tr(report, 'report.notes')} |`, '|---|---|---|---|---|');
    for (const row of report.approval.table) {
      const status = `${row.status === 'approved' ? '✅' : row.status === 'rejected' ? '❌' : '⏳'} ${tr(report, `approval.${row.status}` as MessageKey)}${row.contradicted ? ` ⚠️ ${tr(report, 'report.gateOpen')}` : ''}`;
      out.push(`| **${CATEGORY_ICONS[row.category] ?? ''} ${categoryName(report, row.category)}** | ${status} | ${row.name ? `${cell(row.name)} (${row.owner})` : row.owner} | ${row.date ? cell(row.date) : '-'} | ${row.notes ? cell(row.notes) : '-'} |`);
    }
    out.push('');
  }

  out.push(`## ✍️ ${tr(report, 'report.signoff')}`, '');
  out.push(`| ${tr(report, 'report.role')} | ${tr(report, 'report.name')} | ${tr(report, 'report.date')} |`, '|---|---|---|');
  for (const signoff of report.signoffs) {
    out.push(`| **${cell(signoff.title)}** | ${signoff.name ? `✅ ${cell(signoff.name)}` : `⏳ _${tr(report, 'report.pending')}_`} | ${signoff.date ? cell(signoff.date) : '-'} |`);
  }
  out.push('');
  return out.join('\n');
}

// ---- HTML -----------------------------------------------------------------------------------------

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function safeHref(href: string | undefined): string | undefined {
  return href && /^(?:file|https?):/i.test(href) ? href : undefined;
}

const CSS = `
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left; vertical-align: top; }
th { background: var(--bg); }
.muted { color: var(--muted); } code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--bg); padding: 0 .25rem; border-radius: 3px; }
.summary { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.summary div { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; min-width: 12rem; }
.summary strong { display: block; font-size: 1.4rem; }
.pass { color: var(--ok); } .fail { color: var(--bad); }
.status { white-space: nowrap; font-weight: 600; }
.s-satisfied, .s-attested { color: var(--ok); } .s-failing, .s-contradicted { color: var(--bad); } .s-not-verified { color: var(--warn); } .s-not-applicable { color: var(--muted); }
.critical { color: var(--bad); font-size: .8rem; border: 1px solid var(--bad); border-radius: 3px; padding: 0 .25rem; margin-left: .3rem; }
ul.details { margin: 0; padding-left: 1.1rem; } ul.details li.finding { color: var(--bad); } ul.details li.evidence { color: var(--ok); } ul.details li.hint { color: var(--muted); list-style: none; margin-left: -1.1rem; }
.problems { border: 1px solid var(--warn); background: #fff8c5; padding: .5rem 1rem; border-radius: 6px; }
a { color: inherit; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; } tr, .summary div { break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
  .summary div { border-color: #999; }
}`;

function renderHtml(report: ChecklistReport): string {
  const out: string[] = [];
  const lang = report.locale === 'pt-BR' ? 'pt-BR' : 'en';
  out.push(`<!DOCTYPE html>`, `<html lang="${lang}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(title(report))}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  out.push(`<h1>${esc(title(report))}</h1>`, `<p class="muted">${esc(tr(report, 'report.generated', { date: date(report) }))}</p>`);
  out.push('<div class="summary">');
  out.push(`<div>${esc(tr(report, 'report.overallScore'))}<strong>${esc(pct(report, report.score))}</strong></div>`);
  out.push(`<div>${esc(tr(report, 'report.gates'))}<strong>${report.gatesPassed}/${report.gatesTotal}</strong></div>`);
  out.push(`<div>${esc(tr(report, 'report.verdict'))}<strong class="${report.approved ? 'pass' : 'fail'}">${esc(verdict(report))}</strong></div>`);
  out.push('</div>');
  if (report.totals) out.push(`<p>${esc(totalsText(report))}</p>`);

  if (report.problems.length) {
    out.push(`<div class="problems"><strong>${esc(tr(report, 'report.problems'))}</strong><ul>`);
    for (const problem of report.problems) out.push(`<li>${esc(problem)}</li>`);
    out.push('</ul></div>');
  }

  out.push(`<h2>${esc(tr(report, 'report.applicationInfo'))}</h2>`, '<table>', `<thead><tr><th>${esc(tr(report, 'report.field'))}</th><th>${esc(tr(report, 'report.value'))}</th></tr></thead>`, '<tbody>');
  for (const field of APPLICATION_FIELDS) {
    const value = report.application[field];
    out.push(`<tr><th>${esc(tr(report, `app.${field}` as MessageKey))}</th><td>${value ? esc(value) : `<span class="muted">${esc(tr(report, 'report.notSet'))}</span>`}</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push(`<h2>${esc(tr(report, 'report.approvalCriteria'))}</h2>`, '<table>');
  out.push(
    `<thead><tr><th>${esc(tr(report, 'report.category'))}</th><th>${esc(tr(report, 'report.weight'))}</th><th>${esc(tr(report, 'report.criterion'))}</th><th>${esc(tr(report, 'report.score'))}</th><th>${esc(tr(report, 'report.status'))}</th></tr></thead>`,
    '<tbody>',
  );
  for (const category of report.categories) {
    const gateClass = category.gate ? (category.gate.passed ? 'pass' : 'fail') : 'muted';
    out.push(
      `<tr><th>${CATEGORY_ICONS[category.category] ?? ''} ${esc(categoryName(report, category.category))}</th><td>${esc(weightText(report, category))}</td><td>${category.gate ? esc(category.gate.criterion) : '-'}</td><td>${esc(scoreText(report, category))}</td><td class="${gateClass}">${esc(gateText(report, category))}${(category.gate?.reasons ?? []).map((reason) => `<br><span class="muted">${esc(reason)}</span>`).join('')}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (report.critical) out.push(`<p class="muted">${esc(report.critical.note)}</p>`);

  if (report.approval) {
    out.push(`<h2>${esc(tr(report, 'report.flow'))}</h2>`, '<ol class="flow">');
    for (const step of report.approval.flow) {
      const blocking = step.id === report.approval.blockingStep;
      out.push(`<li class="${step.passed ? 'pass' : 'fail'}">${step.passed ? '✅' : '❌'} ${esc(step.question)}${step.passed ? '' : ` ${esc(tr(report, 'report.flowNo', { action: step.action }))}`}${blocking ? ` <strong>${esc(tr(report, 'report.blocking'))}</strong>` : ''}</li>`);
    }
    out.push(`<li>${report.approved ? '✅' : '⏳'} ${esc(tr(report, 'verdict.approved'))}</li>`, '</ol>');
  }

  if (report.metrics) {
    out.push(`<h2>${esc(tr(report, 'report.targetsAndMetrics'))}</h2>`, '<table>');
    out.push(`<thead><tr><th>${esc(tr(report, 'report.metric'))}</th><th>${esc(tr(report, 'report.target'))}</th><th>${esc(tr(report, 'report.declared'))}</th><th>${esc(tr(report, 'report.status'))}</th></tr></thead>`, '<tbody>');
    for (const row of targetRows(report)) out.push(`<tr><th>${esc(row.title)}</th><td>${esc(row.target)}</td><td>${esc(row.declared)}</td><td>${esc(row.status)}</td></tr>`);
    out.push('</tbody></table>');
  }

  for (const category of report.categories) {
    out.push(`<h2 id="${esc(category.category.toLowerCase())}">${CATEGORY_ICONS[category.category] ?? ''} ${esc(categoryName(report, category.category))}: ${esc(scoreText(report, category))}</h2>`);
    out.push(`<p class="muted">${esc(tr(report, 'report.counts', { satisfied: category.counts.satisfied + category.counts.attested, applicable: category.counts.applicable }))}</p>`);
    out.push('<table>', `<thead><tr><th>${esc(tr(report, 'report.status'))}</th><th>${esc(tr(report, 'report.item'))}</th><th>${esc(tr(report, 'report.details'))}</th></tr></thead>`, '<tbody>');
    for (const item of category.items) {
      const critical = item.critical ? `<span class="critical" title="${esc(item.criticalReason ?? '')}">${esc(tr(report, 'report.critical'))}</span>` : '';
      const details = detailLines(report, item)
        .map((line) => {
          const href = safeHref(line.href);
          const text = esc(line.text);
          return `<li class="${line.kind}">${href ? `<a href="${esc(href)}">${text}</a>` : text}</li>`;
        })
        .join('');
      out.push(
        `<tr><td class="status s-${item.status}">${STATUS_ICONS[item.status]} ${esc(tr(report, `status.${item.status}` as MessageKey))}</td>` +
          `<td><strong>${esc(item.title)}</strong>${critical}<br><code>${esc(item.id)}</code><br><span class="muted">${esc(item.description)}</span></td>` +
          `<td>${details ? `<ul class="details">${details}</ul>` : ''}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  if (report.approval) {
    out.push(`<h2>${esc(tr(report, 'report.finalApproval'))}</h2>`, '<table>');
    out.push(`<thead><tr><th>${esc(tr(report, 'report.category'))}</th><th>${esc(tr(report, 'report.status'))}</th><th>${esc(tr(report, 'report.owner'))}</th><th>${esc(tr(report, 'report.date'))}</th><th>${esc(tr(report, 'report.notes'))}</th></tr></thead>`, '<tbody>');
    for (const row of report.approval.table) {
      const status = `${tr(report, `approval.${row.status}` as MessageKey)}${row.contradicted ? ` (${tr(report, 'report.gateOpen')})` : ''}`;
      out.push(`<tr><th>${esc(categoryName(report, row.category))}</th><td class="${row.status === 'approved' ? 'pass' : row.status === 'rejected' ? 'fail' : 'muted'}">${esc(status)}</td><td>${row.name ? `${esc(row.name)} (${esc(row.owner)})` : esc(row.owner)}</td><td>${row.date ? esc(row.date) : ''}</td><td>${row.notes ? esc(row.notes) : ''}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push(`<h2>${esc(tr(report, 'report.signoff'))}</h2>`, '<table>', `<thead><tr><th>${esc(tr(report, 'report.role'))}</th><th>${esc(tr(report, 'report.name'))}</th><th>${esc(tr(report, 'report.date'))}</th></tr></thead>`, '<tbody>');
  for (const signoff of report.signoffs) {
    out.push(`<tr><th>${esc(signoff.title)}</th><td>${signoff.name ? esc(signoff.name) : `<span class="muted">${esc(tr(report, 'report.pending'))}</span>`}</td><td>${signoff.date ? esc(signoff.date) : ''}</td></tr>`);
  }
  out.push('</tbody></table>', '</body>', '</html>', '');
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
