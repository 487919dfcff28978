/**
 * One finding per problem group: what the four restricted-profile rules and the two resources
 * rules report together, with every Kubernetes rule running as it does in the editor and the CLI.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeFile, applyEdits, type AnalysisSettings } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/types';
import { initKinds } from '../../server/src/kinds';
import { kubernetesSupport } from '../../server/src/kinds/kubernetes';
import { k8sRules } from '../../rules/k8s';

/** The bare Pod of the issue: 22 lines, no securityContext, no resources, no probes. */
const BARE_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  labels:',
  '    app: web',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: ghcr.io/example/web',
  '    env:',
  '    - name: LOG_LEVEL',
  '      value: info',
  '    - name: PORT',
  '      value: "8080"',
  '    volumeMounts:',
  '    - name: tmp',
  '      mountPath: /tmp',
  '  volumes:',
  '  - name: tmp',
  '    emptyDir: {}',
  '',
].join('\n');

function analyze(text: string, settings?: AnalysisSettings): Finding[] {
  return analyzeFile({ model: kubernetesSupport.parse(text, '/work/pod.yaml'), rules: k8sRules, settings }).findings;
}

const RESTRICTED = ['k8s/read-only-root-fs', 'k8s/drop-capabilities', 'k8s/no-privilege-escalation', 'k8s/seccomp-profile'];

const onContainerName = (findings: Finding[]) => findings.filter((finding) => finding.range.start.line === 8).map((finding) => `${finding.ruleId}:${finding.messageId}`).sort();
const withSuppression = (comment: string) => BARE_POD.replace('  - name: app', `  # ${comment}\n  - name: app`);

