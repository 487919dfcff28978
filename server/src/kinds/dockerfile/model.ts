import type { Instruction, Property } from 'dockerfile-ast';
import { DockerfileParser } from './ast';
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
  /** Exec form (`RUN ["apt-get", "install", "x"]`) runs without the SHELL; its one command is the array. */
  form: 'exec' | 'shell';
  commands: ShellCommand[];
  isHeredoc: boolean;
}

/** A command as CMD, ENTRYPOINT and HEALTHCHECK CMD write it: exec form or shell form. */
export interface CommandForm {
  /** Docker's own test: exec form only when the arguments parse as a JSON array of strings. */
  form: 'exec' | 'shell';
  /** The program and arguments of the exec form. */
  execArgs?: string[];
  /** Shell form that starts with `[`: an exec form Docker could not parse (single quotes, a trailing comma). */
  malformedExec: boolean;
  /** The shell form split into commands, like RUN; empty for the exec form. */
  commands: ShellCommand[];
}

export interface CommandNode extends InstructionNode, CommandForm {}

export interface HealthcheckNode extends InstructionNode {
  /** `HEALTHCHECK NONE`: health checking switched off on purpose. */
  none: boolean;
  /** The probe after `CMD`, parsed like CMD; absent for NONE or when `CMD` is missing. */
  probe?: CommandForm & { span: Span };
}

export interface WorkdirNode extends InstructionNode {
  /** The path as written, without surrounding quotes; absent when WORKDIR has no argument. */
  path?: Word;
}

export interface ShellNode extends InstructionNode {
  /** The SHELL array (`["/bin/bash", "-o", "pipefail", "-c"]`); absent when it is not valid JSON. */
  execArgs?: string[];
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
  /** Sources without surrounding quotes, in both the shell-like and the JSON array form. */
  sources: Word[];
  destination?: Word;
  fromStage?: string;
}

export interface Stage {
  index: number;
  from: FromNode;
  /**
   * Instructions written before any FROM (a fragment being typed, a snippet): analysed as a stage
   * whose base image is unknown. Its `from` is a zero-width placeholder at the first instruction.
   */
  implicit: boolean;
  name?: string;
  /** The first stage of its lineage, when the stage builds on another one (see `rootStage`). */
  root?: Stage;
  instructions: InstructionNode[];
  users: UserNode[];
  healthchecks: HealthcheckNode[];
  exposes: ExposeNode[];
  envs: KeyValueNode[];
  args: KeyValueNode[];
  runs: RunNode[];
  /** Every command of the stage's RUN instructions, in order, with its program: read once at parse time. */
  commands: RunCommand[];
  copies: CopyNode[];
  adds: CopyNode[];
  workdirs: WorkdirNode[];
  shells: ShellNode[];
  /** ONBUILD triggers: instructions for the images built on this one. */
  onbuilds: InstructionNode[];
  /**
   * The build variables the stage sees, by name: each value its ENV and ARG (or the ENV of a stage
   * it builds on, from offset -1) give it, from the offset where it takes effect; `value` undefined
   * means unknown from there on (an ARG the caller sets). Read it with `variablesAt`.
   */
  variables: Map<string, { at: number; value?: string }[]>;
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
  /**
   * Set when the file ends inside an unfinished construct (a trailing line continuation, a heredoc
   * without its terminator, an open quote): the offset where that instruction starts. Text a fix
   * inserts at or after it would be swallowed by the unfinished instruction.
   */
  openEnd?: number;
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
  // Stage names are looked up once per FROM: a map keeps a file with thousands of stages linear.
  const stagesByName = new Map<string, Stage>();
  let stage: Stage | undefined;

