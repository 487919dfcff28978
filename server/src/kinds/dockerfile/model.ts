import { DockerfileParser, type Instruction, type Property } from 'dockerfile-ast';
import { LineIndex, lineIndexOf, spanOfRange } from '../../engine/text';
import type { BaseModel, Span } from '../../engine/types';

/** A word with its source span. */
export interface Word {
  text: string;
  span: Span;
}

export interface InstructionNode {
  keyword: string;
  /** The whole instruction, continuation lines and heredocs included. */
  span: Span;
  keywordSpan: Span;
  /** From the first argument to the end of the instruction; empty at the keyword's end if none. */
  argumentsSpan: Span;
  args: Word[];
  flags: { name: string; value?: string; span: Span }[];
}

export interface FromNode extends InstructionNode {
  /** The image reference as written (`node:${V}-alpine`). */
  image: string;
  /** The reference with ARG defaults substituted (`node:18-alpine`). */
  resolvedImage: string;
  imageSpan: Span;
  /** Repository name without tag or digest, resolved (`node`, `docker.io/library/node`). */
  name: string;
  tag?: string;
  tagSpan?: Span;
  digest?: string;
  stageName?: string;
  stageNameSpan?: Span;
  /** The earlier stage this FROM builds on, when the image is a stage name. */
  parentStage?: Stage;
  isScratch: boolean;
}

