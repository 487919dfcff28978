import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SUBJECT_KINDS } from '../../server/src/checklist/subjects';
import type { ItemStatus, RuleProof } from '../../server/src/checklist/types';
import type { Inspection } from '../../server/src/engine/types';
import { MESSAGES, t, type MessageKey } from '../../server/src/i18n/index';
import { finding, inspection, item, run, type RunInput } from './score-helpers';

const INCLUDES = 'their includes, or the configuration that includes them, are not in the workspace';
const VARIABLES = 'they depend on values the files do not set (a variable the caller sets, a module input)';
const unknown = (ruleId: string, subject: Inspection['subject'], file: string, start = 0) => inspection(ruleId, subject, file, start, true);
const BACKUP_SCRIPT = { path: 'scripts/backup-db.sh', text: '#!/bin/bash\npg_dump -h "$DB_HOST" -U app app | gzip > /backups/app.sql.gz\n' };

describe('an unknown inspection proves nothing', () => {
  type Case = {
    name: string;
    item: string;
    input: RunInput;
    status: ItemStatus;
    summary: string;
    /** The unknown fields of proof.rules (subjects and proving too, when given). */
    rules?: Partial<RuleProof>;
  };
  const cases: Case[] = [
    {
      name: 'a judged server with nothing failing proves security headers',
      item: 'security/security-headers',
      input: { inspected: [inspection('nginx/security-headers', 'server', 'nginx/site.conf')] },
      status: 'satisfied',
      summary: '1 server in 1 file checked, none failing.',
      rules: { subjects: { server: 1 }, proving: { server: 1 } },
    },
    {
      name: 'a server whose includes are missing proves nothing',
      item: 'security/security-headers',
      input: { inspected: [unknown('nginx/security-headers', 'server', 'nginx/site.conf')] },
      status: 'not-verified',
      summary: `1 server in 1 file could not be judged: ${INCLUDES}.`,
      rules: { subjects: {}, proving: {}, files: 0, unknown: { server: 1 }, unknownAbout: { server: 1 }, unknownFiles: 1, unknownRules: ['nginx/security-headers'] },
    },
    {
      name: 'two judged servers do not vouch for three that could not be judged',
      item: 'security/security-headers',
      input: {
        inspected: [
          inspection('nginx/security-headers', 'server', 'nginx/a.conf', 1),
          inspection('nginx/security-headers', 'server', 'nginx/a.conf', 9),
          unknown('nginx/security-headers', 'server', 'nginx/b.conf', 1),
          unknown('nginx/security-headers', 'server', 'nginx/b.conf', 7),
          unknown('nginx/add-header-always', 'server', 'nginx/c.conf', 3),
        ],
      },
      status: 'not-verified',
      summary: `2 servers in 1 file checked, none failing. 3 servers in 2 files could not be judged: ${INCLUDES}.`,
      rules: { subjects: { server: 2 }, proving: { server: 2 }, files: 1, unknown: { server: 3 }, unknownAbout: { server: 3 }, unknownFiles: 2, unknownRules: ['nginx/add-header-always', 'nginx/security-headers'] },
    },
    {
      name: 'a server one rule judged and another could not is not proven',
      item: 'security/security-headers',
      input: { inspected: [inspection('nginx/server-tokens', 'server', 'nginx/site.conf', 4), unknown('nginx/security-headers', 'server', 'nginx/site.conf', 4)] },
      status: 'not-verified',
      summary: `1 server in 1 file could not be judged: ${INCLUDES}.`,
      rules: { subjects: {}, proving: {}, unknown: { server: 1 }, unknownAbout: { server: 1 } },
    },
    {
      name: 'an unknown subject the item is not about is listed and changes nothing',
      item: 'security/security-headers',
      input: { inspected: [inspection('nginx/security-headers', 'server', 'nginx/site.conf', 4), unknown('nginx/server-tokens', 'http', 'nginx/site.conf', 0)] },
      status: 'satisfied',
      summary: '1 server in 1 file checked, none failing.',
      rules: { subjects: { server: 1 }, proving: { server: 1 }, unknown: { http: 1 }, unknownFiles: 1, unknownRules: ['nginx/server-tokens'] },
    },
    {
      name: 'a finding still fails the item, and the proof says what could not be judged',
      item: 'security/security-headers',
      input: { inspected: [inspection('nginx/security-headers', 'server', 'nginx/a.conf'), unknown('nginx/security-headers', 'server', 'nginx/b.conf')], findings: [finding('nginx/security-headers', 'nginx/a.conf', 3)] },
      status: 'failing',
      summary: `1 server in 1 file checked: 1 finding. 1 server in 1 file could not be judged: ${INCLUDES}.`,
    },
    {
      name: 'evidence proves the item; the proof still lists the database that could not be judged',
      item: 'backup/automated-backups',
      input: { inspected: [unknown('terraform/rds-backup-retention', 'database', 'db.tf')], evidenceFiles: [BACKUP_SCRIPT] },
      status: 'satisfied',
      summary: `Evidence in 1 file. 1 database in 1 file could not be judged: ${VARIABLES}.`,
    },
    {
      name: 'an attestation is a person\'s word: its proof is the attestation',
      item: 'backup/automated-backups',
      input: { inspected: [unknown('terraform/rds-backup-retention', 'database', 'db.tf')], checklist: { 'backup/automated-backups': { status: 'done', by: 'Ana' } } },
      status: 'attested',
      summary: 'Attested done by Ana.',
    },
    {
      name: 'unknown subjects under tests/ are left out like any inspection there',
      item: 'security/security-headers',
      input: { inspected: [inspection('nginx/security-headers', 'server', 'nginx/site.conf'), unknown('nginx/security-headers', 'server', 'tests/nginx/case.conf')] },
      status: 'satisfied',
      summary: '1 server in 1 file checked, none failing.',
      rules: { subjects: { server: 1 }, proving: { server: 1 } },
    },
    {
      name: 'nginx servers and Terraform listeners that could not be judged: one sentence per kind',
      item: 'security/encryption-in-transit',
      input: { inspected: [unknown('nginx/tls-protocols', 'server', 'nginx/site.conf'), unknown('terraform/lb-https', 'listener', 'lb.tf'), unknown('terraform/lb-https', 'listener', 'lb.tf', 40)] },
      status: 'not-verified',
      summary: `1 server in 1 file could not be judged: ${INCLUDES}. 2 listeners in 1 file could not be judged: ${VARIABLES}.`,
      rules: { unknown: { server: 1, listener: 2 }, unknownAbout: { server: 1, listener: 2 }, unknownFiles: 2 },
    },
  ];
  for (const testCase of cases) {
    test(testCase.name, () => {
      const result = item(run(testCase.input), testCase.item);
      assert.equal(result.status, testCase.status);
      assert.equal(result.proof.summary, testCase.summary);
      for (const [key, value] of Object.entries(testCase.rules ?? {})) assert.deepEqual(result.proof.rules[key as keyof RuleProof], value, key);
      if (testCase.rules && !testCase.rules.unknown) assert.equal(result.proof.rules.unknown, undefined, 'nothing unknown');
    });
  }

  test('"to verify" says what would settle the subjects that could not be judged, kind by kind, then the attestation', () => {
    const result = item(
      run({ analyzedKinds: new Set(['nginx', 'terraform']), inspected: [unknown('nginx/tls-protocols', 'server', 'nginx/a.conf'), unknown('nginx/tls-ciphers', 'server', 'nginx/b.conf'), unknown('terraform/lb-https', 'listener', 'lb.tf')] }),
      'security/encryption-in-transit',
    );
    const steps = result.proof.toVerify!;
    assert.deepEqual(
      steps.filter((step) => step.kind === 'rules').map((step) => [step.ids, step.text]),
      [
        [['nginx/tls-ciphers', 'nginx/tls-protocols'], '2 servers in 2 files could not be judged by its rules (nginx/tls-ciphers, nginx/tls-protocols): add the included files, or the configuration that includes them, to the workspace.'],
        [['terraform/lb-https'], '1 listener in 1 file could not be judged by its rules (terraform/lb-https): check the values the callers set.'],
      ],
    );
    assert.equal(steps[steps.length - 1].kind, 'attestation');
    assert.ok(!steps.some((step) => /found nothing this item is about/.test(step.text)), 'its rules did find what it is about');
  });

  test('it speaks pt-BR too', () => {
    const result = item(run({ locale: 'pt-BR', inspected: [unknown('nginx/security-headers', 'server', 'nginx/a.conf'), unknown('nginx/security-headers', 'server', 'nginx/a.conf', 9)] }), 'security/security-headers');
    assert.equal(result.proof.summary, 'Não foi possível avaliar 2 servers em 1 arquivo: seus includes, ou a configuração que os inclui, não estão no workspace.');
    assert.equal(result.proof.toVerify![0].text, 'Suas regras (nginx/security-headers) não puderam avaliar 2 servers em 1 arquivo: adicione ao workspace os arquivos incluídos, ou a configuração que os inclui.');
  });

  test('every kind whose rules inspect a subject says why its subjects could not be judged and what would settle it, in both languages', () => {
    for (const kind of new Set(Object.values(SUBJECT_KINDS))) {
      for (const locale of ['en', 'pt-BR'] as const) {
        for (const key of [`unknown.reason.${kind}`, `unknown.settle.${kind}`]) {
          assert.ok(MESSAGES[locale][key as MessageKey], `${locale} ${key}`);
          assert.doesNotMatch(t(locale, key as MessageKey), /\.$/, `${locale} ${key} is part of a sentence`);
        }
      }
    }
  });
});
