import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { annotateChecklist } from '../../server/src/checklist/annotate';
import { renderReport, renderSummary } from '../../server/src/checklist/report';
import { computeChecklist } from '../../server/src/checklist/score';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { emptyConfig, type ReadinessConfig } from '../../server/src/engine/config';
import type { FileKind, Finding } from '../../server/src/engine/types';

const ROOT = '/work/app';

function finding(ruleId: string, file: string, line: number, message: string): Finding {
  return { ruleId, severity: 'error', message, path: `${ROOT}/${file}`, span: { start: 0, end: 1 }, range: { start: { line, character: 0 }, end: { line, character: 3 } } };
}

function build(locale: 'en' | 'pt-BR' = 'en', overrides: Partial<ReadinessConfig> = {}): ChecklistReport {
  const config: ReadinessConfig = {
    ...emptyConfig(),
    application: { name: 'Sistema de Autenticação', version: 'v2.1.0', rto: '15 minutos' },
    checklist: {
      'security/waf': { status: 'done', by: 'Pedro', date: '2025-10-10', note: 'Cloudflare | managed rules' },
      'performance/partitioning': { status: 'na', note: 'Tables stay small' },
      'security/https-only': { status: 'done', by: 'Rui' },
    },
    signoff: { techLead: { name: 'João Silva', date: '2025-10-15' } },
    approval: { security: { status: 'approved', name: 'Pedro Costa', date: '2025-10-14', notes: 'pen test | passed' } },
    ...overrides,
  };
  return computeChecklist({
    findings: [
      finding('nginx/hsts', 'nginx/site.conf', 4, 'No Strict-Transport-Security header | add <one>.'),
      finding('nginx/hsts', 'nginx/other.conf', 1, 'Second.'),
      finding('k8s/liveness-probe', 'k8s/deploy.yaml', 10, 'Container "app" has no livenessProbe; add one.'),
      finding('terraform/rds-encryption', 'infra/db.tf', 2, 'Storage is not encrypted; set storage_encrypted = true.'),
    ],
    root: ROOT,
    analyzedKinds: new Set<FileKind>(['nginx', 'kubernetes', 'terraform', 'dockerfile']),
    evidenceFiles: [{ path: 'docs/runbooks/restart.md', text: '# Restart\n\nSteps:\n\n1. Drain\n2. Restart\n3. Check /health\n' }],
    config,
    locale,
    problems: ['.readiness.yml:2: Unknown section "foo".'],
    now: new Date('2025-10-15T12:00:00Z'),
  });
}

/** An item's row in its category's table (the Fix first table numbers its rows). */
function itemRow(lines: string[], id: string): string {
  return lines.find((line) => line.includes(`\`${id}\``) && !/^\| \d+ \|/.test(line))!;
}

/** Cells of a Markdown table row, honouring escaped pipes. */
function cells(row: string): string[] {
  return row.replace(/\\\|/g, '\u0000').split('|').slice(1, -1);
}