export interface KeyValueNode {
  instruction: InstructionNode;
  key: string;
  keySpan: Span;
  value?: string;
  valueSpan?: Span;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '&';

export interface ShellCommand {
  words: Word[];
  span: Span;
  /** The operator that joins this command to the previous one (undefined for the first). */
  after?: ShellOperator;
  /**
   * True when the command needs a shell to mean what it says: variable or command expansion,
   * redirection, globbing, sub-shells, comments or leading `VAR=value` assignments.
   */
  usesShellSyntax: boolean;
}

export interface RunNode extends InstructionNode {
  commands: ShellCommand[];
  isHeredoc: boolean;
}

export interface CommandNode extends InstructionNode {
  /** Docker's own test: exec form only when the arguments parse as a JSON array of strings. */
  form: 'exec' | 'shell';
  /** The program and arguments of the exec form. */
  execArgs?: string[];
  /** Shell form that starts with `[`: an exec form Docker could not parse (single quotes, a trailing comma). */
  malformedExec: boolean;
  /** The shell form split into commands, like RUN; empty for the exec form. */
  commands: ShellCommand[];
}

export interface UserNode extends InstructionNode {
  user: string;
  userSpan: Span;
  isRoot: boolean;
}

export interface ExposeNode extends InstructionNode {
  ports: { port: number; protocol: string; span: Span }[];
}

export interface CopyNode extends InstructionNode {
  sources: Word[];
  destination?: Word;
  fromStage?: string;
}

export interface Stage {
  index: number;
  from: FromNode;
  name?: string;
  instructions: InstructionNode[];
  users: UserNode[];
  healthchecks: InstructionNode[];
  exposes: ExposeNode[];
  envs: KeyValueNode[];
  args: KeyValueNode[];
  runs: RunNode[];
  copies: CopyNode[];
  adds: CopyNode[];
  cmd?: CommandNode;
  entrypoint?: CommandNode;
}

export interface DockerfileModel extends BaseModel {
  kind: 'dockerfile';
  stages: Stage[];
  /** ARGs before the first FROM. */
  globalArgs: KeyValueNode[];
  instructions: InstructionNode[];
  /** The stage that produces the image (the last one). */
  finalStage?: Stage;
  /** The `# escape=` parser directive, `\` by default. */
  escapeCharacter: string;
}

export function parseDockerfile(text: string, path: string): DockerfileModel {
  const model: DockerfileModel = {
    kind: 'dockerfile',
    path,
    text,
    errors: [],
    stages: [],
    globalArgs: [],
    instructions: [],
    escapeCharacter: '\\',
  };
  const lines = lineIndexOf(model);
  const dockerfile = DockerfileParser.parse(text);
  const escape = dockerfile.getEscapeCharacter() === '`' ? '`' : '\\';
  model.escapeCharacter = escape;
  const argDefaults = new Map<string, string>();
  let stage: Stage | undefined;

  for (const instruction of dockerfile.getInstructions()) {
    const node = baseNode(instruction, lines);
    const keyword = node.keyword;
    if (keyword === 'FROM') {
      const from = fromNode(instruction as any, node, lines, argDefaults, model.stages);
      stage = newStage(model.stages.length, from);
      model.stages.push(stage);
      model.instructions.push(from);
      stage.instructions.push(from);
      continue;
    }
    let typed: InstructionNode = node;
    if (keyword === 'ARG' || keyword === 'ENV') {
      const pairs = keyValues(instruction, node, lines);
      if (keyword === 'ARG') {
        if (!stage) {
          model.globalArgs.push(...pairs);
          for (const pair of pairs) if (pair.value !== undefined) argDefaults.set(pair.key, pair.value);
        } else stage.args.push(...pairs);
      } else stage?.envs.push(...pairs);
    } else if (keyword === 'RUN') {
      typed = runNode(instruction, node, text, lines, escape);
      stage?.runs.push(typed as RunNode);
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      typed = commandNode(node, text, escape);
      if (stage) stage[keyword === 'CMD' ? 'cmd' : 'entrypoint'] = typed as CommandNode;
    } else if (keyword === 'USER' && node.args.length > 0) {
      const userWord = node.args[0];
      const user = userWord.text.split(':')[0];
      typed = { ...node, user, userSpan: userWord.span, isRoot: user === 'root' || user === '0' } as UserNode;
      stage?.users.push(typed as UserNode);
    } else if (keyword === 'HEALTHCHECK') {
      stage?.healthchecks.push(node);
    } else if (keyword === 'EXPOSE') {
      typed = exposeNode(node);
      stage?.exposes.push(typed as ExposeNode);
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      typed = copyNode(node, text);
      (keyword === 'COPY' ? stage?.copies : stage?.adds)?.push(typed as CopyNode);
    }
    model.instructions.push(typed);
    stage?.instructions.push(typed);
  }
  model.finalStage = model.stages[model.stages.length - 1];
  return model;
}

function newStage(index: number, from: FromNode): Stage {
  return {
    index,
    from,
    name: from.stageName,
    instructions: [],
    users: [],
    healthchecks: [],
    exposes: [],
    envs: [],
    args: [],
    runs: [],
    copies: [],
    adds: [],
  };
}

function baseNode(instruction: Instruction, lines: LineIndex): InstructionNode {
  const span = spanOfRange(lines, instruction.getRange());
  const keywordSpan = spanOfRange(lines, instruction.getInstructionRange());
  const argumentsRange = instruction.getArgumentsRange();
  let argumentsEnd = span.end;
  // The instruction's range keeps trailing blanks; a fix that replaces the arguments must not eat them.
  while (argumentsEnd > keywordSpan.end && (lines.text[argumentsEnd - 1] === ' ' || lines.text[argumentsEnd - 1] === '\t')) argumentsEnd--;
  const argumentsSpan = argumentsRange
    ? { start: lines.offsetAt(argumentsRange.start), end: Math.max(argumentsEnd, lines.offsetAt(argumentsRange.start)) }
    : { start: keywordSpan.end, end: keywordSpan.end };
  const flags =
    'getFlags' in instruction && typeof (instruction as any).getFlags === 'function'
      ? (instruction as any).getFlags().map((flag: any) => ({
          name: flag.getName() as string,
          value: (flag.getValue() ?? undefined) as string | undefined,
          span: spanOfRange(lines, flag.getRange()),
        }))
      : [];
  const args = instruction
    .getArguments()
    .map((argument) => ({ text: argument.getValue(), span: spanOfRange(lines, argument.getRange()) }))
    .filter((word) => !flags.some((flag: { span: Span }) => flag.span.start === word.span.start));
  return { keyword: instruction.getKeyword().toUpperCase(), span, keywordSpan, argumentsSpan, args, flags };
}

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` from ARG values;
 * references with no value and no default are left as written.
 */
export function substituteArgs(value: string, args: ReadonlyMap<string, string>): string {
  return value.replace(/\$\{(\w+)(?:(:?)([-+])([^}]*))?\}|\$(\w+)/g, (whole, braced?: string, colon?: string, operator?: string, word?: string, bare?: string) => {
    const name = braced ?? bare!;
    const current = args.get(name);
    const isSet = current !== undefined && (colon !== ':' || current !== '');
    if (operator === '-') return isSet ? current! : word!;
    if (operator === '+') return isSet ? word! : '';
    return current ?? whole;
  });
}

function fromNode(
  instruction: any,
  node: InstructionNode,
  lines: LineIndex,
  argDefaults: Map<string, string>,
  stages: Stage[],
): FromNode {
  const imageRange = instruction.getImageRange();
  const image: string = instruction.getImage() ?? '';
  const imageSpan = imageRange ? spanOfRange(lines, imageRange) : node.keywordSpan;
  const resolvedImage = substituteArgs(image, argDefaults);
  const at = resolvedImage.indexOf('@');
  const withoutDigest = at >= 0 ? resolvedImage.slice(0, at) : resolvedImage;
  const digest = at >= 0 ? resolvedImage.slice(at + 1) : undefined;
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined;
  const tagRange = instruction.getImageTagRange();
  const stageRange = instruction.getBuildStageRange();
  const parentStage = stages.find((stage) => stage.name !== undefined && stage.name.toLowerCase() === name.toLowerCase());
  return {
    ...node,
    image,
    resolvedImage,
    imageSpan,
    name,
    tag,
    tagSpan: tagRange ? spanOfRange(lines, tagRange) : undefined,
    digest,
    stageName: instruction.getBuildStage() ?? undefined,
    stageNameSpan: stageRange ? spanOfRange(lines, stageRange) : undefined,
    parentStage,
    isScratch: name.toLowerCase() === 'scratch',
  };
}

function keyValues(instruction: Instruction, node: InstructionNode, lines: LineIndex): KeyValueNode[] {
  const properties: Property[] = (instruction as any).getProperties?.() ?? [];
  return properties.map((property) => {
    const valueRange = property.getValueRange();
    const value = property.getValue();
    return {
      instruction: node,
      key: property.getName(),
      keySpan: spanOfRange(lines, property.getNameRange()),
      value: value ?? undefined,
      valueSpan: valueRange ? spanOfRange(lines, valueRange) : undefined,
    };
  });
}

function exposeNode(node: InstructionNode): ExposeNode {
  const ports: ExposeNode['ports'] = [];
  for (const word of node.args) {
    const match = /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(word.text);
    if (match) ports.push({ port: Number(match[1]), protocol: (match[2] ?? 'tcp').toLowerCase(), span: word.span });
  }
  return { ...node, ports };
}

function copyNode(node: InstructionNode, text: string): CopyNode {
  let words = node.args;
  // `COPY <<EOF /dest`: only the first line names sources and destination; the rest is content.
  if (words.some((word) => word.text.startsWith('<<'))) {
    const newline = text.indexOf('\n', node.argumentsSpan.start);
    const headerEnd = newline < 0 || newline > node.span.end ? node.span.end : newline;
    words = words.filter((word) => word.span.start < headerEnd);
  }
  return {
    ...node,
    sources: words.slice(0, -1),
    destination: words.length > 1 ? words[words.length - 1] : undefined,
    fromStage: node.flags.find((flag) => flag.name === 'from')?.value,
  };
}

function commandNode(node: InstructionNode, text: string, escape: string): CommandNode {
  const { start, end } = node.argumentsSpan;
  const raw = text.slice(start, end);
  const execArgs = parseExecForm(raw, escape);
  if (execArgs) return { ...node, form: 'exec', execArgs, malformedExec: false, commands: [] };
  return { ...node, form: 'shell', malformedExec: raw.startsWith('['), commands: parseShell(text, start, end, escape, false) };
}

function parseExecForm(raw: string, escape: string): string[] | undefined {
  if (!raw.startsWith('[')) return undefined;
  const continuation = new RegExp(`${escape === '`' ? '`' : '\\\\'}[ \\t]*\\r?\\n`, 'g');
  try {
    const parsed: unknown = JSON.parse(raw.replace(continuation, ''));
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Programs that read a script from their standard input, so a heredoc fed to them is shell code. */
export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

/**
 * Splits a RUN instruction into shell commands. A heredoc that is the script itself (`RUN <<EOF`)
 * or is fed to a shell (`RUN bash <<EOF`) is split line by line; other heredocs are file content.
 */
function runNode(instruction: Instruction, node: InstructionNode, text: string, lines: LineIndex, escape: string): RunNode {
  const { start, end } = node.argumentsSpan;
  let heredocs: { content?: Span }[] = [];
  try {
    heredocs = ((instruction as any).getHeredocs?.() ?? []).map((heredoc: any) => {
      const content = heredoc.getContentRange();
      return { content: content ? spanOfRange(lines, content) : undefined };
    });
  } catch {
    heredocs = [];
  }
  if (heredocs.length === 0) return { ...node, commands: parseShell(text, start, end, escape, false), isHeredoc: false };

  const newline = text.indexOf('\n', start);
  const headerEnd = newline < 0 || newline > end ? end : newline;
  const commands = parseShell(text, start, headerEnd, escape, false);
  const program = commands.length ? programName(commandWords(commands[0])) : undefined;
  if (program === undefined || SHELLS.has(program)) {
    for (const heredoc of heredocs) {
      if (heredoc.content) commands.push(...parseShell(text, heredoc.content.start, heredoc.content.end, escape, true, ';'));
    }
  }
  return { ...node, commands, isHeredoc: true };
}

/**
 * Splits shell text into commands on `&&`, `||`, `;`, `|`, `&` (and newlines in scripts),
 * honouring quotes, escapes and line continuations. Good enough to recognise commands and their
 * words, not a full shell parser.
 */
function parseShell(text: string, start: number, end: number, escape: string, isScript: boolean, firstAfter?: ShellOperator): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: Word[] = [];
  let after: ShellOperator | undefined = firstAfter;
  let word = '';
  let wordStart = -1;
  let shellSyntax = false;

  const flushWord = (at: number) => {
    if (wordStart >= 0) {
      // `<<EOF` markers are heredoc operators, not arguments.
      if (!word.startsWith('<<')) {
        if (words.length === 0 && /^[A-Za-z_]\w*=/.test(word)) shellSyntax = true;
        words.push({ text: word, span: { start: wordStart, end: at } });
      }
      word = '';
      wordStart = -1;
    }
  };
  const flushCommand = (operator: ShellOperator | undefined) => {
    if (words.length) {
      commands.push({ words, span: { start: words[0].span.start, end: words[words.length - 1].span.end }, after, usesShellSyntax: shellSyntax });
      after = operator;
    } else if (operator !== undefined && after === undefined && commands.length) after = operator;
    words = [];
    shellSyntax = false;
  };

  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === escape && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      flushWord(i);
      i += text[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (c === '\\' && i + 1 < end) {
      if (wordStart < 0) wordStart = i;
      word += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '"' || c === "'") {
      if (wordStart < 0) wordStart = i;
      const close = text.indexOf(c, i + 1);
      const stop = close < 0 || close >= end ? end : close;
      const quoted = text.slice(i + 1, stop);
      if (c === '"' && /[$`]/.test(quoted)) shellSyntax = true;
      word += quoted;
      i = stop + 1;
      continue;
    }
    if (c === '\n' || c === '\r') {
      flushWord(i);
      if (isScript) flushCommand(';');
      i++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      flushWord(i);
      i++;
      continue;
    }
    if (c === '#' && wordStart < 0 && (i === start || /\s/.test(text[i - 1]))) {
      shellSyntax = true;
      const newline = text.indexOf('\n', i);
      i = newline < 0 || newline > end ? end : newline;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      flushWord(i);
      flushCommand(two);
      i += 2;
      continue;
    }
    if (c === ';' || c === '|' || c === '&') {
      flushWord(i);
      flushCommand(c as ShellOperator);
      i++;
      continue;
    }
    if ('$`<>*?()[]{}'.includes(c) || (c === '~' && wordStart < 0)) shellSyntax = true;
    if (wordStart < 0) wordStart = i;
    word += c;
    i++;
  }
  flushWord(end);
  flushCommand(undefined);
  return commands;
}