  for (const instruction of dockerfile.getInstructions()) {
    const node = baseNode(instruction, lines);
    const keyword = node.keyword;
    if (keyword === 'FROM') {
      const from = fromNode(node, text, argDefaults, stagesByName);
      stage = newStage(model.stages.length, from, false);
      stage.root = from.parentStage ? (from.parentStage.root ?? from.parentStage) : undefined;
      model.stages.push(stage);
      const name = from.stageName?.toLowerCase();
      if (name !== undefined && !stagesByName.has(name)) stagesByName.set(name, stage);
      model.instructions.push(from);
      stage.instructions.push(from);
      continue;
    }
    if (!stage && keyword !== 'ARG') {
      stage = newStage(0, implicitFrom(node.span.start), true);
      model.stages.push(stage);
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
      const run = runNode(instruction, node, text, lines, escape);
      typed = run;
      if (stage) {
        stage.runs.push(run);
        run.commands.forEach((command, index) => {
          const words = commandWords(command);
          stage!.commands.push({ run, command, index, words, program: programName(words) });
        });
      }
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      typed = { ...node, ...commandForm(text, node.argumentsSpan, escape) } as CommandNode;
      if (stage) stage[keyword === 'CMD' ? 'cmd' : 'entrypoint'] = typed as CommandNode;
    } else if (keyword === 'USER' && node.args.length > 0) {
      const userWord = node.args[0];
      const user = unquote(userWord.text).split(':')[0];
      typed = { ...node, user, userSpan: userWord.span, isRoot: isRootUser(user) } as UserNode;
      stage?.users.push(typed as UserNode);
    } else if (keyword === 'HEALTHCHECK') {
      typed = healthcheckNode(node, text, escape);
      stage?.healthchecks.push(typed as HealthcheckNode);
    } else if (keyword === 'EXPOSE') {
      typed = exposeNode(node);
      stage?.exposes.push(typed as ExposeNode);
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      typed = copyNode(node, text);
      (keyword === 'COPY' ? stage?.copies : stage?.adds)?.push(typed as CopyNode);
    } else if (keyword === 'WORKDIR') {
      // The whole rest of the line is the path (`WORKDIR "/my app"`), not only its first word.
      const raw = text.slice(node.argumentsSpan.start, node.argumentsSpan.end);
      typed = { ...node, path: node.args.length ? { text: unquote(raw), span: node.argumentsSpan } : undefined } as WorkdirNode;
      stage?.workdirs.push(typed as WorkdirNode);
    } else if (keyword === 'SHELL') {
      typed = { ...node, execArgs: parseExecForm(text.slice(node.argumentsSpan.start, node.argumentsSpan.end), escape) } as ShellNode;
      stage?.shells.push(typed as ShellNode);
    } else if (keyword === 'ONBUILD') {
      stage?.onbuilds.push(node);
    }
    model.instructions.push(typed);
    stage?.instructions.push(typed);
  }
  model.finalStage = model.stages[model.stages.length - 1];
  indexVariables(model, argDefaults);
  model.openEnd = openEndOf(text, model.instructions[model.instructions.length - 1], escape);
  return model;
}

function newStage(index: number, from: FromNode, implicit: boolean): Stage {
  return {
    index,
    from,
    implicit,
    name: from.stageName,
    instructions: [],
    users: [],
    healthchecks: [],
    exposes: [],
    envs: [],
    args: [],
    runs: [],
    commands: [],
    copies: [],
    adds: [],
    workdirs: [],
    shells: [],
    onbuilds: [],
    variables: new Map(),
  };
}

/** The zero-width stand-in FROM of a fragment, at its first instruction. */
function implicitFrom(at: number): FromNode {
  const span = { start: at, end: at };
  return {
    keyword: 'FROM',
    span,
    keywordSpan: span,
    argumentsSpan: span,
    args: [],
    flags: [],
    image: '',
    resolvedImage: '',
    imageSpan: span,
    name: '',
    isScratch: false,
  };
}

