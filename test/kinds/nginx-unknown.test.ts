/**
 * Unknown is not proof: a site whose TLS and proxy settings live in includes the workspace lacks
 * (linuxserver's reverse-proxy confs, reduced) proves none of the checklist items its rules are
 * about, whether it is read as a snippet or inside a complete http block; the same site with its
 * includes in the workspace is judged.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { nginxRules } from '../../rules/nginx';
import { analyzeFile } from '../../server/src/engine/analyze';
import { initKinds } from '../../server/src/kinds';
import { nginxSupport } from '../../server/src/kinds/nginx';
import { analyzeCase, workspaceOf } from '../helpers/rule-tester';
import { inHttp } from '../rules/nginx/in-http';
import { PROXY_SITE } from '../rules/nginx/out-of-sight';

/** Items the reproduction claimed: encryption in transit and HTTPS only (both critical), security headers, rate limiting. */
const ITEMS = ['security/encryption-in-transit', 'security/https-only', 'security/security-headers', 'security/rate-limiting'];
const itemOf = new Map(nginxRules.map((rule) => [rule.meta.id, rule.meta.checklistItem]));

function verdicts(code: string, files?: Record<string, string>) {
  const { findings, inspected } = analyzeCase(nginxRules, 'nginx', { code, files, filename: 'site-confs/app.subdomain.conf' });
  // Servers and locations are what these items' proof counts (the catalog's subjects).
  const about = inspected.filter((inspection) => ITEMS.includes(itemOf.get(inspection.ruleId)!) && inspection.subject !== 'http');
  return {
    findings: findings.filter((finding) => ITEMS.includes(itemOf.get(finding.ruleId)!)).map((finding) => finding.ruleId),
    known: about.filter((inspection) => !inspection.unknown).map((inspection) => `${inspection.ruleId} ${inspection.subject}`),
    unknown: [...new Set(about.filter((inspection) => inspection.unknown).map((inspection) => inspection.ruleId))].sort(),
  };
}

describe('nginx: includes the workspace lacks prove nothing', () => {
  before(() => initKinds());

  for (const [name, code, findings] of [
    ['a snippet', PROXY_SITE, []],
    // The http block itself is in sight: it sets no server_tokens.
    ['a complete http block', inHttp(PROXY_SITE), ['nginx/server-tokens']],
  ] as const) {
    it(`${name}: every verdict on those items is unknown`, () => {
      const result = verdicts(code);
      assert.deepEqual(result.findings, findings);
      assert.deepEqual(result.known, []);
      assert.deepEqual(result.unknown, [
        'nginx/add-header-inheritance',
        'nginx/hsts',
        'nginx/rate-limiting',
        'nginx/security-headers',
        'nginx/tls-ciphers',
        'nginx/tls-protocols',
      ]);
    });
  }

  it('with the includes in the workspace, the same site is judged', () => {
    const code = inHttp(PROXY_SITE).replace(/\/config\/nginx\//g, 'snippets/');
    const result = verdicts(code, {
      '/work/site-confs/snippets/ssl.conf':
        'ssl_certificate /etc/ssl/app.crt;\nssl_certificate_key /etc/ssl/app.key;\nssl_protocols TLSv1.2 TLSv1.3;\nadd_header Strict-Transport-Security "max-age=63072000" always;\n',
      '/work/site-confs/snippets/proxy.conf': 'proxy_set_header Host $host;\n',
    });
    assert.deepEqual(result.unknown, []);
    assert.deepEqual([...new Set(result.findings)].sort(), ['nginx/rate-limiting', 'nginx/security-headers', 'nginx/server-tokens']);
    assert.ok(result.known.includes('nginx/hsts server') && result.known.includes('nginx/tls-protocols server'), result.known.join(', '));
  });

  it('linuxserver\'s reverse-proxy confs (their ssl.conf and proxy.conf are not in the corpus) prove no TLS, HTTPS or rate-limit item', (t) => {
    const corpus = path.resolve(__dirname, '../../../shared/corpus/real/nginx');
    if (!existsSync(corpus)) {
      t.skip('corpus not present');
      return;
    }
    const names = readdirSync(corpus).filter((name) => name.startsWith('linuxserver-reverse-proxy-confs__'));
    assert.ok(names.length > 100);
    const items = ['security/encryption-in-transit', 'security/https-only', 'security/rate-limiting'];
    const proofs: string[] = [];
    let judged = 0;
    for (const name of names) {
      const file = path.join(corpus, name);
      const model = nginxSupport.parse(readFileSync(file, 'utf8'), file);
      const { findings, inspected } = analyzeFile({ model, rules: nginxRules, workspace: workspaceOf({ [file]: model }) });
      const failed = new Set(findings.map((finding) => finding.ruleId));
      for (const inspection of inspected) {
        if (!items.includes(itemOf.get(inspection.ruleId)!)) continue;
        judged++;
        if (!inspection.unknown && !failed.has(inspection.ruleId)) proofs.push(`${name}:${inspection.range.start.line + 1} ${inspection.ruleId}`);
      }
    }
    assert.ok(judged > 100);
    assert.deepEqual(proofs, []);
  });
});
