/** The generated JSON schema for .readiness.yml agrees with the server's own validation. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ALL_RULES } from '../../rules';
import { parseConfig } from '../../server/src/engine/config';
import { CHECKLIST_ITEM_IDS } from '../../server/src/settings';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'readiness.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

function bothVerdicts(text: string): { schema: boolean; server: boolean } {
  return {
    schema: validate(parse(text)) as boolean,
    server: parseConfig(text, { rules: ALL_RULES, checklistItems: CHECKLIST_ITEM_IDS }).problems.length === 0,
  };
}

describe('.readiness.yml schema', () => {
  it('is the schema package.json hands to YAML editors', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['.readiness.yml', '.readiness.yaml'], url: './schemas/readiness.schema.json' }]);
  });

  it('accepts what the server accepts', () => {
    for (const text of [
      readFileSync(join(root, 'examples', '.readiness.yml'), 'utf8'),
      'rules:\n  dockerfile/healthcheck: off\n  k8s/replicas: { severity: error, options: { minReplicas: 3 } }\nexclude: ["legacy/**"]\nlocale: pt-BR\n',
      'checklist:\n  performance/cdn: { status: na, note: no static assets }\n  security/https-only: { status: done, by: Ana, note: ok }\nsignoff:\n  techLead: { name: Ana, date: "2026-11-28" }\n',
      'targets:\n  rtoMinutes: 30\n  backupRetentionDays: { min: 14, max: 35 }\n  tlsVersion: "1.2"\napproval:\n  deployment: { status: approved, name: Maria, date: "2026-11-28" }\n  tests: { status: pending }\ngates:\n  documentation: 80\ncritical:\n  add: [deployment/secrets]\n  remove: [security/2fa-mfa]\n',
    ]) {
      assert.deepEqual(bothVerdicts(text), { schema: true, server: true }, text);
    }
  });

  it('rejects what the server rejects', () => {
    for (const text of [
      'rules:\n  docker/healthcheck: error\n',
      'rules:\n  dockerfile/healthcheck: loud\n',
      'rules:\n  k8s/replicas: { options: { replicas: 2 } }\n',
      'checklist:\n  security/nope: done\n',
      'checklist:\n  security/https-only: maybe\n',
      'signoff:\n  ceo: { name: X }\n',
      'colour: blue\n',
      'checklist:\n  performance/cdn: na\n',
      'checklist:\n  performance/cdn: { status: na, by: Ana }\n',
      'signoff:\n  techLead: { name: Ana }\n',
      'targets:\n  coveragePercent: 120\n',
      'targets:\n  rtoMinutes: 0\n',
      'targets:\n  tlsVersion: "1.1"\n',
      'approval:\n  security: { status: approved }\n',
      'gates:\n  deployment: 50\n',
      'critical:\n  add: [security/nope]\n',
    ]) {
      assert.deepEqual(bothVerdicts(text), { schema: false, server: false }, text);
    }
  });
});