/** The start of the last instruction when the text ends inside it: continuation, open heredoc or open quote. */
function openEndOf(text: string, last: InstructionNode | undefined, escape: string): number | undefined {
  if (!last) return undefined;
  const tail = text.slice(last.span.start);
  // Docker's lines end at a newline (a CR before it is dropped): a lone CR is a character of the line.
  const lines = (chunk: string) => chunk.split(/\r?\n/);
  const lastLine = lines(tail.replace(/[\r\n\s]+$/, '')).pop() ?? '';
  if (lastLine.endsWith(escape) && !lastLine.trimStart().startsWith('#')) return last.span.start;
  const heredoc = /<<-?[ \t]*(["']?)([A-Za-z_][\w-]*)\1/.exec(lines(tail)[0]);
  if (heredoc) {
    const body = lines(tail).slice(1);
    if (!body.some((line) => line.replace(/^\t+/, '').trim() === heredoc[2])) return last.span.start;
    return undefined;
  }
  // Comment lines inside a continued instruction are dropped by the builder: their quotes do not count.
  const code = tail
    .split(/(?<=\n)/)
    .filter((line, index) => index === 0 || !line.trimStart().startsWith('#'))
    .join('');
  // Quotes, backquoted commands and `$( )` nest (`"$(echo `date`)"`): a stack of what is open.
  const open: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    const top = open[open.length - 1];
    if (top === undefined && c === escape) i++;
    else if (top === "'") {
      if (c === "'") open.pop();
    } else if (top !== undefined && c === '\\') i++;
    else if (top === '(' ? c === ')' : c === top) open.pop();
    else if (c === '$' && code[i + 1] === '(') open.push(code[++i]);
    else if (top === '(' && c === '(') open.push(c);
    else if (c === '"' || (c === "'" && top !== '"') || (c === '`' && escape !== '`')) open.push(c);
  }
  return open.length === 0 ? undefined : last.span.start;
}

/** True when text inserted at `offset` stays outside every instruction the file leaves unfinished. */
export function canInsertAt(model: DockerfileModel, offset: number): boolean {
  if (model.openEnd !== undefined && offset >= model.openEnd) return false;
  // An instruction with an open quote swallows what is appended to it (`RUN apt-get install "`).
  const instruction = model.instructions.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
  return !instruction || offsetOpenIn(model.text, instruction, model.escapeCharacter) === undefined;
}

/**
 * True when `inserted` (whole instructions) placed at `offset` parses as `count` instructions of
 * their own: the last check before offering a fix that adds instructions, since an unfinished
 * construct the model cannot name (an odd heredoc) would take them in. The model has one node per
 * instruction dockerfile-ast reads, so counting those in the new text is enough: a model of it
 * would cost twice the parse, on every analysis that offers such a fix (most keystrokes in a
 * Dockerfile without USER or HEALTHCHECK).
 */
export function insertsInstructions(model: DockerfileModel, offset: number, inserted: string, count: number): boolean {
  if (!canInsertAt(model, offset)) return false;
  const after = DockerfileParser.parse(model.text.slice(0, offset) + inserted + model.text.slice(offset));
  return after.getInstructions().length === model.instructions.length + count;
}

function offsetOpenIn(text: string, instruction: InstructionNode, escape: string): number | undefined {
  return openEndOf(text.slice(0, instruction.span.end), instruction, escape);
}

/** `root`, or uid 0 in any spelling Docker's numeric parse accepts (`0`, `000`, `+0`, `-0`). */
export function isRootUser(user: string): boolean {
  return user === 'root' || /^[+-]?0+$/.test(user);
}

/** A word without one pair of surrounding quotes (`"/app"` -> `/app`). */
export function unquote(text: string): string {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0] ? text.slice(1, -1) : text;
}

