import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/engine/analyze';
import { singleFileWorkspace } from '../../server/src/engine/analyze';
import { detectKind } from '../../server/src/kinds';
import { composeSupport } from '../../server/src/kinds/compose';
import { environmentOf, portsOf } from '../../server/src/kinds/compose/checks';
import { interpolate } from '../../server/src/kinds/compose/interpolation';
import { parseCompose } from '../../server/src/kinds/compose/model';
import { resolvedServices } from '../../server/src/kinds/compose/services';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';
import { composeRules } from '../../rules/compose';

const view = (model: ReturnType<typeof parseCompose>) => singleFileWorkspace({ path: model.path, kind: 'compose', model });

describe('compose kind', () => {
  it('claims Compose file names and sniffs other YAML', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.production.yml', 'compose.override.yaml', 'docker-compose-prod.yaml']) {
      assert.equal(composeSupport.claim(`/repo/${name}`), 'yes', name);
    }
    assert.equal(composeSupport.claim('/repo/stack.yml'), 'sniff');
    assert.equal(composeSupport.claim('/repo/composer.json'), 'no');
    assert.equal(composeSupport.claim('/repo/.github/workflows/compose.yml'), 'no');
  });

  it('recognises Compose content before Kubernetes sniffs it, and leaves look-alikes alone', () => {
    assert.equal(detectKind('/r/stack.yml', 'services:\n  web:\n    image: nginx:1.27\n')?.kind, 'compose');
    assert.equal(detectKind('/r/stack.yml', 'x-base: &b\n  restart: always\nservices:\n  web:\n    <<: *b\n    build: .\n')?.kind, 'compose');
    assert.equal(detectKind('/r/deploy.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n')?.kind, 'kubernetes');
    // GitLab CI lists services; Azure Pipelines maps them to strings.
    assert.equal(detectKind('/r/.gitlab-ci.yml', 'services:\n  - postgres:16\ntest:\n  script: npm test\n'), undefined);
    assert.equal(detectKind('/r/azure.yml', 'services:\n  redis: redis\n'), undefined);
    assert.equal(detectKind('/r/app.yml', 'services:\n  mailer:\n    host: smtp.local\n'), undefined);
  });

  it('interpolates like Compose, an unset variable being unknown', () => {
    assert.deepEqual(interpolate('plain'), { value: 'plain', references: [] });
    assert.deepEqual(interpolate('cost $$5'), { value: 'cost $5', references: [] });
    assert.equal(interpolate('${TAG}').value, undefined);
    assert.equal(interpolate('$TAG').value, undefined);
    const withDefault = interpolate('acme/api:${TAG:-1.0.0}');
    assert.equal(withDefault.value, undefined);
    assert.deepEqual(withDefault.references.map(({ name, operator, argument }) => [name, operator, argument]), [['TAG', ':-', '1.0.0']]);
    assert.deepEqual(interpolate('${A-x}${B:?needed}${C?}').references.map(({ name, operator }) => [name, operator]), [['A', '-'], ['B', ':?'], ['C', '?']]);
    assert.deepEqual(interpolate('${A:-${B:-z}}/x').references.map(({ name, argument, start, end }) => [name, argument, start, end]), [['A', '${B:-z}', 0, 13]]);
  });

  it('resolves anchors, merge keys, x- fields and extends, and keeps offsets', () => {
    const text = [
      'x-defaults: &defaults',
      '  restart: unless-stopped',
      '  logging:',
      '    driver: json-file',
      '    options: {max-size: 10m}',
      'services:',
      '  x-not-a-service:',
      '    image: nothing:1',
      '  base:',
      '    <<: *defaults',
      '    image: acme/base:1.0.0',
      '    environment:',
      '      - NODE_ENV=production',
      '      - DB_PASSWORD=${DB_PASSWORD:?set it}',
      '    profiles: [debug]',
      '  api:',
      '    extends: base',
      '    ports:',
      '      - "127.0.0.1:${API_PORT:-8080}:8080"',
      '    environment:',
      '      LOG_LEVEL: info',
      '',
    ].join('\n');
    const model = parseCompose(text, '/r/compose.yaml');
    assert.deepEqual(model.errors, []);
    assert.deepEqual(model.services.map((service) => service.name), ['base', 'api']);
    assert.deepEqual(model.services[0].profiles, ['debug']);
    const [base, api] = resolvedServices(model, view(model));
    assert.equal(text.slice(api.nameSpan.start, api.nameSpan.end), 'api');
    assert.equal(base.string('restart'), 'unless-stopped', 'merged from the x- anchor');
    assert.equal(api.string('restart'), 'unless-stopped', 'inherited through extends');
    assert.equal(scalarString(api.path('logging', 'options', 'max-size')?.value), '10m');
    assert.equal(api.string('image'), 'acme/base:1.0.0');
    assert.ok(api.complete);
    assert.deepEqual(environmentOf(api).map((entry) => [entry.name, entry.raw]), [
      ['LOG_LEVEL', 'info'],
      ['NODE_ENV', 'production'],
      ['DB_PASSWORD', '${DB_PASSWORD:?set it}'],
    ]);
    const secret = environmentOf(base).find((entry) => entry.name === 'DB_PASSWORD')!;
    assert.equal(text.slice(secret.valueSpan!.start, secret.valueSpan!.end), '${DB_PASSWORD:?set it}');
    const [port] = portsOf(api);
    assert.equal(port.target, 8080);
    assert.equal(port.allInterfaces, false);
    assert.equal(text.slice(port.targetSpan.start, port.targetSpan.end), '8080');
    assert.ok(model.sharedSpans.length > 0, 'the anchored defaults are shared');
  });

  it('leaves a service whose base is out of sight incomplete, and an override fragment too', () => {
    const model = parseCompose('services:\n  api:\n    extends:\n      file: ../common/compose.yaml\n      service: api\n  web:\n    ports: ["80:80"]\n', '/r/compose.yaml');
    assert.deepEqual(model.services[0].extends, { service: 'api', file: '../common/compose.yaml', span: model.services[0].extends!.span });
    assert.deepEqual(resolvedServices(model, view(model)).map((service) => service.complete), [false, false]);
    assert.deepEqual(analyzeModel({ model, rules: composeRules }).map((finding) => finding.ruleId), []);
  });

  it('marks files named for development or tests', () => {
    for (const name of ['compose.dev.yml', 'docker-compose.override.yml', 'docker-compose.test.yaml', 'compose.local.yaml', 'docker-compose-ci.yml']) assert.ok(parseCompose('', `/r/${name}`).development, name);
    for (const name of ['compose.yaml', 'docker-compose.production.yml', 'docker-compose.prod.yml', 'compose.staging.yaml']) assert.ok(!parseCompose('', `/r/${name}`).development, name);
  });

  it('turns a syntax error into one ParseError', () => {
    const model = parseCompose('services:\n  app:\n    image: [unclosed\n', '/r/compose.yaml');
    assert.equal(model.errors.length, 1);
    assert.match(model.errors[0].message, /^YAML syntax error: .*\.$/);
    assert.deepEqual(model.services, []);
  });

  it('survives an alias bomb and deep nesting without a rule error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = parseCompose(`x-lol:\n  ${lines.join('\n  ')}\nservices:\n  app:\n    image: acme/api:1.0.0\n    labels: *j\n`, '/r/compose.yaml');
    const deep = parseCompose(`services:\n  app:\n    image: acme/api:1.0.0\n    labels: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, '/r/compose.yaml');
    for (const model of [bomb, deep]) {
      const findings = analyzeModel({ model, rules: composeRules });
      assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message), []);
    }
  });
});
