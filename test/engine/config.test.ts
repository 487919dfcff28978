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
        '  performance/cdn: { status: na, note: no static assets }',
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
    assert.deepEqual(config.checklist['performance/cdn'], { status: 'na', note: 'no static assets' });
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
    assert.deepEqual(problemsOf('- just\n- a list\n')[0][1], 'The configuration must be a mapping of sections (rules, exclude, locale, application, checklist, signoff, targets, approval, gates, critical).');
  });

  it('needs a reason for na, and does not apply one without it', () => {
    for (const text of ['checklist:\n  performance/cdn: na\n', 'checklist:\n  performance/cdn: { status: na, by: Ana }\n', 'checklist:\n  performance/cdn: { status: na, note: "  " }\n']) {
      const { config, problems } = parseConfig(text, schema);
      assert.equal(problems.length, 1, text);
      assert.match(problems[0].message, /^checklist\.performance\/cdn: na needs a reason \(\{ status: na, note: why it does not apply \}\); it is not applied until then\.$/);
      assert.equal(config.checklist['performance/cdn'], undefined, text);
      assert.deepEqual(config.rejected['performance/cdn'], { status: 'na', reason: 'not applicable needs a reason' });
    }
    assert.deepEqual(problemsOf('checklist:\n  performance/cdn: na\n')[0][0], 'na');
  });

  it('needs a name and a date for a sign-off', () => {
    const check = (text: string, message: RegExp) => {
      const { config, problems } = parseConfig(text, schema);
      assert.equal(problems.length, 1, text);
      assert.match(problems[0].message, message);
      assert.deepEqual(config.signoff, {}, text);
    };
    check('signoff:\n  techLead: { name: Ana }\n', /^signoff\.techLead needs a date \(YYYY-MM-DD\); it is not applied until then\.$/);
    check('signoff:\n  techLead: { date: 2025-10-15 }\n', /^signoff\.techLead needs a name; it is not applied until then\.$/);
    check('signoff:\n  techLead: { name: Ana, date: yesterday }\n', /^signoff\.techLead\.date must be a date/);
    assert.deepEqual(parseConfig('signoff:\n  techLead: { name: Ana, date: 15/10/2025 }\n', schema).config.signoff.techLead, { name: 'Ana', date: '15/10/2025' });
  });

  it('reads targets within their ranges, and where they are', () => {
    const text = 'targets:\n  rtoMinutes: 30\n  backupRetentionDays: { min: 14, max: 35 }\n  tlsVersion: "1.2"\n  coveragePercent: 90\n';
    const { config, problems } = parseConfig(text, schema);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.targets, { rtoMinutes: 30, backupRetentionDays: { min: 14, max: 35 }, tlsVersion: '1.2', coveragePercent: 90 });
    assert.deepEqual(config.locations['targets.rtoMinutes'], { start: { line: 1, character: 14 }, end: { line: 1, character: 16 } });
    const cases: [string, string, string][] = [
      ['targets:\n  rtoMinutes: 0\n', '0', 'targets.rtoMinutes must be a number over 0 and at most 43200.'],
      ['targets:\n  coveragePercent: 120\n', '120', 'targets.coveragePercent must be a number from 0 to 100.'],
      ['targets:\n  p95Ms: fast\n', 'fast', 'targets.p95Ms must be a number over 0 and at most 600000.'],
      ['targets:\n  tlsVersion: "1.1"\n', '"1.1"', 'targets.tlsVersion must be one of "1.2", "1.3".'],
      ['targets:\n  logRetentionDays: { min: 90, max: 30 }\n', '{ min: 90, max: 30 }', 'targets.logRetentionDays: min must not exceed max.'],
      ['targets:\n  rto: 15\n', 'rto', 'Unknown target "rto"; expected one of rtoMinutes, rpoMinutes, backupRetentionDays, logRetentionDays, coveragePercent, p95Ms, tlsVersion, uptimePercent, errorRatePercent, throughputRps, mttrMinutes.'],
    ];
    for (const [input, node, message] of cases) assert.deepEqual(problemsOf(input), [[node, message]], input);
    assert.deepEqual(parseConfig('targets:\n  coveragePercent: 120\n', schema).config.targets, {}, 'a value out of range is not applied');
  });

  it('reads the Final Approval table, gates and the critical set', () => {
    const { config, problems } = parseConfig(
      'approval:\n  deployment: { status: approved, name: Maria Santos, date: 2025-10-15, notes: ok }\n  tests: { status: pending }\ngates:\n  documentation: 80\ncritical:\n  add: [deployment/secrets]\n  remove: [security/2fa-mfa]\n',
      schema,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.approval, { deployment: { status: 'approved', name: 'Maria Santos', date: '2025-10-15', notes: 'ok' }, tests: { status: 'pending' } });
    assert.deepEqual(config.gates, { documentation: 80 });
    assert.deepEqual(config.critical, { add: ['deployment/secrets'], remove: ['security/2fa-mfa'] });
    assert.deepEqual(problemsOf('approval:\n  security: { status: approved }\n'), [['security', 'approval.security is approved but needs a name and a date; it is not applied until then.']]);
    assert.deepEqual(problemsOf('approval:\n  ops: { status: approved }\n')[0][0], 'ops');
    assert.deepEqual(problemsOf('gates:\n  deployment: 50\n'), [['deployment', 'Unknown gate "deployment"; expected tests or documentation (the seed fixes the other gates).']]);
    assert.deepEqual(problemsOf('gates:\n  tests: 150\n'), [['150', 'gates.tests must be a percentage from 0 to 100.']]);
    assert.deepEqual(problemsOf('critical:\n  add: [security/nope, signoff/tech-lead]\n').map((problem) => problem[0]), ['security/nope', 'signoff/tech-lead']);
  });

  it('keeps the digits of plain numbers in text fields', () => {
    const { config } = parseConfig('application:\n  version: 007\n  slaTarget: 99.90\n  name: 12345678901234567890\n', schema);
    assert.deepEqual(config.application, { version: '007', slaTarget: '99.90', name: '12345678901234567890' });
  });

  it('reports a duplicate key and keeps the first occurrence', () => {
    const { config, problems } = parseConfig('checklist:\n  security/waf: done\n  security/waf: todo\n', schema);
    assert.deepEqual(problems.map((problem) => problem.message), ['Duplicate key "security/waf"; only its first occurrence applies.']);
    assert.deepEqual(config.checklist['security/waf'], { status: 'done' });
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