function baseNode(instruction: Instruction, lines: LineIndex): InstructionNode {
  const span = spanOfRange(lines, instruction.getRange());
  const keywordSpan = spanOfRange(lines, instruction.getInstructionRange());
  // Read the words and flags once and derive the rest (arguments span, image, tag, stage name)
  // from them rather than asking dockerfile-ast again.
  const flags =
    'getFlags' in instruction && typeof (instruction as any).getFlags === 'function'
      ? (instruction as any).getFlags().map((flag: any) => ({
          name: flag.getName() as string,
          value: (flag.getValue() ?? undefined) as string | undefined,
          span: spanOfRange(lines, flag.getRange()),
        }))
      : [];
  const args: Word[] = instruction
    .getArguments()
    .map((argument) => ({ text: argument.getValue(), span: spanOfRange(lines, argument.getRange()) }))
    .filter((word) => !flags.some((flag: { span: Span }) => flag.span.start === word.span.start));
  let argumentsEnd = span.end;
  // The instruction's range keeps trailing blanks; a fix that replaces the arguments must not eat them.
  while (argumentsEnd > keywordSpan.end && (lines.text[argumentsEnd - 1] === ' ' || lines.text[argumentsEnd - 1] === '\t')) argumentsEnd--;
  const argumentsSpan = args.length
    ? { start: args[0].span.start, end: Math.max(argumentsEnd, args[0].span.start) }
    : { start: keywordSpan.end, end: keywordSpan.end };
  return { keyword: instruction.getKeyword().toUpperCase(), span, keywordSpan, argumentsSpan, args, flags };
}

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` from ARG values;
 * references with no value and no default are left as written.
 */
export function substituteArgs(value: string, args: VariableLookup): string {
  return value.replace(/\$\{(\w+)(?:(:?)([-+])([^}]*))?\}|\$(\w+)/g, (whole, braced?: string, colon?: string, operator?: string, word?: string, bare?: string) => {
    const name = braced ?? bare!;
    const current = args.get(name);
    const isSet = current !== undefined && (colon !== ':' || current !== '');
    if (operator === '-') return isSet ? current! : word!;
    if (operator === '+') return isSet ? word! : '';
    return current ?? whole;
  });
}

function fromNode(node: InstructionNode, text: string, argDefaults: Map<string, string>, stagesByName: ReadonlyMap<string, Stage>): FromNode {
  const [imageWord, asWord, stageWord] = node.args;
  const image = imageWord?.text ?? '';
  const imageSpan = imageWord?.span ?? node.keywordSpan;
  const resolvedImage = substituteArgs(image, argDefaults);
  const at = resolvedImage.indexOf('@');
  const withoutDigest = at >= 0 ? resolvedImage.slice(0, at) : resolvedImage;
  const digest = at >= 0 ? resolvedImage.slice(at + 1) : undefined;
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined;
  // The tag as written (`${V}-alpine`), located in the unresolved reference.
  let tagSpan: Span | undefined;
  if (imageWord && text.slice(imageSpan.start, imageSpan.end) === image) {
    const writtenAt = image.indexOf('@');
    const written = writtenAt >= 0 ? image.slice(0, writtenAt) : image;
    const writtenColon = written.lastIndexOf(':');
    if (writtenColon > written.lastIndexOf('/')) tagSpan = { start: imageSpan.start + writtenColon + 1, end: imageSpan.start + written.length };
  }
  const hasStage = asWord !== undefined && asWord.text.toUpperCase() === 'AS' && stageWord !== undefined;
  return {
    ...node,
    image,
    resolvedImage,
    imageSpan,
    name,
    tag,
    tagSpan,
    digest,
    stageName: hasStage ? stageWord.text : undefined,
    stageNameSpan: hasStage ? stageWord.span : undefined,
    parentStage: stagesByName.get(name.toLowerCase()),
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
  // `COPY ["a b.txt", "/app/"]`: the JSON form names paths with spaces; each string is a word.
  const json = words.length > 0 && words[0].text.startsWith('[') ? jsonStrings(text, words[0].span.start, node.span.end) : undefined;
  if (json) words = json;
  else {
    // `COPY <<EOF /dest`: only the first line names sources and destination; the rest is content.
    if (words.some((word) => word.text.startsWith('<<'))) {
      const newline = text.indexOf('\n', node.argumentsSpan.start);
      const headerEnd = newline < 0 || newline > node.span.end ? node.span.end : newline;
      words = words.filter((word) => word.span.start < headerEnd);
    }
    words = words.map((word) => ({ text: unquote(word.text), span: word.span }));
  }
  return {
    ...node,
    sources: words.slice(0, -1),
    destination: words.length > 1 ? words[words.length - 1] : undefined,
    fromStage: node.flags.find((flag) => flag.name === 'from')?.value,
  };
}

/** The strings of a JSON array of strings written from `start`, with their spans; undefined if it is not one. */
function jsonStrings(text: string, start: number, end: number): Word[] | undefined {
  const raw = text.slice(start, end);
  const words: Word[] = [];
  const token = /"(?:[^"\\]|\\.)*"/g;
  let match: RegExpExecArray | null;
  let rest = raw;
  while ((match = token.exec(raw))) {
    words.push({ text: JSON.parse(match[0]) as string, span: { start: start + match.index, end: start + match.index + match[0].length } });
    rest = rest.replace(match[0], '');
  }
  return /^\[[\s,\\]*\]\s*$/.test(rest) && words.length > 0 ? words : undefined;
}

/** Parses CMD, ENTRYPOINT or a HEALTHCHECK probe written over `span`: exec form if Docker would read JSON. */
function commandForm(text: string, span: Span, escape: string): CommandForm {
  const raw = text.slice(span.start, span.end);
  const execArgs = parseExecForm(raw, escape);
  if (execArgs) return { form: 'exec', execArgs, malformedExec: false, commands: [] };
  return { form: 'shell', malformedExec: raw.startsWith('['), commands: parseShell(text, span.start, span.end, escape, false) };
}

function healthcheckNode(node: InstructionNode, text: string, escape: string): HealthcheckNode {
  const first = node.args[0];
  const none = first?.text.toUpperCase() === 'NONE';
  if (!first || none || first.text.toUpperCase() !== 'CMD') return { ...node, none };
  let start = first.span.end;
  while (start < node.argumentsSpan.end && (text[start] === ' ' || text[start] === '\t')) start++;
  const span = { start, end: node.argumentsSpan.end };
  return { ...node, none, probe: { ...commandForm(text, span, escape), span } };
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
  const execWords = node.args.length > 0 && node.args[0].text.startsWith('[') ? jsonStrings(text, node.args[0].span.start, node.span.end) : undefined;
  if (execWords) {
    const command = { words: execWords, span: { start: execWords[0].span.start, end: execWords[execWords.length - 1].span.end }, usesShellSyntax: false };
    return { ...node, form: 'exec', commands: [command], isHeredoc: false };
  }
  let heredocs: { content?: Span }[] = [];
  try {
    heredocs = ((instruction as any).getHeredocs?.() ?? []).map((heredoc: any) => {
      const content = heredoc.getContentRange();
      return { content: content ? spanOfRange(lines, content) : undefined };
    });
  } catch {
    heredocs = [];
  }
  if (heredocs.length === 0) return { ...node, form: 'shell', commands: parseShell(text, start, end, escape, false), isHeredoc: false };

  const newline = text.indexOf('\n', start);
  const headerEnd = newline < 0 || newline > end ? end : newline;
  const commands = parseShell(text, start, headerEnd, escape, false);
  const program = commands.length ? programName(commandWords(commands[0])) : undefined;
  if (program === undefined || SHELLS.has(program)) {
    for (const heredoc of heredocs) {
      if (heredoc.content) commands.push(...parseShell(text, heredoc.content.start, heredoc.content.end, escape, true, ';'));
    }
  }
  return { ...node, form: 'shell', commands, isHeredoc: true };
}

/** Docker drops comment lines inside a continued instruction before the shell sees it: the offset after them. */
function afterContinuationComments(text: string, at: number, end: number): number {
  let i = at;
  for (;;) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] !== '#') return i;
    const newline = text.indexOf('\n', j);
    if (newline < 0 || newline >= end) return i;
    i = newline + 1;
  }
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
  // Between `case x in` (or `;;`) and `)`: a pattern, where `|` separates alternatives, not commands.
  let casePattern = false;

  const flushWord = (at: number) => {
    if (wordStart >= 0) {
      // `<<EOF` markers are heredoc operators, not arguments.
      if (!word.startsWith('<<')) {
        if (words.length === 0 && /^[A-Za-z_]\w*=/.test(word)) shellSyntax = true;
        words.push({ text: word, span: { start: wordStart, end: at } });
        if (word === 'in' && words.length === 3 && words[0].text === 'case') casePattern = true;
        else if (word === 'esac') casePattern = false;
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
      i = afterContinuationComments(text, i + (text[i + 1] === '\r' ? 3 : 2), end);
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
      let j = i + 1;
      while (j < end && text[j] !== c) {
        const next = text[j + 1];
        if (text[j] === escape && (next === '\n' || (next === '\r' && text[j + 2] === '\n'))) {
          // A line continuation: Docker joins the lines before the shell sees the quotes.
          j = afterContinuationComments(text, j + (next === '\r' ? 3 : 2), end);
          continue;
        }
        if (c === '"' && text[j] === '\\' && next !== undefined && '"\\$`'.includes(next)) {
          word += next;
          j += 2;
          continue;
        }
        if (c === '"' && (text[j] === '$' || text[j] === '`')) shellSyntax = true;
        word += text[j];
        j++;
      }
      i = j + 1;
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
    if ((c === '$' && text[i + 1] === '(') || c === '`') {
      // `$(a | b)` and `` `a | b` `` are one word of the outer command; their insides run in a sub-shell.
      if (wordStart < 0) wordStart = i;
      const stop = substitutionEnd(text, i, end);
      word += text.slice(i, stop);
      shellSyntax = true;
      i = stop;
      continue;
    }
    if (casePattern && (c === '|' || c === ')' || (c === '(' && wordStart < 0))) {
      if (c === ')') {
        // The pattern is not a command: drop its words and read the branch's commands.
        flushWord(i);
        words = [];
        casePattern = false;
      } else if (c === '|') {
        if (wordStart < 0) wordStart = i;
        word += c;
      }
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === ';;') {
      flushWord(i);
      flushCommand(';');
      casePattern = true;
      i += 2;
      continue;
    }
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

