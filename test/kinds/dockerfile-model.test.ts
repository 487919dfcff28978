import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dockerfileRules } from '../../rules/dockerfile';
import { analyzeModel } from '../../server/src/engine/analyze';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../../server/src/engine/files';
import { aptInstallIndex } from '../../server/src/kinds/dockerfile/packages';
import {
  canInsertAt,
  commandWords,
  insertsInstructions,
  parseDockerfile,
  runCommands,
  shippedStages,
  substituteArgs,
  type CommandNode,
  type CopyNode,
  type DockerfileModel,
  type HealthcheckNode,
  type RunNode,
} from '../../server/src/kinds/dockerfile/model';

const parse = (text: string) => parseDockerfile(text, '/work/Dockerfile');
const slice = (model: DockerfileModel, span: { start: number; end: number }) => model.text.slice(span.start, span.end);
const commandTexts = (run: RunNode) => run.commands.map((command) => command.words.map((word) => word.text).join(' '));
const runs = (model: DockerfileModel) => model.instructions.filter((node): node is RunNode => node.keyword === 'RUN');
const commands = (model: DockerfileModel) => model.instructions.filter((node): node is CommandNode => node.keyword === 'CMD' || node.keyword === 'ENTRYPOINT');

/** Parsing and running every rule must complete without throwing or crashing a rule. */
function analyzeAll(text: string) {
  const model = parse(text);
  const findings = analyzeModel({ model, rules: dockerfileRules });
  assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error').map((finding) => finding.message), []);
  return { model, findings };
}

