/**
 * gixy's own plugin fixtures (in the shared corpus) carry gixy's verdict in their names: a file
 * ending in `_fp` must get no finding from the plugin, any other file must get one. Each plugin
 * maps to the rule that covers it; `# Options: {...}` lines become the rule's options.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/engine/analyze';
import { nginxSupport } from '../../server/src/kinds/nginx';
import { nginxRules } from '../../rules/nginx';

const corpus = path.resolve(__dirname, '../../../shared/corpus/real/nginx');

const RULE_OF_PLUGIN: Record<string, string> = {
  add_header_multiline: 'nginx/add-header-multiline',
  add_header_redefinition: 'nginx/add-header-inheritance',
  alias_traversal: 'nginx/alias-traversal',
  host_spoofing: 'nginx/host-spoofing',
  http_splitting: 'nginx/http-splitting',
  origins: 'nginx/origins',
  ssrf: 'nginx/ssrf',
  valid_referers: 'nginx/origins',
};

describe('agreement with gixy\'s fixtures', () => {
  it('reports exactly the fixtures gixy reports', (t) => {
    if (!existsSync(corpus)) {
      t.skip('corpus not present');
      return;
    }
    const fixtures = readdirSync(corpus).filter((name) => name.startsWith('gixy__tests__plugins__simply__'));
    assert.ok(fixtures.length > 0);
    const disagreements: string[] = [];
    for (const name of fixtures) {
      const [plugin, file] = name.replace('gixy__tests__plugins__simply__', '').split('__');
      const ruleId = RULE_OF_PLUGIN[plugin];
      if (!ruleId) continue;
      const text = readFileSync(path.join(corpus, name), 'utf8');
      const options = /^# Options: (\{.*\})/m.exec(text);
      const gixyOptions = options ? JSON.parse(options[1]) : undefined;
      const settings = gixyOptions ? { rules: { [ruleId]: { options: { domains: gixyOptions.domains, httpsOnly: gixyOptions.https_only } } } } : undefined;
      const model = nginxSupport.parse(text, `/gixy/${file}`);
      const reported = analyzeModel({ model, rules: nginxRules, settings }).some((finding) => finding.ruleId === ruleId);
      const expected = !file.endsWith('_fp.conf');
      if (reported !== expected) disagreements.push(`${plugin}/${file}: gixy ${expected ? 'reports' : 'is silent'}, ${ruleId} ${reported ? 'reports' : 'is silent'}`);
    }
    assert.deepEqual(disagreements, []);
  });
});