/** The offset just after the `$( ... )` or `` `...` `` that starts at `start`, honouring nesting and quotes. */
function substitutionEnd(text: string, start: number, end: number): number {
  if (text[start] === '`') {
    let i = start + 1;
    while (i < end && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, end);
  }
  let depth = 0;
  let i = start + 1;
  while (i < end) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close < 0 || close >= end ? end : close + 1;
    } else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  return end;
}

/** Options of `sudo` that take a value in the next word. */
const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T']);

/** Shell keywords and grouping that come before the program (`then apt-get install ...`, `( cd src`). */
const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '(', '{', '((', 'time', 'exec', 'nohup']);

/**
 * The words of a command from its program on: drops `sudo` (and its options), `env` (and its
 * options and assignments), leading `VAR=value` assignments, `exec`/`time`/`nohup`, and the shell
 * keywords and brackets that open a compound command (`if`, `then`, `do`, `(`).
 */
export function commandWords(command: ShellCommand): Word[] {
  const words = command.words;
  let i = 0;
  while (i < words.length) {
    const text = words[i].text;
    if (text.length > 1 && (text[0] === '(' || text[0] === '{') && text[1] !== '(' && text[1] !== '}') {
      // `(cd src && make)`: the bracket sticks to the program's name.
      const rest = words.slice(i + 1);
      return [{ text: text.slice(1), span: { start: words[i].span.start + 1, end: words[i].span.end } }, ...rest];
    }
    if (text === 'sudo') {
      i++;
      while (i < words.length && words[i].text.startsWith('-')) i += SUDO_VALUE_OPTIONS.has(words[i].text) ? 2 : 1;
    } else if (text === 'env') {
      i++;
      while (i < words.length && (words[i].text.startsWith('-') || /^\w+=/.test(words[i].text))) i += words[i].text === '-u' ? 2 : 1;
    } else if (/^\w+=/.test(text) || LEADING_KEYWORDS.has(text)) i++;
    else break;
  }
  return words.slice(i);
}

