import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
    const order = ['Application information', 'Approval criteria', 'Pre-production validation', 'Targets and success metrics', 'Deployment', 'Security', 'Monitoring', 'Performance', 'Backup', 'Tests', 'Documentation', 'Final approval', 'Sign-off'];
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
    assert.ok(markdown.includes('| **🧪 Tests** | not weighted | &gt;= 100% of applicable items | 0.0% | ❌ Failed<br>Score 0% is below 100%. |'), markdown);
    assert.ok(markdown.includes('| **Tech Lead** | ✅ João Silva | 2025-10-15 |'));
    assert.ok(markdown.includes('| **Product Owner** | ⏳ _pending_ | - |'));
    assert.ok(markdown.includes('> - .readiness.yml:2: Unknown section "foo".'));
  });

  test('every item appears with its status and proof; text is escaped', () => {
    for (const category of report.categories) for (const item of category.items) assert.ok(markdown.includes(`\`${item.id}\``), item.id);
    const https = lines.find((line) => line.includes('`security/https-only`'))!;
    assert.match(https, /^\| ⚠️ Contradicted \| \*\*HTTPS only\*\* ⚠️ _critical_/);
    assert.ok(https.includes('Attested done by Rui, but 2 error findings say otherwise.'), https);
    assert.ok(https.includes('nginx/hsts nginx/other.conf:2: Second.'));
    assert.ok(https.includes('No Strict-Transport-Security header \\| add &lt;one&gt;.'));
    const waf = lines.find((line) => line.includes('`security/waf`'))!;
    assert.ok(waf.includes('Attested done by Pedro on 2025-10-10: Cloudflare \\| managed rules'), waf);
    const runbook = lines.find((line) => line.includes('`documentation/runbooks`'))!;
    assert.ok(runbook.startsWith('| ✅ Satisfied'), runbook);
    assert.ok(runbook.includes('docs/runbooks/restart.md:1: Runbook'), runbook);
    const notVerified = lines.find((line) => line.includes('`security/ddos-protection`'))!;
    assert.ok(notVerified.includes('To verify: '), notVerified);
    assert.ok(notVerified.includes('Or attest it in .readiness.yml: checklist: security/ddos-protection: { status: done, by, date, note }.'), notVerified);
    assert.ok(runbook.includes('Proof: Evidence in 1 file.'), runbook);
  });

  test('the flow, the targets and the Final Approval table', () => {
    assert.ok(markdown.includes('1. ❌ Deployment OK? → Fix the deployment issues **(blocks approval)**'), markdown);
    assert.ok(markdown.includes('| **Uptime** | at least 99.9% | not declared | ⏳ unknown |'));
    assert.ok(markdown.includes('| **RTO** | at most 15 min | 15 min ("15 minutos"), .readiness.yml | ✅ met |'), markdown);
    assert.ok(markdown.includes('| **🔒 Security** | ✅ Approved ⚠️ its gate is open | Pedro Costa (Security Engineer) | 2025-10-14 | pen test \\| passed |'), markdown);
    assert.ok(markdown.includes('| **📚 Documentation** | ⏳ Pending | Tech Writer | - | - |'));
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
    assert.ok(/\| \*\*🧪 Tests\*\* \| not weighted \| [^|]+ \| Not applicable \| ➖ Not applicable \|/.test(text));
    assert.match(text, /7 items marked not applicable/);
  });

  test('pt-BR headings, statuses and categories', () => {
    const pt = renderReport(build('pt-BR'), 'markdown');
    assert.ok(pt.startsWith('# Checklist de Production Readiness: Sistema de Autenticação'));
    for (const text of ['## 📋 Informações da aplicação', '## 🔒 Segurança', '## 📊 Monitoramento', '## 🧪 Testes', '## 📚 Documentação', '❌ Com falhas', 'Criptografia em repouso', '100% dos itens críticos', 'Não aprovado para produção']) {
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

  test('escapes text and links findings to their files', () => {
    assert.ok(html.includes('No Strict-Transport-Security header | add &lt;one&gt;.'));
    assert.ok(!html.includes('<one>'));
    assert.ok(html.includes('<a href="file:///work/app/nginx/site.conf">'));
  });

  test('has every section and item', () => {
    for (const text of ['Application information', 'Approval criteria', 'Sign-off', 'Sistema de Autenticação', 'João Silva']) assert.ok(html.includes(text), text);
    for (const category of report.categories) for (const item of category.items) assert.ok(html.includes(`<code>${item.id}</code>`), item.id);
    assert.equal((html.match(/<table>/g) ?? []).length, 2 + 1 + report.categories.length + 1 + 1);
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
