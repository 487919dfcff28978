/**
 * Renders a computed checklist as the seed's "Checklist Final": application information, the
 * approval table per category, every item with its status and proof, and the sign-off table.
 * Markdown for GitHub, self-contained HTML (inline CSS, no scripts, printable), JSON, and a short
 * terminal summary.
 */
import { APPLICATION_FIELDS } from '../engine/config';
import { formatPercent, t, type MessageKey } from '../i18n/index';
import type { CategoryResult, ChecklistItemResult, ChecklistReport, ItemStatus } from './types';

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

function title(report: ChecklistReport): string {
  return report.application.name ? tr(report, 'report.titleFor', { name: report.application.name }) : tr(report, 'report.title');
}

function verdict(report: ChecklistReport): string {
  if (report.approved) return tr(report, 'verdict.approved');
  const reasons: string[] = [];
  if (report.gatesPassed < report.gatesTotal) reasons.push(tr(report, 'verdict.gatesFailing', { failed: report.gatesTotal - report.gatesPassed, total: report.gatesTotal }));
  const missing = report.signoffs.filter((signoff) => !signoff.name).length;
  if (missing > 0) reasons.push(tr(report, 'verdict.signoffsMissing', { missing }));
  return `${tr(report, 'verdict.notApproved')}${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
}

function categoryName(report: ChecklistReport, category: string): string {
  return tr(report, `category.${category}` as MessageKey);
}

function gateText(report: ChecklistReport, category: CategoryResult): string {
  if (!category.gate) return tr(report, 'gate.none');
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
  if (item.status === 'not-verified') {
    const methods: string[] = [];
    if (item.verification.rules.length) methods.push(tr(report, 'report.methodRules', { rules: item.verification.rules.join(', ') }));
    if (item.verification.evidence.length) methods.push(tr(report, 'report.methodEvidence', { detectors: item.verification.evidence.join(', ') }));
    if (item.verification.manual || methods.length === 0) methods.push(tr(report, 'report.methodManual'));
    lines.push({ kind: 'hint', text: tr(report, 'report.howToVerify', { methods: methods.join('; ') }) });
  } else if (item.status === 'satisfied' && item.findings.length === 0 && item.evidence.length === 0) {
    lines.push({ kind: 'hint', text: tr(report, 'report.verifyWith', { methods: tr(report, 'report.methodRules', { rules: item.verification.rules.join(', ') }) }) });
  }
  return lines;
}

// ---- Markdown -------------------------------------------------------------------------------------

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderMarkdown(report: ChecklistReport): string {
  const out: string[] = [];
  out.push(`# ${title(report)}`, '');
  out.push(tr(report, 'report.generated', { date: date(report) }), '');
  out.push(`| ${tr(report, 'report.overallScore')} | ${tr(report, 'report.gates')} | ${tr(report, 'report.verdict')} |`, '|---|---|---|');
  out.push(`| **${pct(report, report.score)}** | ${report.gatesPassed}/${report.gatesTotal} | ${report.approved ? '✅' : '❌'} **${cell(verdict(report))}** |`, '');

  if (report.problems.length) {
    out.push(`> [!WARNING]`, `> **${tr(report, 'report.problems')}**`);
    for (const problem of report.problems) out.push(`> - ${problem.replace(/\r?\n/g, ' ')}`);
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
      `| **${CATEGORY_ICONS[category.category] ?? ''} ${categoryName(report, category.category)}** | ${weightText(report, category)} | ${category.gate ? cell(category.gate.criterion) : '-'} | ${pct(report, category.score)} | ${gateText(report, category)} |`,
    );
  }
  out.push('');

  for (const category of report.categories) {
    out.push(`## ${CATEGORY_ICONS[category.category] ?? ''} ${categoryName(report, category.category)}: ${pct(report, category.score)}`, '');
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
.s-satisfied, .s-attested { color: var(--ok); } .s-failing { color: var(--bad); } .s-not-verified { color: var(--warn); } .s-not-applicable { color: var(--muted); }
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
      `<tr><th>${CATEGORY_ICONS[category.category] ?? ''} ${esc(categoryName(report, category.category))}</th><td>${esc(weightText(report, category))}</td><td>${category.gate ? esc(category.gate.criterion) : '-'}</td><td>${esc(pct(report, category.score))}</td><td class="${gateClass}">${esc(gateText(report, category))}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  for (const category of report.categories) {
    out.push(`<h2 id="${esc(category.category.toLowerCase())}">${CATEGORY_ICONS[category.category] ?? ''} ${esc(categoryName(report, category.category))}: ${esc(pct(report, category.score))}</h2>`);
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
  const width = Math.max(...scored.map((category) => categoryName(report, category.category).length));
  const markWidth = Math.max(tr(report, 'summary.pass').length, tr(report, 'summary.fail').length);
  for (const category of scored) {
    lines.push(
      `  ${tr(report, 'summary.gate', {
        mark: (category.gate!.passed ? tr(report, 'summary.pass') : tr(report, 'summary.fail')).padEnd(markWidth),
        category: categoryName(report, category.category).padEnd(width),
        score: formatPercent(report.locale, category.score).padStart(5),
        criterion: category.gate!.criterion,
      })}`,
    );
  }
  lines.push(tr(report, 'summary.signoffs', { recorded: report.signoffs.filter((signoff) => signoff.name).length }));
  const failing = report.categories
    .flatMap((category) => category.items)
    .filter((item) => item.status === 'failing')
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