describe('markdown', () => {
  const report = build();
  const markdown = renderReport(report, 'markdown');
  const lines = markdown.split('\n');

  test('has the seed final checklist sections, in order', () => {
    const headings = lines.filter((line) => line.startsWith('#'));
    assert.equal(headings[0], '# Production Readiness Checklist: Sistema de Autenticação');
    const order = ['Fix first', 'Application information', 'Approval criteria', 'Pre-production validation', 'Targets and success metrics', 'Deployment', 'Security', 'Monitoring', 'Performance', 'Backup', 'Tests', 'Documentation', 'Final approval', 'Sign-off'];
    let last = -1;
    for (const name of order) {
      const index = headings.findIndex((heading) => heading.startsWith('## ') && heading.includes(name));
      assert.ok(index > last, `${name} after the previous section`);
      last = index;
    }
  });

  test('every table row has as many cells as its header', () => {
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      const count = cells(line).length;
      if (width === 0) width = count;
      else assert.equal(count, width, line);
    }
  });

  test('application info, approval table and sign-offs', () => {
    assert.ok(markdown.includes('| **Application name** | Sistema de Autenticação |'));
    assert.ok(markdown.includes('| **Version** | v2.1.0 |'));
    assert.ok(markdown.includes('| **Deploy date** | _not set_ |'));
    assert.ok(markdown.includes('| **🔒 Security** | 25% | 100% of critical items |'));
    assert.ok(markdown.includes('| **🧪 Tests** | not weighted | &gt;= 100% of applicable items | 0.0% | ✗ Failed<br>Score 0% is below 100%. |'), markdown);
    assert.ok(markdown.includes('| **Tech Lead** | ✓ João Silva | 2025-10-15 |'));
    assert.ok(markdown.includes('| **Product Owner** | ○ _pending_ | - |'));
    assert.ok(markdown.includes('> - .readiness.yml:2: Unknown section "foo".'));
  });

  test('every item appears with its status and proof; text is escaped', () => {
    for (const category of report.categories) for (const item of category.items) assert.ok(markdown.includes(`\`${item.id}\``), item.id);
    const https = itemRow(lines, 'security/https-only');
    assert.match(https, /^\| ⚠\uFE0E Contradicted \| \*\*HTTPS only\*\* · _critical_/);
    assert.ok(https.includes('Attested done by Rui, but 2 error findings say otherwise.'), https);
    assert.ok(https.includes('✗ nginx/hsts (error) · 2 in 2 files'), https);
    assert.ok(https.includes('[nginx/other.conf:2](nginx/other.conf#L2): Second.'), https);
    assert.ok(https.includes('No Strict-Transport-Security header \\| add &lt;one&gt;.'));
    const waf = itemRow(lines, 'security/waf');
    assert.ok(waf.includes('Attested done by Pedro on 2025-10-10: Cloudflare \\| managed rules'), waf);
    const runbook = itemRow(lines, 'documentation/runbooks');
    assert.ok(runbook.startsWith('| ✓ Satisfied'), runbook);
    assert.ok(runbook.includes('[docs/runbooks/restart.md:1](docs/runbooks/restart.md#L1): Runbook'), runbook);
    const notVerified = itemRow(lines, 'security/ddos-protection');
    assert.ok(notVerified.includes('To verify: '), notVerified);
    assert.ok(notVerified.includes('Or attest it in .readiness.yml: checklist: security/ddos-protection: { status: done, by, date, note }.'), notVerified);
    assert.ok(runbook.includes('Proof: Evidence in 1 file.'), runbook);
  });

  test('the flow, the targets and the Final Approval table', () => {
    assert.ok(markdown.includes('1. ✗ Deployment OK? → Fix the deployment issues **(blocks approval)**'), markdown);
    assert.ok(markdown.includes('| **Uptime** | at least 99.9% | not declared | ○ unknown |'));
    assert.ok(markdown.includes('| **RTO** | at most 15 min | 15 min ("15 minutos"), .readiness.yml | ✓ met |'), markdown);
    assert.ok(markdown.includes('| **🔒 Security** | ✓ Approved ⚠\uFE0E its gate is open | Pedro Costa (Security Engineer) | 2025-10-14 | pen test \\| passed |'), markdown);
    assert.ok(markdown.includes('| **📚 Documentation** | ○ Pending | Tech Writer | - | - |'));
    assert.ok(markdown.includes('> The seed marks no item critical'));
  });

  test('text from the workspace cannot inject Markdown or HTML', () => {
    const hostile = renderReport(
      build('en', { application: { name: '**Pwned** [click](https://evil.example) <img src=x onerror=alert(1)>\n# Fake heading' } }),
      'markdown',
    );
    const titleLine = hostile.split('\n')[0];
    assert.equal(titleLine, '# Production Readiness Checklist: \\*\\*Pwned\\*\\* \\[click\\](https://evil.example) &lt;img src=x onerror=alert(1)&gt; \\# Fake heading');
    assert.ok(!hostile.includes('<img'));
    const problems = renderReport({ ...build(), problems: ['.readiness.yml:2: Unknown section "<script>alert(1)</script>" **bold**\n## injected'] }, 'markdown');
    assert.ok(problems.includes('> - .readiness.yml:2: Unknown section "&lt;script&gt;alert(1)&lt;/script&gt;" \\*\\*bold\\*\\* \\#\\# injected'), problems);
    assert.ok(!/^## injected/m.test(problems));
  });

  test('a category whose items are all not applicable reads "not applicable"', () => {
    const checklist = Object.fromEntries(build().categories.find((category) => category.category === 'Tests')!.items.map((item) => [item.id, { status: 'na' as const, note: 'no code' }]));
    const text = renderReport(build('en', { checklist }), 'markdown');
    assert.ok(text.includes('## 🧪 Tests: Not applicable'), text);
    assert.ok(/\| \*\*🧪 Tests\*\* \| not weighted \| [^|]+ \| Not applicable \| – Not applicable \|/.test(text));
    assert.match(text, /7 items marked not applicable/);
  });

  test('pt-BR headings, statuses and categories', () => {
    const pt = renderReport(build('pt-BR'), 'markdown');
    assert.ok(pt.startsWith('# Checklist de Production Readiness: Sistema de Autenticação'));
    for (const text of ['## 🔧 Corrigir primeiro', '## 📋 Informações da aplicação', '## 🔒 Segurança', '## 📊 Monitoramento', '## 🧪 Testes', '## 📚 Documentação', '✗ Com falhas', 'Criptografia em repouso', '100% dos itens críticos', 'Não aprovado para produção', '| Comprovado (pontuação ponderada) | A verificar |']) {
      assert.ok(pt.includes(text), text);
    }
  });
});

