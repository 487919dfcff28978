import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setAttestation, setSignoff, type EditOutcome } from '../../server/src/checklist/attest';
import { parseConfig } from '../../server/src/engine/config';
import { ALL_RULES } from '../../rules/index';

function text(outcome: EditOutcome): string {
  assert.ok('text' in outcome, `expected text, got ${JSON.stringify(outcome)}`);
  return outcome.text;
}

function reparse(source: string) {
  const loaded = parseConfig(source, { rules: ALL_RULES });
  assert.deepEqual(loaded.problems, []);
  return loaded.config;
}

const COMMENTED = `# Production readiness for the API
locale: pt-BR # the team reads Portuguese

application:
  name: API # shown in the report title
  rto: 15 minutos

checklist:
  # Signed with every vendor in March.
  security/data-processing-agreements: done
  backup/dr-testing:
    status: todo
    note: scheduled for Q3 # ask Maria

signoff: {}
`;

describe('setAttestation', () => {
  test('creates the file content from an empty file', () => {
    const result = text(setAttestation('', 'security/waf', 'done', { by: 'Ana', date: '2025-10-15' }));
    assert.equal(result, 'checklist:\n  security/waf:\n    status: done\n    by: Ana\n    date: 2025-10-15\n');
    assert.deepEqual(reparse(result).checklist['security/waf'], { status: 'done', by: 'Ana', date: '2025-10-15' });
  });

  test('a bare status stays bare when no details are given', () => {
    assert.equal(text(setAttestation('', 'security/waf', 'na')), 'checklist:\n  security/waf: na\n');
    assert.equal(text(setAttestation('checklist:\n  security/waf: todo\n', 'security/waf', 'done')), 'checklist:\n  security/waf: done\n');
  });

  test('keeps comments, order and untouched entries', () => {
    const result = text(setAttestation(COMMENTED, 'security/waf', 'done', { by: 'Pedro', note: 'Cloudflare WAF, managed rules' }));
    assert.equal(
      result,
      COMMENTED.replace(
        '    note: scheduled for Q3 # ask Maria\n',
        '    note: scheduled for Q3 # ask Maria\n  security/waf:\n    status: done\n    by: Pedro\n    note: Cloudflare WAF, managed rules\n',
      ),
    );
    const config = reparse(result);
    assert.equal(config.checklist['security/data-processing-agreements'].status, 'done');
    assert.equal(config.locale, 'pt-BR');
  });

  test('updates an existing entry in place, keeping its other fields and comments', () => {
    const result = text(setAttestation(COMMENTED, 'backup/dr-testing', 'done', { by: 'Maria', date: '2025-10-20' }));
    assert.equal(result, COMMENTED.replace('    status: todo\n    note: scheduled for Q3 # ask Maria\n', '    status: done\n    note: scheduled for Q3 # ask Maria\n    by: Maria\n    date: 2025-10-20\n'));
  });

  test('turns a bare entry into a mapping when details are added', () => {
    const result = text(setAttestation(COMMENTED, 'security/data-processing-agreements', 'done', { by: 'Legal' }));
    assert.ok(result.includes('  # Signed with every vendor in March.\n  security/data-processing-agreements:\n    status: done\n    by: Legal\n'), result);
  });

  test('adds the checklist section to a file without one', () => {
    const result = text(setAttestation('# only a comment\nlocale: en\n', 'tests/unit-tests', 'na'));
    assert.equal(result, '# only a comment\nlocale: en\nchecklist:\n  tests/unit-tests: na\n');
  });

  test('keeps Windows line endings', () => {
    const result = text(setAttestation('locale: en\r\nchecklist:\r\n  security/waf: todo\r\n', 'security/waf', 'done'));
    assert.equal(result, 'locale: en\r\nchecklist:\r\n  security/waf: done\r\n');
  });

  test('a malformed file is an error, never rewritten', () => {
    const outcome = setAttestation('checklist:\n  a: [unclosed\n', 'security/waf', 'done');
    assert.ok('error' in outcome);
    assert.match(outcome.error, /does not parse/);
  });

  test('a file that is not a mapping, or a checklist that is not a mapping, is an error', () => {
    assert.ok('error' in setAttestation('- a\n- b\n', 'security/waf', 'done'));
    assert.ok('error' in setAttestation('checklist: [a]\n', 'security/waf', 'done'));
  });

  test('unknown items, sign-off items and bad statuses are errors', () => {
    assert.ok('error' in setAttestation('', 'security/nope', 'done'));
    assert.ok('error' in setAttestation('', 'signoff/tech-lead', 'done'));
    assert.ok('error' in setAttestation('', 'security/waf', 'yes' as never));
  });
});

describe('setSignoff', () => {
  test('fills an empty flow mapping as a block', () => {
    const result = text(setSignoff(COMMENTED, 'techLead', 'João Silva', '2025-10-15'));
    assert.equal(result, COMMENTED.replace('signoff: {}\n', 'signoff:\n  techLead:\n    name: João Silva\n    date: 2025-10-15\n'));
    assert.deepEqual(reparse(result).signoff.techLead, { name: 'João Silva', date: '2025-10-15' });
  });

  test('creates the file content from an empty file and replaces a previous name', () => {
    const first = text(setSignoff('', 'productOwner', 'Ana'));
    assert.equal(first, 'signoff:\n  productOwner:\n    name: Ana\n');
    const second = text(setSignoff(first, 'productOwner', 'Bia', '2025-11-01'));
    assert.equal(second, 'signoff:\n  productOwner:\n    name: Bia\n    date: 2025-11-01\n');
  });

  test('unknown roles, empty names and malformed files are errors', () => {
    assert.ok('error' in setSignoff('', 'cto', 'Ana'));
    assert.ok('error' in setSignoff('', 'techLead', '  '));
    assert.ok('error' in setSignoff('signoff: [\n', 'techLead', 'Ana'));
  });
});