/** Options of `sudo` that take a value in the next word. */
const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T']);

/**
 * The words of a command from its program on: drops `sudo` (and its options), `env` (and its
 * options and assignments), leading `VAR=value` assignments, and `exec`/`time`/`nohup`.
 */
export function commandWords(command: ShellCommand): Word[] {
  const words = command.words;
  let i = 0;
  while (i < words.length) {
    const text = words[i].text;
    if (text === 'sudo') {
      i++;
      while (i < words.length && words[i].text.startsWith('-')) i += SUDO_VALUE_OPTIONS.has(words[i].text) ? 2 : 1;
    } else if (text === 'env') {
      i++;
      while (i < words.length && (words[i].text.startsWith('-') || /^\w+=/.test(words[i].text))) i += words[i].text === '-u' ? 2 : 1;
    } else if (/^\w+=/.test(text) || text === 'exec' || text === 'time' || text === 'nohup') i++;
    else break;
  }
  return words.slice(i);
}

/** The program a command runs, without its directory and lower-cased (`/usr/bin/apt-get` -> `apt-get`). */
export function programName(words: readonly Word[]): string | undefined {
  if (words.length === 0) return undefined;
  return words[0].text.slice(words[0].text.lastIndexOf('/') + 1).toLowerCase();
}

/**
 * The index of the first word after `from` that is not an option, skipping the values of the
 * options listed in `valueOptions` (`apt-get -o Dpkg::Use-Pty=0 install` -> `install`).
 */
