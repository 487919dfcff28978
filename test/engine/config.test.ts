import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { parseConfig } from '../../server/src/engine/config';
import { CHECKLIST_ITEM_IDS, analysisSettings, loadConfigText } from '../../server/src/settings';

const schema = { rules: ALL_RULES, checklistItems: CHECKLIST_ITEM_IDS };
const problemsOf = (text: string) => parseConfig(text, schema).problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]);

describe('.readiness.yml', () => {
  it('reads every section', () => {
    const { config, problems } = parseConfig(
      [
        '# shared settings',
        'rules:',
        '  dockerfile/healthcheck: error',
        '  k8s/replicas: { severity: warning, options: { minReplicas: 3 } }',
        'exclude: ["legacy/**"]',
        'locale: pt-BR',
        'application: { name: Orders, rto: 15 minutos }',
        'checklist:',
        '  performance/cdn: na',
        '  security/data-processing-agreements: { status: done, by: Ana, date: 2026-11-20, note: signed }',
        'signoff:',
        '  techLead: { name: João, date: "2026-11-28" }',
      ].join('\n'),
      schema,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { 'dockerfile/healthcheck': { severity: 'error' }, 'k8s/replicas': { severity: 'warning', options: { minReplicas: 3 } } });
    assert.deepEqual(config.exclude, ['legacy/**']);
    assert.equal(config.locale, 'pt-BR');
    assert.deepEqual(config.application, { name: 'Orders', rto: '15 minutos' });
    assert.deepEqual(config.checklist['performance/cdn'], { status: 'na' });
    assert.deepEqual(config.checklist['security/data-processing-agreements'], { status: 'done', by: 'Ana', date: '2026-11-20', note: 'signed' });
    assert.deepEqual(config.signoff.techLead, { name: 'João', date: '2026-11-28' });
  });

  it('reports each mistake on the offending node and ignores only that part', () => {
    assert.deepEqual(problemsOf('rules:\n  dockerfile/healthcheck: loud\n'), [['loud', 'Severity must be one of off, hint, information, warning, error.']]);
    assert.deepEqual(problemsOf('rules:\n  docker/healthcheck: error\n'), [['docker/healthcheck', 'Unknown rule "docker/healthcheck". Did you mean "dockerfile/healthcheck"?']]);
    assert.deepEqual(problemsOf('rules:\n  k8s/replicas: { options: { minReplicas: many } }\n'), [['many', 'Option "minReplicas" of "k8s/replicas" must be a number of at least 1.']]);
    assert.deepEqual(problemsOf('rules:\n  k8s/replicas: { options: { replicas: 2 } }\n'), [['replicas', 'Unknown option "replicas" for "k8s/replicas"; it takes minReplicas.']]);
    assert.deepEqual(problemsOf('exclude: legacy\n'), [['legacy', 'exclude must be a list of strings.']]);
    assert.deepEqual(problemsOf('checklist:\n  security/https-only: maybe\n'), [['maybe', 'Status must be done, na or todo.']]);
    assert.deepEqual(problemsOf('checklist:\n  security/nope: done\n')[0][0], 'security/nope');
    assert.deepEqual(problemsOf('signoff:\n  ceo: { name: X }\n')[0][0], 'ceo');
    assert.deepEqual(problemsOf('colour: blue\n')[0][0], 'colour');
    assert.deepEqual(problemsOf('- just\n- a list\n')[0][1], 'The configuration must be a mapping of sections (rules, exclude, locale, application, checklist, signoff).');
  });

  it('reports a YAML syntax error at its position and keeps the defaults', () => {
    const text = 'rules:\n  dockerfile/healthcheck: [error\n';
    const { config, problems } = parseConfig(text, schema);
    assert.equal(problems.length, 1);
    assert.ok(problems[0].span.start > 0);
    assert.deepEqual(config.rules, {});
  });

  it('lets the editor setting win over the file for severity, and keeps the file options', () => {
    const config = loadConfigText('rules:\n  k8s/replicas: { severity: error, options: { minReplicas: 3 } }\n');
    const settings = analysisSettings(config, { rules: { 'k8s/replicas': 'information' }, locale: 'auto' }, 'pt-br');
    assert.deepEqual(settings.rules!['k8s/replicas'], { severity: 'information', options: { minReplicas: 3 } });
    assert.equal(settings.locale, 'pt-BR');
  });
});