/** The program a command runs, without its directory and lower-cased (`/usr/bin/apt-get` -> `apt-get`). */
export function programName(words: readonly Word[]): string | undefined {
  if (words.length === 0) return undefined;
  // `(cd src && make)`: the closing bracket sticks to the last command's program.
  const text = words[0].text.length > 1 ? words[0].text.replace(/\)+$/, '') : words[0].text;
  return text.slice(text.lastIndexOf('/') + 1).toLowerCase();
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

/**
 * The stage and the earlier stages it builds on (`FROM build AS final`), nearest first. A FROM
 * only names stages written before it, so the walk always ends.
 */
export function stageLineage(stage: Stage): Stage[] {
  const lineage: Stage[] = [];
  for (let current: Stage | undefined = stage; current; current = current.from.parentStage) lineage.push(current);
  return lineage;
}

/** The first stage of a lineage: the one built FROM an image rather than from another stage. */
export function rootStage(stage: Stage): Stage {
  return stage.root ?? stage;
}

/** The stages whose layers end up in the image: the final stage and the stages it builds on. */
export function shippedStages(model: DockerfileModel): Stage[] {
  return model.finalStage ? stageLineage(model.finalStage) : [];
}

/**
 * Targets of `RUN --mount=type=cache|tmpfs,target=...` flags: directories whose content the RUN
 * writes never lands in the layer. Trailing slashes are dropped (`/var/cache/apt/` -> `/var/cache/apt`).
 */