export function firstOperandIndex(words: readonly Word[], from: number, valueOptions: ReadonlySet<string> = new Set()): number {
  let i = from;
  while (i < words.length && words[i].text.startsWith('-') && words[i].text !== '-') i += valueOptions.has(words[i].text) ? 2 : 1;
  return i < words.length ? i : -1;
}

/** True when a word is one of the options, also in the `--name=value` spelling of long ones. */
export function hasOption(words: readonly Word[], ...options: string[]): boolean {
  return words.some((word) => options.some((option) => word.text === option || (option.startsWith('--') && word.text.startsWith(option + '='))));
}

/** The stage and the earlier stages it builds on (`FROM build AS final`), nearest first. */
export function stageLineage(stage: Stage): Stage[] {
  const lineage: Stage[] = [];
  for (let current: Stage | undefined = stage; current && !lineage.includes(current); current = current.from.parentStage) lineage.push(current);
  return lineage;
}

/** The stages whose layers end up in the image: the final stage and the stages it builds on. */
export function shippedStages(model: DockerfileModel): Stage[] {
  return model.finalStage ? stageLineage(model.finalStage) : [];
}

/** Targets of `RUN --mount=type=cache,target=...` flags, where caches are meant to live. */
export function cacheMountTargets(run: RunNode): string[] {
  const targets: string[] = [];
  for (const flag of run.flags) {
    if (flag.name !== 'mount' || !flag.value) continue;
    const options = new Map(flag.value.split(',').map((option) => {
      const eq = option.indexOf('=');
      return eq < 0 ? [option, ''] : [option.slice(0, eq), option.slice(eq + 1)];
    }));
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
    if (options.get('type') === 'cache' && target) targets.push(target);
  }
  return targets;
}

