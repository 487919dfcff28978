import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/engine/analyze';
import { detectKind } from '../../server/src/kinds';
import { kubernetesSupport } from '../../server/src/kinds/kubernetes';
import { parseKubernetes } from '../../server/src/kinds/kubernetes/model';
import { k8sRules } from '../../rules/k8s';

describe('kubernetes kind', () => {
  it('claims YAML files to sniff, except the readiness config and GitHub workflows', () => {
    assert.equal(kubernetesSupport.claim('/repo/k8s/deploy.yaml'), 'sniff');
    assert.equal(kubernetesSupport.claim('/repo/app.YML'), 'sniff');
    assert.equal(kubernetesSupport.claim('/repo/.readiness.yml'), 'no');
    assert.equal(kubernetesSupport.claim('/repo/.readiness.yaml'), 'no');
    assert.equal(kubernetesSupport.claim('/repo/.github/workflows/ci.yml'), 'no');
    assert.equal(kubernetesSupport.claim('/repo/main.tf'), 'no');
  });

  it('sniffs top-level apiVersion and kind', () => {
    assert.equal(detectKind('/r/a.yaml', 'apiVersion: v1\nkind: Service\n')?.kind, 'kubernetes');
    assert.equal(detectKind('/r/a.yaml', 'name: ci\non: push\n'), undefined);
    assert.equal(detectKind('/r/a.yaml', 'spec:\n  apiVersion: v1\n  kind: X\n'), undefined);
  });

  it('skips Helm templates', () => {
    assert.deepEqual(detectKind('/chart/templates/deploy.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n'), {
      kind: 'kubernetes',
      skip: 'not analyzed: Helm template',
    });
    assert.equal(kubernetesSupport.skipReason!('apiVersion: v1\nkind: Pod\n', '/chart/templates/a.yaml'), undefined);
  });

  it('models multi-document streams, Lists, anchors, merge keys and container types', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: listed, namespace: ns}',
      '  spec:',
      '    containers: [{name: a, image: "a:1"}]',
      '---',
      '# a comment',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: nightly',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          initContainers:',
      '          - &base',
      '            name: init',
      '            image: busybox:1.36',
      '          containers:',
      '          - <<: *base',
      '            name: main',
      '          ephemeralContainers:',
      '          - name: debug',
      '',
    ].join('\n');
    const model = parseKubernetes(text, '/r/a.yaml');
    assert.deepEqual(model.errors, []);
    assert.deepEqual(model.objects.map((object) => [object.kind, object.name, object.namespace]), [
      ['List', undefined, undefined],
      ['Pod', 'listed', 'ns'],
      ['CronJob', 'nightly', undefined],
    ]);
    assert.deepEqual(model.containers.map((container) => [container.type, container.name, container.image?.value]), [
      ['container', 'a', 'a:1'],
      ['initContainer', 'init', 'busybox:1.36'],
      ['container', 'main', 'busybox:1.36'],
      ['ephemeralContainer', 'debug', undefined],
    ]);
    const image = model.containers[0].image!;
    assert.equal(text.slice(image.span.start, image.span.end), '"a:1"');
    assert.ok(model.sharedSpans.length > 0, 'the anchored container is shared');
  });

  it('turns a syntax error into one ParseError and still analyzes the other documents', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  bad: [1, 2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n';
    const model = parseKubernetes(text, '/r/a.yaml');
    assert.equal(model.errors.length, 1);
    assert.match(model.errors[0].message, /^YAML syntax error: .*\.$/);
    assert.deepEqual(model.objects.map((object) => object.name), ['b']);
  });

  it('survives a billion-laughs alias bomb', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  ${lines.join('\n  ')}\n`;
    const started = Date.now();
    const model = parseKubernetes(text, '/r/bomb.yaml');
    const findings = analyzeModel({ model, rules: k8sRules });
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error'), []);
  });

  it('survives 10k-deep nesting', () => {
    const depth = 10_000;
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec:\n  x: ${'['.repeat(depth)}${']'.repeat(depth)}\n  containers: [{name: a}]\n`;
    const model = parseKubernetes(text, '/r/deep.yaml');
    const findings = analyzeModel({ model, rules: k8sRules });
    assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error'), []);
    const unbalanced = parseKubernetes(`a: ${'{b: '.repeat(depth)}`, '/r/deep2.yaml');
    assert.ok(unbalanced.errors.length >= 1);
  });
});
