import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setApproval, setAttestation, setSignoff, type EditOutcome } from '../../server/src/checklist/attest';
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
    assert.equal(text(setAttestation('', 'security/waf', 'done')), 'checklist:\n  security/waf: done\n');
    assert.equal(text(setAttestation('checklist:\n  security/waf: todo\n', 'security/waf', 'done')), 'checklist:\n  security/waf: done\n');
  });

  test('na needs a reason: a note, or the one already recorded', () => {
    const refused = setAttestation('checklist:\n  security/waf: todo\n', 'security/waf', 'na');
    assert.ok('error' in refused);
    assert.match(refused.error, /needs a reason/);
    assert.equal(text(setAttestation('', 'security/waf', 'na', { note: 'No public endpoint' })), 'checklist:\n  security/waf:\n    status: na\n    note: No public endpoint\n');
    assert.equal(text(setAttestation('checklist:\n  security/waf:\n    status: done\n    note: Internal only\n', 'security/waf', 'na')), 'checklist:\n  security/waf:\n    status: na\n    note: Internal only\n');
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
    const result = text(setAttestation('# only a comment\nlocale: en\n', 'tests/unit-tests', 'todo'));
    assert.equal(result, '# only a comment\nlocale: en\nchecklist:\n  tests/unit-tests: todo\n');
    assert.equal(text(setAttestation('locale: en', 'tests/unit-tests', 'todo')), 'locale: en\nchecklist:\n  tests/unit-tests: todo\n', 'a last line without a line break');
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

  test('creates the file content from an empty file and replaces a previous name and date', () => {
    const first = text(setSignoff('', 'productOwner', 'Ana', '2025-10-31'));
    assert.equal(first, 'signoff:\n  productOwner:\n    name: Ana\n    date: 2025-10-31\n');
    const second = text(setSignoff(first, 'productOwner', 'Bia', '2025-11-01'));
    assert.equal(second, 'signoff:\n  productOwner:\n    name: Bia\n    date: 2025-11-01\n');
    assert.deepEqual(reparse(second).signoff.productOwner, { name: 'Bia', date: '2025-11-01' });
  });

  test('unknown roles, empty names, missing dates and malformed files are errors', () => {
    assert.ok('error' in setSignoff('', 'cto', 'Ana', '2025-10-31'));
    assert.ok('error' in setSignoff('', 'techLead', '  ', '2025-10-31'));
    assert.ok('error' in setSignoff('', 'techLead', 'Ana'));
    assert.ok('error' in setSignoff('signoff: [\n', 'techLead', 'Ana', '2025-10-31'));
  });
});

describe('setApproval', () => {
  test('records a row of the Final Approval table; approving needs a name and a date', () => {
    const result = text(setApproval('locale: en\n', 'security', { status: 'approved', name: 'Pedro Costa', date: '2025-10-15', notes: 'pen test passed' }));
    assert.equal(result, 'locale: en\napproval:\n  security:\n    status: approved\n    name: Pedro Costa\n    date: 2025-10-15\n    notes: pen test passed\n');
    assert.deepEqual(reparse(result).approval.security, { status: 'approved', name: 'Pedro Costa', date: '2025-10-15', notes: 'pen test passed' });
    assert.ok('error' in setApproval('', 'security', { status: 'approved' }));
    assert.ok('error' in setApproval('', 'ops', { status: 'pending' }));
  });
});

function setAttestationText(...args: Parameters<typeof setAttestation>): string {
  return text(setAttestation(...args));
}