/** True when a value is made only of `$VAR` / `${VAR}` references (no literal text, no defaults). */
export function isPureVariableReference(value: string): boolean {
  return /^(?:\$\{\w+\}|\$\w+)+$/.test(value);
}

/** One command of a RUN instruction, with its words from the program on (`sudo`, `env` dropped). */
export interface RunCommand {
  run: RunNode;
  command: ShellCommand;
  /** Position of the command in `run.commands`. */
  index: number;
  words: Word[];
  program?: string;
}

/** Every command of the stage's RUN instructions, in order. */
export function runCommands(stage: Stage): RunCommand[] {
  return stage.runs.flatMap((run) =>
    run.commands.map((command, index) => {
      const words = commandWords(command);
      return { run, command, index, words, program: programName(words) };
    }),
  );
}

/** apt-get/apt options that take their value in the next word. */
const APT_VALUE_OPTIONS = new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release']);

/** The index of `install` in `apt-get install ...` / `apt install ...`, or -1. */
export function aptInstallIndex(command: RunCommand): number {
  if (command.program !== 'apt-get' && command.program !== 'apt') return -1;
  const index = firstOperandIndex(command.words, 1, APT_VALUE_OPTIONS);
  return index >= 0 && command.words[index].text === 'install' ? index : -1;
}