describe('html', () => {
  const report = build();
  const html = renderReport(report, 'html');

  test('is a self-contained, printable document', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.includes('<meta charset="utf-8">'));
    assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
    assert.doesNotMatch(html, /<script|<link|<img|@import|url\(/i);
    assert.doesNotMatch(html, /(?:src|href)="https?:/);
    assert.ok(html.trimEnd().endsWith('</html>'));
  });

  test('escapes text and links findings to their files, relative to the workspace', () => {
    assert.ok(html.includes('No Strict-Transport-Security header | add &lt;one&gt;.'));
    assert.ok(!html.includes('<one>'));
    assert.ok(html.includes('<a href="nginx/site.conf#L5">nginx/site.conf:5</a>'), html);
    assert.doesNotMatch(html, /file:\/\//);
  });

  test('has every section and item', () => {
    for (const text of ['Application information', 'Approval criteria', 'Sign-off', 'Sistema de Autenticação', 'João Silva']) assert.ok(html.includes(text), text);
    for (const category of report.categories) for (const item of category.items) assert.ok(html.includes(`<code>${item.id}</code>`), item.id);
    const itemTables = report.categories.reduce((sum, category) => sum + Number(category.items.some((item) => item.status !== 'not-verified')) + Number(category.items.some((item) => item.status === 'not-verified')), 0);
    assert.equal((html.match(/<table>/g) ?? []).length, 2 + 1 + itemTables + 1 + 1);
    assert.ok(html.includes('<ol class="flow">'));
  });

  test('pt-BR', () => {
    const pt = renderReport(build('pt-BR'), 'html');
    assert.ok(pt.includes('<html lang="pt-BR">'));
    assert.ok(pt.includes('Critérios de aprovação'));
  });
});

describe('json', () => {
  test('round-trips the report', () => {
    const report = build();
    assert.deepEqual(JSON.parse(renderReport(report, 'json')), report);
  });
});

describe('summary', () => {
  test('score, gates, verdict and the top failing items, critical first', () => {
    const summary = renderSummary(build());
    const lines = summary.trimEnd().split('\n');
    assert.match(lines[0], /^Production readiness: \d+\.\d% \(gates \d\/7\): Not approved for production \(blocked at "Deployment OK\?": Fix the deployment issues; \d of 7 gates failing; 3 of 4 sign-offs missing; 1 item marked not applicable\)$/);
    assert.match(lines[1], /^\d+ satisfied from files, 1 attested, \d+ failing, 1 contradicted, \d+ to verify, 1 not applicable, of 139 items\.$/);
    assert.equal(lines.filter((line) => /^  (PASS|FAIL) /.test(line)).length, 7);
    assert.ok(lines.some((line) => /^  FAIL Security +\d+\.\d% \(100% of critical items\)$/.test(line)), summary);
    assert.ok(lines.includes('Sign-offs: 1/4 recorded'));
    const top = lines.slice(lines.indexOf('Top failing items:') + 1);
    assert.ok(top.length >= 1 && top.length <= 5);
    assert.match(top[0], /^  1\. security\/(https-only|encryption-at-rest): .* \(\d findings?, critical\)$/);
    const criticalFirst = top.map((line) => line.includes('critical'));
    assert.deepEqual(criticalFirst, [...criticalFirst].sort((a, b) => Number(b) - Number(a)));
  });

  test('no failing items', () => {
    const summary = renderSummary(build('en', { checklist: {} }));
    assert.ok(summary.includes('Top failing items:'));
    const clean = computeChecklist({ findings: [], root: ROOT, analyzedKinds: new Set(), evidenceFiles: [], config: emptyConfig(), locale: 'en' });
    assert.ok(renderSummary(clean).includes('No failing items.'));
  });

  test('pt-BR', () => {
    const summary = renderSummary(build('pt-BR'));
    assert.match(summary, /^Production readiness: \d+,\d% \(critérios \d\/7\): Não aprovado para produção \(bloqueado em "Deployment OK\?": Corrigir issues de deploy;/);
    assert.ok(summary.includes('FALHA Segurança'));
    assert.ok(summary.includes('Principais itens com falhas:'));
  });
});

describe('fix first, grouped findings and links', () => {
  const manifests: Finding[] = [
    ...Array.from({ length: 6 }, (_, index) => ({ ...finding('k8s/default-namespace', `k8s/app-${index % 4}.yaml`, 10 + index, `Object ${index} has no namespace.`), severity: 'information' as const })),
    { ...finding('k8s/replicas', 'k8s/app-1.yaml', 3, 'Deployment "app" runs 1 replica.'), severity: 'warning', fix: { title: 'Set replicas to 2', edits: [] } },
    finding('k8s/image-tag', 'k8s/app (v2).yaml', 7, 'Image "app" has no tag.'),
  ];
  const report = computeChecklist({
    findings: [...manifests, finding('nginx/https-redirect', 'nginx/site.conf', 2, 'Port 80 serves content.')],
    root: ROOT,
    analyzedKinds: new Set<FileKind>(['nginx', 'kubernetes']),
    evidenceFiles: [],
    config: emptyConfig(),
    locale: 'en',
  });
  const annotated = annotateChecklist(report, { findings: manifests, root: ROOT });
  const markdown = renderReport(annotated, 'markdown');
  const lines = markdown.split('\n');
  const html = renderReport(annotated, 'html');

  test('Fix first is the first section, critical failing items first, with finding counts and the next step', () => {
    const headings = lines.filter((line) => line.startsWith('## '));
    assert.equal(headings[0], '## 🔧 Fix first');
    const rows = lines.slice(lines.indexOf(headings[0])).filter((line) => /^\| \d+ \|/.test(line));
    assert.equal(rows.length, 10);
    assert.match(rows[0], /^\| 1 \| ✗ Failing \*\*HTTPS only\*\* · _critical_<br>`security\/https-only` \| Critical and failing\. Raises the score by [\d.]+ points\. \| 1 in 1 file \| Fix the finding at \[nginx\/site\.conf:3\]\(nginx\/site\.conf#L3\)\. \|$/);
    const manifestsRow = rows.find((row) => row.includes('`deployment/deployment-manifests`'))!;
    assert.ok(manifestsRow.includes('| 8 in 5 files |'), manifestsRow);
    assert.ok(manifestsRow.includes('Fix the finding at [k8s/app (v2).yaml:8](k8s/app%20%28v2%29.yaml#L8).'), 'the error comes first, although the warning has a fix');
    assert.ok(lines.some((line) => /^\d+ more open items are in the sections below\.$/.test(line)));
    assert.ok(html.indexOf('id="fix-first"') < html.indexOf('id="application"'));
    assert.match(html, /<ol class="fix-first">\s*<li>.*HTTPS only/);
  });

  test('under an item, findings are grouped by rule, errors before warnings before information, each with its count', () => {
    const row = itemRow(lines, 'deployment/deployment-manifests');
    const groups = [...row.matchAll(/(?:✗|⚠\uFE0E|ℹ\uFE0E) ([\w/-]+) \((\w+)\) · (\d+) in (\d+) files?/g)].map((match) => [match[1], match[2], Number(match[3]), Number(match[4])]);
    assert.deepEqual(groups, [
      ['k8s/image-tag', 'error', 1, 1],
      ['k8s/replicas', 'warning', 1, 1],
      ['k8s/default-namespace', 'information', 6, 4],
    ]);
    assert.equal((row.match(/Object \d has no namespace/g) ?? []).length, 3, 'three locations, then a count');
    assert.ok(row.includes('and 3 more'), row);
    const htmlRow = html.slice(html.indexOf('<code>deployment/deployment-manifests</code>'));
    assert.ok(htmlRow.indexOf('k8s/image-tag') < htmlRow.indexOf('k8s/replicas') && htmlRow.indexOf('k8s/replicas') < htmlRow.indexOf('k8s/default-namespace'));
    assert.match(htmlRow, /<details class="more"><summary>and 3 more<\/summary><ul>(<li><a href="k8s\/app-\d\.yaml#L\d+">[^<]+<\/a>: Object \d has no namespace\.<\/li>){3}<\/ul><\/details>/);
  });

  test('links are relative to the workspace, every path segment encoded', () => {
    assert.ok(markdown.includes('[k8s/app-1.yaml:4](k8s/app-1.yaml#L4)'));
    assert.ok(html.includes('<a href="k8s/app%20%28v2%29.yaml#L8">k8s/app (v2).yaml:8</a>'));
    assert.doesNotMatch(markdown + html, /file:\/\/|\/work\/app/);
  });

  test('with application.repositoryUrl they point at the repository on the web', () => {
    const withUrl = (url: string) => renderReport({ ...annotated, application: { repositoryUrl: url } }, 'html');
    assert.ok(withUrl('https://git.example.com/team/app/src/branch/main/').includes('<a href="https://git.example.com/team/app/src/branch/main/nginx/site.conf#L3">'));
    assert.ok(withUrl('https://github.com/team/app').includes('<a href="https://github.com/team/app/blob/HEAD/nginx/site.conf#L3">'));
    assert.ok(withUrl('https://gitlab.com/team/app').includes('<a href="https://gitlab.com/team/app/-/blob/HEAD/nginx/site.conf#L3">'));
    assert.ok(renderReport({ ...annotated, application: { repositoryUrl: 'https://github.com/team/app' } }, 'markdown').includes('](https://github.com/team/app/blob/HEAD/nginx/site.conf#L3)'));
    const hostile = withUrl('javascript:alert(1)');
    assert.ok(hostile.includes('<a href="nginx/site.conf#L3">'), 'anything but a web address is ignored');
    assert.doesNotMatch(hostile, /href="javascript/);
  });

  test('a file outside the workspace gets no link', () => {
    const outside = computeChecklist({ findings: [{ ...finding('nginx/https-redirect', 'site.conf', 2, 'Port 80.'), path: '/work/elsewhere/site.conf' }], root: ROOT, analyzedKinds: new Set<FileKind>(['nginx']), evidenceFiles: [], config: emptyConfig(), locale: 'en' });
    const text = renderReport(outside, 'html');
    assert.ok(text.includes('/work/elsewhere/site.conf:3'));
    assert.doesNotMatch(text, /<a href="[^"#]*elsewhere/);
  });

  test('statuses are words with a symbol any text font has, hidden from screen readers', () => {
    assert.doesNotMatch(html, /[\u{1F300}-\u{1FAFF}\u2705\u274C\u23F3\u2796\u270D]/u, 'no emoji in the HTML report');
    assert.ok(html.includes('<td class="status s-failing"><span class="sym" aria-hidden="true">✗</span> Failing</td>'));
    assert.ok(html.includes('<span class="sym" aria-hidden="true">○</span> Not verified'));
  });

  test('long sections fold away on screen and unfold in print', () => {
    assert.ok(html.includes('<details class="section" id="deployment" open>'));
    assert.match(html, /<details class="unknown"><summary><span class="sym" aria-hidden="true">○<\/span> Not verified: \d+ items<\/summary>/);
    assert.match(html, /@media print \{[^}]*[\s\S]*details\.section::details-content, details\.unknown::details-content \{ content-visibility: visible; display: contents; \}/);
  });
});
