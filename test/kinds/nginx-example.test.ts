import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/engine/analyze';
import { nginxSupport } from '../../server/src/kinds/nginx';
import { nginxRules } from '../../rules/nginx';
import { workspaceOf } from '../helpers/rule-tester';

const folder = path.resolve(__dirname, '../../examples/nginx');

describe('examples/nginx', () => {
  it('parses cleanly and shows the gaps it was written with', () => {
    const files = [path.join(folder, 'nginx.conf'), ...readdirSync(path.join(folder, 'conf.d')).map((name) => path.join(folder, 'conf.d', name))];
    const models = Object.fromEntries(files.map((file) => [file, nginxSupport.parse(readFileSync(file, 'utf8'), file)]));
    const workspace = workspaceOf(models);
    const found = Object.values(models).flatMap((model) => {
      assert.deepEqual(model.errors, []);
      return analyzeModel({ model, rules: nginxRules, workspace }).map((finding) => `${path.relative(folder, finding.path)}:${finding.range.start.line + 1} ${finding.ruleId}`);
    });
    assert.deepEqual(found.sort(), [
      'conf.d/legacy-http.conf:3 nginx/https-redirect',
      'nginx.conf:13 nginx/server-tokens',
      'nginx.conf:32 nginx/tls-protocols',
      'nginx.conf:37 nginx/hsts',
      'nginx.conf:53 nginx/rate-limiting',
    ]);
  });
});