/** The index of the sub-command of a package manager (`add` in `apk --no-cache add x`), or -1. */
export function subcommandIndex(command: RunCommand, valueOptions?: ReadonlySet<string>): number {
  return firstOperandIndex(command.words, 1, valueOptions);
}

/**
 * The index of `install` in `pip install`, `pip3.12 install` or `python3 -m pip install`, or -1.
 */
export function pipInstallIndex(command: RunCommand): number {
  const { words, program } = command;
  if (program === undefined) return -1;
  let next = -1;
  if (/^pip\d*(?:\.\d+)?$/.test(program)) next = firstOperandIndex(words, 1);
  else if (/^python\d*(?:\.\d+)?$/.test(program)) {
    const module = words.findIndex((word) => word.text === '-m');
    if (module > 0 && words[module + 1]?.text === 'pip') next = firstOperandIndex(words, module + 2);
  }
  return next >= 0 && words[next].text === 'install' ? next : -1;
}

/** True for the `rm` of a RUN that deletes something under the path prefix (`rm -rf /var/lib/apt/lists/*`). */
export function removesPath(command: RunCommand, prefix: string): boolean {
  return command.program === 'rm' && command.words.some((word) => word.text.startsWith(prefix));
}

/** True when a COPY/ADD source pattern (`package*.json`, `./app/package-lock.json`) matches the file name. */
export function sourceMatches(source: string, fileName: string): boolean {
  const base = source.slice(source.lastIndexOf('/') + 1);
  const pattern = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return pattern.test(fileName);
}

/** The image family, for picking `adduser` flags and package managers in fixes. */
export function imageFamily(stage: Stage | undefined): 'alpine' | 'debian' | 'distroless' | 'unknown' {
  let current: Stage | undefined = stage;
  while (current?.from.parentStage) current = current.from.parentStage;
  const reference = `${current?.from.name ?? ''}:${current?.from.tag ?? ''}`.toLowerCase();
  if (/alpine|apk/.test(reference)) return 'alpine';
  if (/distroless|scratch|chainguard/.test(reference)) return 'distroless';
  if (/debian|ubuntu|bookworm|bullseye|buster|trixie|slim|jammy|noble|focal|node|python|golang|openjdk|eclipse-temurin|ruby|php|nginx|httpd/.test(reference)) return 'debian';
  return 'unknown';
}
