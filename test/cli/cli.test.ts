/** The built CLI as CI uses it: formats, exit codes, the JSON contract, bad input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const cli = join(__dirname, '..', '..', 'bin', 'readiness.js');

function run(args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('readiness CLI', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-cli-'));
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'api', 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node", "server.js"]\n');
    writeFileSync(join(dir, 'ok.Dockerfile'), 'FROM node:20-alpine\nUSER node\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n');
    writeFileSync(join(dir, 'empty.Dockerfile'), '');
    writeFileSync(join(dir, 'binary.Dockerfile'), Buffer.from([0x46, 0x52, 0x00, 0x01, 0xff, 0xfe]));
    writeFileSync(join(dir, 'garbage.Dockerfile'), 'this is not { a dockerfile\n\\\n"unterminated\n');
    writeFileSync(join(dir, 'huge.Dockerfile'), 'FROM alpine:3.20\n' + 'RUN echo hello world\n'.repeat(260_000));
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'dep', 'Dockerfile'), 'FROM node\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract with findings at 0-based ranges relative to the root', () => {
    const { code, stdout } = run(['scan', dir, '--format', 'json']);
    assert.equal(code, 1, 'an error-level finding fails by default');
    const json = JSON.parse(stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json).sort(), ['errors', 'files', 'findings', 'version']);
    const finding = json.findings.find((f: any) => f.ruleId === 'dockerfile/non-root-user' && f.file === 'api/Dockerfile');
    assert.deepEqual(finding, {
      ruleId: 'dockerfile/non-root-user',
      severity: 'error',
      message: 'The final stage never switches to a non-root USER, so the container runs as root; add a USER before CMD/ENTRYPOINT.',
      file: 'api/Dockerfile',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } },
      category: 'Deployment', // the checklist item's category, as the panel shows it
      checklistItem: 'deployment/docker-security-context',
      fixable: true,
    });
    assert.ok(!json.findings.some((f: any) => f.file.startsWith('node_modules/')), 'node_modules is skipped');
    const skipped = Object.fromEntries(json.files.skipped.map((s: any) => [s.file, s.reason]));
    assert.match(skipped['binary.Dockerfile'], /binary/);
    assert.match(skipped['huge.Dockerfile'], /maxFileSizeKb/);
    assert.deepEqual(json.errors, []);
  });

  it('exits 0 when nothing reaches --fail-on, 1 when something does', () => {
    assert.equal(run(['scan', join(dir, 'ok.Dockerfile'), '--fail-on', 'error']).code, 0);
    assert.equal(run(['scan', join(dir, 'api'), '--fail-on', 'never']).code, 0);
    assert.equal(run(['scan', join(dir, 'api'), '--fail-on', 'error']).code, 1);
  });

  it('prints text grouped by file with a summary line', () => {
    const { stdout } = run(['scan', join(dir, 'api')]);
    assert.match(stdout, /^Dockerfile\n {2}Dockerfile:1:1 {2}error {8}dockerfile\/non-root-user {2}The final stage/m);
    assert.match(stdout, /^2 findings \(1 error, 1 warning, 0 information; 2 with a quick fix\) in 1 file scanned, 0 skipped\.$/m);
  });

  it('prints SARIF 2.1.0 with rules and regions', () => {
    const sarif = JSON.parse(run(['scan', join(dir, 'api'), '--format', 'sarif']).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    const rule = run0.tool.driver.rules.find((r: any) => r.id === 'dockerfile/non-root-user');
    assert.equal(rule.defaultConfiguration.level, 'error');
    assert.match(rule.helpUri, /docs\/rules\/dockerfile\/non-root-user\.md$/);
    const result = run0.results.find((r: any) => r.ruleId === 'dockerfile/non-root-user');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 20 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'Dockerfile');
  });

  it('exits 2 on usage errors and missing paths', () => {
    assert.equal(run(['scan', '--format', 'xml']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    const missing = run(['scan', join(dir, 'no-such-folder'), '--format', 'json']);
    assert.equal(missing.code, 2);
    assert.equal(JSON.parse(missing.stdout).errors[0].message, 'No such file or folder.');
  });

  it('reports a bad .readiness.yml as findings on that file and keeps the defaults', () => {
    const configured = mkdtempSync(join(tmpdir(), 'readiness-config-'));
    writeFileSync(join(configured, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n');
    writeFileSync(join(configured, '.readiness.yml'), 'rules:\n  dockerfile/non-root-user: [not, a, severity]\n');
    const json = JSON.parse(run(['scan', configured, '--format', 'json']).stdout);
    const configProblem = json.findings.find((f: any) => f.ruleId === 'readiness/config');
    assert.equal(configProblem.file, '.readiness.yml');
    assert.equal(configProblem.range.start.line, 1);
    assert.ok(json.findings.some((f: any) => f.ruleId === 'dockerfile/non-root-user' && f.severity === 'error'));
    rmSync(configured, { recursive: true, force: true });
  });

  it('honours severities and suppressions from the config and comments', () => {
    const configured = mkdtempSync(join(tmpdir(), 'readiness-config-'));
    writeFileSync(join(configured, 'Dockerfile'), '# readiness-ignore dockerfile/non-root-user -- the base image sets USER at run time\nFROM node:20-alpine\nCMD ["node"]\n');
    writeFileSync(join(configured, 'other.Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n');
    writeFileSync(join(configured, '.readiness.yml'), '# team settings\nrules:\n  dockerfile/non-root-user: warning\n');
    const json = JSON.parse(run(['scan', configured, '--format', 'json']).stdout);
    const rootFindings = json.findings.filter((f: any) => f.ruleId === 'dockerfile/non-root-user');
    assert.deepEqual(rootFindings.map((f: any) => [f.file, f.severity]), [['other.Dockerfile', 'warning']]);
    rmSync(configured, { recursive: true, force: true });
  });

  it('speaks pt-BR with --lang pt-BR', () => {
    const { stdout } = run(['scan', join(dir, 'api'), '--lang', 'pt-BR']);
    assert.match(stdout, /O estágio final nunca muda para um USER não-root/);
    assert.match(stdout, /^2 problemas \(1 erro, 1 aviso, 0 informativos; 2 com correção rápida\) em 1 arquivo analisados, 0 ignorados\.$/m);
  });

  it('fails on the checklist score and gates only when asked', () => {
    assert.equal(run(['scan', join(dir, 'ok.Dockerfile'), '--fail-on', 'never']).code, 0);
    const below = run(['scan', join(dir, 'ok.Dockerfile'), '--fail-on', 'never', '--fail-below', '90']);
    assert.equal(below.code, 1);
    assert.match(below.stdout, /Readiness score [\d.]+% is below --fail-below 90\./);
    const gates = run(['scan', join(dir, 'ok.Dockerfile'), '--fail-on', 'never', '--require-gates']);
    assert.equal(gates.code, 1);
    assert.match(gates.stdout, /\d of 7 approval gates are not met \(--require-gates\)\./);
    assert.equal(run(['scan', join(dir, 'ok.Dockerfile'), '--fail-below', '0']).code, 0);
    assert.equal(run(['scan', '--fail-below', 'lots']).code, 2);
  });

  it('writes the checklist report as Markdown, self-contained HTML and JSON', () => {
    const markdown = run(['report', join(dir, 'api'), '--format', 'markdown']);
    assert.equal(markdown.code, 0);
    assert.match(markdown.stdout, /^# /);
    assert.match(markdown.stdout, /deployment\/docker-security-context|Security context/);
    const html = run(['report', join(dir, 'api'), '--format', 'html']).stdout;
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href="http/i, 'no network resources');
    const json = JSON.parse(run(['report', join(dir, 'api'), '--format', 'json']).stdout);
    assert.equal(json.version, 1);
    assert.equal(json.categories.flatMap((category: any) => category.items).length, 139);
    const out = join(dir, 'report.md');
    assert.equal(run(['report', join(dir, 'api'), '--output', out]).code, 0);
  });

  it('fails loudly, naming the file, when the Terraform WebAssembly files are missing', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'readiness-nowasm-'));
    copyFileSync(join(__dirname, '..', '..', 'dist', 'cli.js'), join(lonely, 'cli.js'));
    writeFileSync(join(lonely, 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
    const result = spawnSync(process.execPath, [join(lonely, 'cli.js'), 'scan', lonely], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /web-tree-sitter\.wasm is missing/);
    rmSync(lonely, { recursive: true, force: true });
  });
});