/** Each edit changes only the bytes of the node that changed. */
describe('byte-minimal edits', () => {
  const cases: { name: string; before: string; edit: (text: string) => EditOutcome; after: string }[] = [
    {
      name: 'version: 007 keeps its zeros',
      before: 'application:\n  version: 007\nchecklist:\n  security/waf: todo\n',
      edit: (source) => setAttestation(source, 'security/waf', 'done'),
      after: 'application:\n  version: 007\nchecklist:\n  security/waf: done\n',
    },
    {
      name: 'a long number keeps its digits',
      before: 'application:\n  name: 12345678901234567890\nchecklist:\n  security/waf: todo\n',
      edit: (source) => setAttestation(source, 'security/cors', 'done'),
      after: 'application:\n  name: 12345678901234567890\nchecklist:\n  security/waf: todo\n  security/cors: done\n',
    },
    {
      name: '4-space indentation is followed, not rewritten',
      before: 'checklist:\n    security/waf:\n        status: todo\n',
      edit: (source) => setAttestation(source, 'security/cors', 'done', { by: 'Ana' }),
      after: 'checklist:\n    security/waf:\n        status: todo\n    security/cors:\n        status: done\n        by: Ana\n',
    },
    {
      name: '4-space indentation when the section is new',
      before: 'application:\n    name: API\n',
      edit: (source) => setSignoff(source, 'techLead', 'Ana', '2025-10-15'),
      after: 'application:\n    name: API\nsignoff:\n    techLead:\n        name: Ana\n        date: 2025-10-15\n',
    },
    {
      name: 'a BOM stays',
      before: '\uFEFFchecklist:\n  security/waf: todo\n',
      edit: (source) => setAttestation(source, 'security/waf', 'done'),
      after: '\uFEFFchecklist:\n  security/waf: done\n',
    },
    {
      name: 'a BOM-only file gets the section after the BOM',
      before: '\uFEFF',
      edit: (source) => setAttestation(source, 'security/waf', 'done'),
      after: '\uFEFFchecklist:\n  security/waf: done\n',
    },
    {
      name: 'folded and literal scalars are not reflowed',
      before: 'checklist:\n  security/waf:\n    status: todo\n    note: >\n      A long note that a serializer\n      would fold differently.\n  security/cors:\n    status: todo\n    note: |\n      keep\n        this\n',
      edit: (source) => setAttestation(source, 'security/waf', 'done', { by: 'Ana' }),
      after: 'checklist:\n  security/waf:\n    status: done\n    note: >\n      A long note that a serializer\n      would fold differently.\n    by: Ana\n  security/cors:\n    status: todo\n    note: |\n      keep\n        this\n',
    },
    {
      name: 'a new entry after a folded scalar goes after its last line',
      before: 'checklist:\n  security/waf:\n    status: todo\n    note: >\n      folded\n      text\nlocale: en\n',
      edit: (source) => setAttestation(source, 'security/cors', 'todo'),
      after: 'checklist:\n  security/waf:\n    status: todo\n    note: >\n      folded\n      text\n  security/cors: todo\nlocale: en\n',
    },
    {
      name: 'flow mappings are edited in place',
      before: 'checklist: { security/waf: todo }\nsignoff:\n  techLead: { name: Ana, date: 2025-10-01 }\n',
      edit: (source) => setSignoff(source, 'techLead', 'Bia', '2025-10-02'),
      after: 'checklist: { security/waf: todo }\nsignoff:\n  techLead: { name: Bia, date: 2025-10-02 }\n',
    },
    {
      name: 'a value that needs quotes gets them, and only it',
      before: 'checklist:\n  security/waf: todo\n',
      edit: (source) => setAttestation(source, 'security/waf', 'done', { note: 'see: the #waf channel' }),
      after: 'checklist:\n  security/waf:\n    status: done\n    note: "see: the #waf channel"\n',
    },
    {
      name: 'an entry without a value keeps its comment on its line',
      before: 'checklist:\n  security/waf: # decide after the audit\n  security/cors: todo # after the audit\n',
      edit: (source) => setAttestation(setAttestationText(source, 'security/waf', 'done'), 'security/cors', 'done', { by: 'Ana' }),
      after: 'checklist:\n  security/waf: done # decide after the audit\n  security/cors: # after the audit\n    status: done\n    by: Ana\n',
    },
    {
      name: 'an empty section with a comment',
      before: 'checklist: # attestations go here\nlocale: en\n',
      edit: (source) => setAttestation(source, 'security/waf', 'done'),
      after: 'checklist: # attestations go here\n  security/waf: done\nlocale: en\n',
    },
  ];
  for (const testCase of cases) {
    test(testCase.name, () => {
      const result = text(testCase.edit(testCase.before));
      assert.equal(result, testCase.after);
      reparse(result.replace(/^\uFEFF/, ''));
    });
  }

  test('a 40,000-entry file is edited without rewriting it', () => {
    const entries = Array.from({ length: 40_000 }, (_, index) => `  # entry ${index}\n`).join('');
    const before = `checklist:\n${entries}  security/waf: todo\n`;
    const after = text(setAttestation(before, 'security/waf', 'done'));
    assert.equal(after, before.replace('security/waf: todo', 'security/waf: done'));
  });
});