describe('kubernetes problem groups', () => {
  before(() => initKinds());

  it('a bare Pod: one finding per container per problem group, not one per missing field', () => {
    assert.deepEqual(onContainerName(analyze(BARE_POD)), [
      'k8s/liveness-probe:missing',
      'k8s/read-only-root-fs:grouped',
      'k8s/resource-requests:grouped',
      'k8s/run-as-non-root:missing',
    ]);
    const findings = analyze(BARE_POD);
    assert.deepEqual(findings.map((finding) => finding.ruleId).sort(), [
      'k8s/default-namespace',
      'k8s/image-tag',
      'k8s/liveness-probe',
      'k8s/network-policy',
      'k8s/read-only-root-fs',
      'k8s/resource-requests',
      'k8s/run-as-non-root',
      'k8s/service-account-token',
    ]);
  });

  it('the grouped message names the settings as hardening settings (readOnlyRootFilesystem is not a restricted-profile requirement)', () => {
    const group = analyze(BARE_POD).find((finding) => finding.ruleId === 'k8s/read-only-root-fs')!;
    assert.equal(
      group.message,
      'Container "app" is missing the securityContext hardening settings readOnlyRootFilesystem: true, capabilities.drop: [ALL], allowPrivilegeEscalation: false, seccompProfile.type: RuntimeDefault, so it runs with more privileges than it needs; add them to its securityContext.',
    );
    assert.equal(group.fix!.title, 'Harden the container securityContext');
  });

  it('the group fix closes every gap it names, and each rule stays satisfied afterwards', () => {
    const group = analyze(BARE_POD).find((finding) => finding.ruleId === 'k8s/read-only-root-fs')!;
    const fixed = applyEdits(BARE_POD, group.fix!.edits);
    const after = analyze(fixed).map((finding) => finding.ruleId);
    for (const id of ['k8s/read-only-root-fs', 'k8s/drop-capabilities', 'k8s/no-privilege-escalation', 'k8s/seccomp-profile']) assert.ok(!after.includes(id), id);
  });

  const suppressions: [string, string, string[]][] = [
    ['readiness-ignore k8s/read-only-root-fs -- writes to /data', 'k8s/drop-capabilities', ['capabilities.drop: [ALL]', 'allowPrivilegeEscalation: false', 'seccompProfile.type: RuntimeDefault']],
    ['readiness-ignore k8s/drop-capabilities -- needs its default capabilities', 'k8s/read-only-root-fs', ['readOnlyRootFilesystem: true', 'allowPrivilegeEscalation: false', 'seccompProfile.type: RuntimeDefault']],
    ['readiness-ignore k8s/read-only-root-fs, k8s/seccomp-profile -- legacy runtime', 'k8s/drop-capabilities', ['capabilities.drop: [ALL]', 'allowPrivilegeEscalation: false']],
  ];
  for (const [comment, reporter, settings] of suppressions) {
    it(`"${comment.split(' --')[0]}" leaves those settings out of the finding and the fix, and counts as used`, () => {
      const findings = analyze(withSuppression(comment));
      assert.deepEqual(findings.filter((finding) => finding.ruleId.startsWith('readiness/')).map((finding) => finding.message), []);
      const group = findings.filter((finding) => ['k8s/read-only-root-fs', 'k8s/drop-capabilities', 'k8s/no-privilege-escalation', 'k8s/seccomp-profile'].includes(finding.ruleId));
      assert.deepEqual(group.map((finding) => finding.ruleId), [reporter]);
      for (const setting of settings) assert.ok(group[0].message.includes(setting), `${setting} in "${group[0].message}"`);
      const fixed = applyEdits(withSuppression(comment), group[0].fix!.edits);
      assert.equal(fixed.includes('readOnlyRootFilesystem'), settings.includes('readOnlyRootFilesystem: true'));
      assert.equal(fixed.includes('seccompProfile'), settings.includes('seccompProfile.type: RuntimeDefault'));
    });
  }

  it('a file-wide suppression of one member works the same way', () => {
    const findings = analyze(`# readiness-ignore-file k8s/read-only-root-fs -- a legacy app that writes everywhere\n${BARE_POD}`);
    assert.deepEqual(findings.filter((finding) => finding.ruleId.startsWith('readiness/')), []);
    assert.ok(findings.some((finding) => finding.ruleId === 'k8s/drop-capabilities' && finding.messageId === 'grouped' && !finding.message.includes('readOnlyRootFilesystem')));
  });

  it('the first member switched off in settings: the next one reports the group, without it', () => {
    const findings = analyze(BARE_POD, { rules: { 'k8s/read-only-root-fs': { severity: 'off' } } });
    const group = findings.find((finding) => finding.ruleId === 'k8s/drop-capabilities')!;
    assert.equal(group.messageId, 'grouped');
    assert.ok(!group.message.includes('readOnlyRootFilesystem'), group.message);
    assert.ok(!applyEdits(BARE_POD, group.fix!.edits).includes('readOnlyRootFilesystem'));
  });

  const switchedOff: [string[], string, string[], string[]][] = [
    // [rules off, reporter, settings named, settings left out]
    [['k8s/seccomp-profile'], 'k8s/read-only-root-fs', ['readOnlyRootFilesystem: true', 'capabilities.drop: [ALL]', 'allowPrivilegeEscalation: false'], ['seccompProfile']],
    [['k8s/drop-capabilities', 'k8s/no-privilege-escalation'], 'k8s/read-only-root-fs', ['readOnlyRootFilesystem: true', 'seccompProfile.type: RuntimeDefault'], ['capabilities', 'allowPrivilegeEscalation']],
    [['k8s/read-only-root-fs', 'k8s/seccomp-profile'], 'k8s/drop-capabilities', ['capabilities.drop: [ALL]', 'allowPrivilegeEscalation: false'], ['readOnlyRootFilesystem', 'seccompProfile']],
  ];
  for (const [off, reporter, named, leftOut] of switchedOff) {
    it(`${off.join(' and ')} switched off in settings: neither named nor fixed by the group, wherever it stands in the order`, () => {
      const settings: AnalysisSettings = { rules: Object.fromEntries(off.map((id) => [id, { severity: 'off' as const }])) };
      const group = analyze(BARE_POD, settings).filter((finding) => RESTRICTED.includes(finding.ruleId));
      assert.deepEqual(group.map((finding) => `${finding.ruleId}:${finding.messageId}`), [`${reporter}:grouped`]);
      for (const setting of named) assert.ok(group[0].message.includes(setting), `${setting} in "${group[0].message}"`);
      const fixed = applyEdits(BARE_POD, group[0].fix!.edits);
      for (const setting of leftOut) {
        assert.ok(!group[0].message.includes(setting), `${setting} not in "${group[0].message}"`);
        assert.ok(!fixed.includes(setting), `${setting} not added by the fix`);
      }
    });
  }

  it('only one member left on: its own finding, not a group', () => {
    const settings: AnalysisSettings = { rules: Object.fromEntries(RESTRICTED.slice(1).map((id) => [id, { severity: 'off' as const }])) };
    assert.deepEqual(
      analyze(BARE_POD, settings).filter((finding) => RESTRICTED.includes(finding.ruleId)).map((finding) => `${finding.ruleId}:${finding.messageId}`),
      ['k8s/read-only-root-fs:missing'],
    );
  });

  it('the group does not depend on the order the rules run in', () => {
    const reversed = [...k8sRules].reverse();
    const model = kubernetesSupport.parse(BARE_POD, '/work/pod.yaml');
    const inOrder = analyze(BARE_POD).map((finding) => `${finding.ruleId}:${finding.messageId}:${finding.message}`).sort();
    const backwards = analyzeFile({ model, rules: reversed }).findings.map((finding) => `${finding.ruleId}:${finding.messageId}:${finding.message}`).sort();
    assert.deepEqual(backwards, inOrder);
  });

  it('resources: the limits rule switched off leaves a requests-only finding and fix', () => {
    const findings = analyze(BARE_POD, { rules: { 'k8s/resource-limits': { severity: 'off' } } }).filter((finding) => finding.ruleId.startsWith('k8s/resource-'));
    assert.deepEqual(findings.map((finding) => `${finding.ruleId}:${finding.messageId}`), ['k8s/resource-requests:missing']);
    assert.ok(!applyEdits(BARE_POD, findings[0].fix!.edits).includes('limits'));
  });

  it('resources: one finding and one fix for requests and limits; suppressing the requests rule leaves the limits', () => {
    const group = analyze(BARE_POD).find((finding) => finding.ruleId === 'k8s/resource-requests')!;
    assert.equal(group.messageId, 'grouped');
    assert.ok(!analyze(applyEdits(BARE_POD, group.fix!.edits)).some((finding) => finding.ruleId.startsWith('k8s/resource-')));
    const suppressed = analyze(withSuppression('readiness-ignore k8s/resource-requests -- the platform injects requests'));
    assert.deepEqual(suppressed.filter((finding) => finding.ruleId.startsWith('k8s/resource-') || finding.ruleId.startsWith('readiness/')).map((finding) => `${finding.ruleId}:${finding.messageId}`), ['k8s/resource-limits:missing']);
  });

  it('reports the same findings when the same model is analyzed again (results replayed from the cache)', () => {
    const model = kubernetesSupport.parse(BARE_POD, '/work/pod.yaml');
    const settings: AnalysisSettings = {};
    const first = analyzeFile({ model, rules: k8sRules, settings }).findings.map((finding) => `${finding.ruleId}:${finding.messageId}`);
    const second = analyzeFile({ model, rules: k8sRules, settings }).findings.map((finding) => `${finding.ruleId}:${finding.messageId}`);
    assert.deepEqual(second, first);
  });
});