export function cacheMountTargets(run: RunNode): string[] {
  const targets: string[] = [];
  for (const flag of run.flags) {
    if (flag.name !== 'mount' || !flag.value) continue;
    const options = new Map(flag.value.split(',').map((option) => {
      const eq = option.indexOf('=');
      return eq < 0 ? [option, ''] : [option.slice(0, eq), option.slice(eq + 1)];
    }));
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
    const type = options.get('type');
    if ((type === 'cache' || type === 'tmpfs') && target) targets.push(target.length > 1 ? target.replace(/\/+$/, '') : target);
  }
  return targets;
}

/** Looks up a build variable's value; undefined when the file does not show it. */
export interface VariableLookup {
  get(name: string): string | undefined;
}

/**
 * Fills each stage's `variables`, in file order so a stage finds the ENV of the stage it builds on:
 * ENV values, ARG defaults (an ARG without one takes the global ARG's default), substituted in
 * order. An ENV always wins over an ARG of the same name, wherever the ARG is written.
 */
function indexVariables(model: DockerfileModel, globals: ReadonlyMap<string, string>): void {
  const finalEnv = new Map<Stage, Map<string, string | undefined>>();
  for (const stage of model.stages) {
    const parentEnv = stage.from.parentStage ? finalEnv.get(stage.from.parentStage) : undefined;
    const current = new Map<string, string | undefined>(parentEnv);
    const fromEnv = new Set<string>(parentEnv?.keys());
    for (const [name, value] of current) stage.variables.set(name, [{ at: -1, value }]);
    const lookup: VariableLookup = { get: (name) => current.get(name) };
    const env = new Map(parentEnv);
    const pairs = [...stage.envs, ...stage.args].sort((a, b) => a.keySpan.start - b.keySpan.start);
    for (const pair of pairs) {
      const isArg = pair.instruction.keyword === 'ARG';
      if (isArg && fromEnv.has(pair.key)) continue;
      const value = pair.value !== undefined ? substituteArgs(pair.value, lookup) : isArg ? globals.get(pair.key) : undefined;
      if (!isArg) {
        fromEnv.add(pair.key);
        env.set(pair.key, value);
      }
      current.set(pair.key, value);
      const timeline = stage.variables.get(pair.key);
      if (timeline) timeline.push({ at: pair.keySpan.start, value });
      else stage.variables.set(pair.key, [{ at: pair.keySpan.start, value }]);
    }
    finalEnv.set(stage, env);
  }
}

/**
 * The build variables a stage sees at an offset, as far as the file shows them: the ENV of the
 * stages it builds on, and its own ENV and ARG written before the offset. What the caller passes
 * with `--build-arg`, or an image sets, is unknown (undefined).
 */
export function variablesAt(stage: Stage, offset: number): VariableLookup {
  return {
    get(name) {
      const timeline = stage.variables.get(name);
      if (!timeline) return undefined;
      let found: { at: number; value?: string } | undefined;
      for (let low = 0, high = timeline.length - 1; low <= high; ) {
        const middle = (low + high) >> 1;
        if (timeline[middle].at < offset) {
          found = timeline[middle];
          low = middle + 1;
        } else high = middle - 1;
      }
      return found?.value;
    },
  };
}

/** The value with its variables substituted, or undefined when one of them is unknown. */
export function resolveVariables(value: string, variables: VariableLookup): string | undefined {
  const resolved = substituteArgs(value, variables);
  return /\$(?:\{?[A-Za-z_])/.test(resolved) ? undefined : resolved;
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

/** The text that adds an option after a word of the RUN: ` --x` in the shell form, `, "--x"` in the exec form. */
export function optionAfterWord(run: RunNode, option: string): string {
  return run.form === 'shell' ? ` ${option}` : `, ${JSON.stringify(option)}`;
}

/** Every command of the stage's RUN instructions, in order. */
export function runCommands(stage: Stage): readonly RunCommand[] {
  return stage.commands;
}

/** True when a COPY/ADD source pattern (`package*.json`, `./app/package-lock.json`) matches the file name. */
export function sourceMatches(source: string, fileName: string): boolean {
  const base = source.slice(source.lastIndexOf('/') + 1);
  const pattern = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return pattern.test(fileName);
}