describe('dockerfile model', () => {
  it('knows when the file ends inside an unfinished instruction, so fixes never insert into it', () => {
    const cases: [string, number | undefined][] = [
      ["FROM node:20\nRUN apt-get install '", 13],
      ['FROM node:20\nRUN <<EOF', 13],
      ['FROM node:20\nCOPY \\', 13],
      ['FROM node:20\nCOPY \\\n', 13],
      ['FROM node:20\nRUN <<EOF\necho hi\nEOF\n', undefined],
      ['FROM node:20\nRUN <<-EOF\n\techo hi\n\tEOF\n', undefined],
      ['FROM node:20\nRUN echo "it\'s"\n', undefined],
      ['FROM node:20\nCMD ["node", "app.js"]\n', undefined],
      ["FROM node:20\nRUN \\\n# it's a comment\napt-get install '", 13],
      ["FROM node:20\nRUN \\\n# it's a comment\napt-get install -y curl\n", undefined],
    ];
    for (const [text, openEnd] of cases) assert.equal(parseDockerfile(text, '/w/Dockerfile').openEnd, openEnd, JSON.stringify(text));
    const open = parseDockerfile('FROM node:20\nEXPOSE 8080\nCOPY \\', '/w/Dockerfile');
    const fixable = analyzeModel({ model: open, rules: dockerfileRules }).filter((finding) => finding.fix && ['dockerfile/healthcheck', 'dockerfile/non-root-user'].includes(finding.ruleId));
    assert.deepEqual(fixable, [], 'an insertion at the end would continue the COPY');
    const quoted = parseDockerfile('FROM debian:12\nRUN apt-get install "\nCMD ["bash"]\n', '/w/Dockerfile');
    assert.equal(canInsertAt(quoted, quoted.instructions[1].span.end), false, 'the RUN leaves a quote open');
    assert.equal(canInsertAt(quoted, quoted.instructions[2].span.start), true);
    const oddHeredoc = parseDockerfile("FROM debian:12\nRUN \\\n#''\n<<''", '/w/Dockerfile');
    assert.equal(insertsInstructions(oddHeredoc, oddHeredoc.text.length, '\nUSER app\n', 1), false);
    assert.equal(insertsInstructions(quoted, quoted.instructions[2].span.start, 'USER app\n', 1), true);
  });

  it('splits stages and links parent stages case-insensitively', () => {
    const model = parse('FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nFROM alpine:3.20\nCOPY --from=build /app /app\n');
    assert.equal(model.stages.length, 3);
    assert.deepEqual(model.stages.map((stage) => stage.name), ['Build', 'test', undefined]);
    assert.equal(model.stages[1].from.parentStage, model.stages[0]);
    assert.equal(model.stages[2].from.parentStage, undefined);
    assert.equal(model.finalStage, model.stages[2]);
    assert.equal(model.stages[2].copies[0].fromStage, 'build');
    assert.deepEqual(shippedStages(model), [model.stages[2]]);
  });

  it('resolves global ARG defaults in FROM', () => {
    const model = parse('ARG V=18\nARG REG=docker.io/library\nFROM ${REG}/node:${V}-alpine\nFROM node:${MISSING}\nFROM node:${MISSING:-20}\n');
    const [first, second, third] = model.stages.map((stage) => stage.from);
    assert.equal(first.resolvedImage, 'docker.io/library/node:18-alpine');
    assert.equal(first.name, 'docker.io/library/node');
    assert.equal(first.tag, '18-alpine');
    assert.equal(slice(model, first.tagSpan!), '${V}-alpine');
    assert.equal(second.resolvedImage, 'node:${MISSING}');
    assert.equal(third.tag, '20');
    assert.equal(model.globalArgs.length, 2);
  });

  it('substitutes ARG references like the shell does', () => {
    const args = new Map([['A', 'x'], ['EMPTY', '']]);
    assert.equal(substituteArgs('$A/${A}', args), 'x/x');
    assert.equal(substituteArgs('${EMPTY:-d}|${EMPTY-d}|${UNSET-d}', args), 'd||d');
    assert.equal(substituteArgs('${A:+set}${UNSET:+set}', args), 'set');
    assert.equal(substituteArgs('${UNSET}', args), '${UNSET}');
  });

  it('splits RUN on && || ; | & and continuations, keeping operators and spans', () => {
    const model = parse('FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl || true; echo "a && b" | tee /x & wait\n');
    const [run] = runs(model);
    assert.deepEqual(commandTexts(run), ['apt-get update', 'apt-get install -y curl', 'true', 'echo a && b', 'tee /x', 'wait']);
    assert.deepEqual(run.commands.map((command) => command.after), [undefined, '&&', '||', ';', '|', '&']);
    assert.equal(slice(model, run.commands[1].span), 'apt-get install -y curl');
    assert.equal(slice(model, run.commands[3].words[1].span), '"a && b"');
  });

  it('skips comment lines inside continuations and honours the escape directive', () => {
    const model = parse('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo one && `\n    # a comment\n    echo C:\\path\n');
    assert.equal(model.escapeCharacter, '`');
    assert.deepEqual(commandTexts(runs(model)[0]), ['echo one', 'echo C:path']);
  });

  it('reads heredoc scripts line by line and leaves heredoc file content alone', () => {
    const model = parse('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN cat <<EOF > /etc/motd\napt-get install is not run here\nEOF\nRUN bash <<-SCRIPT\n\tmake\nSCRIPT\n');
    const [script, file, shell] = runs(model);
    assert.equal(script.isHeredoc, true);
    assert.deepEqual(commandTexts(script), ['apt-get update', 'apt-get install -y curl']);
    assert.deepEqual(commandTexts(file), ['cat > /etc/motd']);
    assert.deepEqual(commandTexts(shell), ['bash', 'make']);
    assert.deepEqual(model.instructions.map((node) => node.keyword), ['FROM', 'RUN', 'RUN', 'RUN']);
  });

  it('tells exec form from shell form the way Docker does', () => {
    const model = parse('FROM node:20\nCMD ["node", \\\n  "server.js"]\nCMD npm start  \nENTRYPOINT [\'node\']\nCMD []\nCMD ["node", 1]\n');
    const [exec, shell, singleQuoted, empty, numbers] = commands(model);
    assert.equal(exec.form, 'exec');
    assert.deepEqual(exec.execArgs, ['node', 'server.js']);
    assert.equal(shell.form, 'shell');
    assert.equal(slice(model, shell.argumentsSpan), 'npm start');
    assert.deepEqual(shell.commands.map((command) => command.usesShellSyntax), [false]);
    assert.equal(singleQuoted.form, 'shell');
    assert.equal(singleQuoted.malformedExec, true);
    assert.deepEqual(empty.execArgs, []);
    assert.equal(numbers.form, 'shell');
  });

  it('marks commands that need a shell', () => {
    const model = parse('FROM node:20\nCMD node $APP\nCMD node "${APP}"\nCMD node app > log\nCMD PORT=1 node app\nCMD node \'$literal\'\n');
    assert.deepEqual(
      commands(model).map((command) => command.commands[0].usesShellSyntax),
      [true, true, true, true, false],
    );
  });

  it('drops sudo, env and assignments before the program', () => {
    const model = parse('FROM debian:12\nRUN sudo -E -u root env -i DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -o Dpkg::Use-Pty=0 install -y curl\n');
    const [command] = runCommands(model.stages[0]);
    assert.equal(command.program, 'apt-get');
    assert.equal(commandWords(command.command)[0].text, '/usr/bin/apt-get');
    assert.equal(command.words[aptInstallIndex(command)].text, 'install');
  });

  it('drops shell keywords and brackets that open a compound command', () => {
    const model = parse('FROM debian:12\nRUN if true; then apt-get install -y curl; fi; (cd /src && make) && { echo done; }\n');
    const programs = runCommands(model.stages[0]).map((command) => command.program);
    assert.deepEqual(programs, ['true', 'apt-get', 'fi', 'cd', 'make', 'echo', '}']);
    const cd = runCommands(model.stages[0])[3];
    assert.equal(slice(model, cd.words[0].span), 'cd');
  });

  it('reads case patterns, command substitutions and escaped quotes as one word', () => {
    const model = parse(
      'FROM debian:12\nRUN case "$arch" in amd64|arm64) echo a ;; *) echo b ;; esac; v="$(dpkg --print-architecture | cut -d- -f1)"; sh -c "echo \\"x | y\\" && make"\n',
    );
    const [run] = runs(model);
    assert.deepEqual(commandTexts(run), ['echo a', 'echo b', 'esac', 'v=$(dpkg --print-architecture | cut -d- -f1)', 'sh -c echo "x | y" && make']);
    assert.ok(!run.commands.some((command) => command.after === '|'));
  });

  it('reads RUN, COPY and ADD in the JSON form, and unquotes COPY and ADD paths', () => {
    const model = parse('FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\nADD ["a b.txt", "/app/"]\nCOPY --chown=1:1 "file.zip" \'/opt/x\'\n');
    const [run] = runs(model);
    assert.equal(run.form, 'exec');
    assert.equal(runCommands(model.stages[0])[0].program, 'apt-get');
    assert.equal(slice(model, run.commands[0].words[1].span), '"install"');
    const [add] = model.stages[0].adds as CopyNode[];
    assert.deepEqual(add.sources.map((word) => word.text), ['a b.txt']);
    assert.equal(slice(model, add.sources[0].span), '"a b.txt"');
    assert.equal(add.destination?.text, '/app/');
    const [copy] = model.stages[0].copies;
    assert.deepEqual([copy.sources[0].text, copy.destination?.text], ['file.zip', '/opt/x']);
  });

  it('parses HEALTHCHECK like CMD: NONE, shell form, exec form, malformed exec form', () => {
    const model = parse('FROM node:20\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD ["node", "check.js"]\nHEALTHCHECK CMD [\'curl\']\n');
    const [none, shell, exec, malformed] = model.stages[0].healthchecks as HealthcheckNode[];
    assert.equal(none.none, true);
    assert.equal(none.probe, undefined);
    assert.equal(shell.probe?.form, 'shell');
    assert.equal(slice(model, shell.probe!.span), 'curl -f http://localhost/ || exit 1');
    assert.deepEqual(shell.probe?.commands.map((command) => command.words[0].text), ['curl', 'exit']);
    assert.deepEqual(exec.probe?.execArgs, ['node', 'check.js']);
    assert.equal(malformed.probe?.malformedExec, true);
  });

  it('reads USER with a group, quoted, and by uid', () => {
    const model = parse('FROM alpine:3.20\nUSER root:root\nUSER 0:0\nUSER "app"\nUSER 1000:0\n');
    assert.deepEqual(model.stages[0].users.map((user) => [user.user, user.isRoot]), [['root', true], ['0', true], ['app', false], ['1000', false]]);
  });

  it('analyzes instructions before or without a FROM as a stage of their own', () => {
    const fragment = parse('ARG V=1\nRUN apt-get install curl\nUSER root\n');
    assert.equal(fragment.globalArgs.length, 1);
    assert.equal(fragment.stages.length, 1);
    const [stage] = fragment.stages;
    assert.equal(stage.implicit, true);
    assert.equal(fragment.finalStage, stage);
    assert.deepEqual(stage.from.span, { start: 8, end: 8 });
    assert.equal(stage.runs.length, 1);
    assert.equal(stage.users[0].isRoot, true);
    assert.deepEqual(fragment.instructions.map((node) => node.keyword), ['ARG', 'RUN', 'USER']);
    const before = parse('RUN make\nFROM alpine:3.20\nRUN echo\n');
    assert.deepEqual(before.stages.map((candidate) => candidate.implicit), [true, false]);
    assert.equal(before.finalStage?.from.image, 'alpine:3.20');
  });

  it('parses a file that starts with a UTF-8 byte order mark with offsets unchanged', () => {
    const text = '\uFEFF# escape=`\nFROM alpine:3.20 AS base\nRUN echo a `\n  b\nUSER app\n';
    const model = parse(text);
    assert.equal(model.text, text);
    assert.equal(model.escapeCharacter, '`');
    const [stage] = model.stages;
    assert.equal(stage.implicit, false);
    assert.equal(slice(model, stage.from.imageSpan), 'alpine:3.20');
    assert.equal(slice(model, stage.from.stageNameSpan!), 'base');
    assert.equal(slice(model, stage.users[0].userSpan), 'app');
    assert.deepEqual(commandTexts(stage.runs[0]), ['echo a b']);
    const { findings } = analyzeAll('\uFEFFFROM node:latest\n');
    const latest = findings.find((finding) => finding.ruleId === 'dockerfile/pinned-base-image');
    assert.deepEqual(latest?.span, { start: 11, end: 17 });
  });

  it('links a long chain of stages to their parents by name', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2_000; i++) lines.push(`FROM ${i === 0 ? 'alpine:3.20' : `s${i - 1}`} AS s${i}`);
    lines.push('FROM S0');
    const model = parse(lines.join('\n'));
    assert.equal(model.stages.length, 2_001);
    assert.ok(model.stages.slice(1, 2_000).every((stage, i) => stage.from.parentStage === model.stages[i]));
    assert.equal(model.finalStage?.from.parentStage, model.stages[0]);
    assert.equal(shippedStages(model).length, 2);
  });

  it('keeps ENV/ARG values with their spans', () => {
    const model = parse('FROM node:20\nENV A="x y" B=${C}\nENV LEGACY some value\nARG TOKEN\n');
    const envs = model.stages[0].envs;
    assert.deepEqual(envs.map((env) => [env.key, env.value]), [['A', 'x y'], ['B', '${C}'], ['LEGACY', 'some value']]);
    assert.equal(slice(model, envs[0].valueSpan!), '"x y"');
    assert.equal(model.stages[0].args[0].value, undefined);
  });

  it('survives an empty file', () => {
    const { model } = analyzeAll('');
    assert.equal(model.stages.length, 0);
    assert.equal(model.finalStage, undefined);
  });

  it('survives garbage text', () => {
    analyzeAll('this is not a Dockerfile {{ }} ]] [[ \\\n<<EOF\n"unterminated \'quote\nRUN\nCMD [\nFROM\nFROM :\nFROM @\nADD\nHEALTHCHECK\nEXPOSE abc\nUSER\nENV =\nARG ==\n');
  });

  it('survives instructions before any FROM and dangling operators', () => {
    analyzeAll('RUN apt-get install x\nCMD npm start\nFROM node\nRUN && || ; | & \\\nCMD "\nRUN <<EOF\nnever closed\n');
  });

  it('survives binary-ish text', () => {
    let text = 'FROM node:20\n';
    for (let i = 0; i < 4096; i++) text += String.fromCharCode((i * 7919) % 65536);
    analyzeAll(text + '\nRUN \u0000\u0001\uFFFD\uD800 curl x | sh\n');
  });

  // The largest file the server analyzes is one just over readiness.maxFileSizeKb's default (a user
  // may raise it a little); larger ones are skipped before parsing.
  it('survives a Dockerfile just over the default size limit', () => {
    const chunk = 'RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nCMD npm start\nENV A=b PASSWORD=x\nADD . /app\n';
    const limit = DEFAULT_MAX_FILE_SIZE_KB * 1024;
    const parts = ['FROM node\n'];
    let size = parts[0].length;
    while (size <= limit) {
      parts.push(chunk);
      size += chunk.length;
    }
    const { model, findings } = analyzeAll(parts.join(''));
    assert.ok(model.text.length > limit);
    assert.ok(model.instructions.length > 10_000);
    assert.ok(findings.length > 0);
  });
});
