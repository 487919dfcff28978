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
}

export interface RunNode extends InstructionNode {
  commands: ShellCommand[];
  isHeredoc: boolean;
}

export interface CommandNode extends InstructionNode {
  form: 'exec' | 'shell';
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
}

export function parseDockerfile(text: string, path: string): DockerfileModel {
  const model: DockerfileModel = { kind: 'dockerfile', path, text, errors: [], stages: [], globalArgs: [], instructions: [] };
  const lines = lineIndexOf(model);
  const dockerfile = DockerfileParser.parse(text);
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
      typed = runNode(node, text);
      stage?.runs.push(typed as RunNode);
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      typed = { ...node, form: text.slice(node.argumentsSpan.start).trimStart().startsWith('[') ? 'exec' : 'shell' } as CommandNode;
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
      const words = node.args;
      typed = {
        ...node,
        sources: words.slice(0, -1),
        destination: words.length > 1 ? words[words.length - 1] : undefined,
        fromStage: node.flags.find((flag) => flag.name === 'from')?.value,
      } as CopyNode;
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
  const argumentsSpan = argumentsRange ? { start: lines.offsetAt(argumentsRange.start), end: span.end } : { start: keywordSpan.end, end: keywordSpan.end };
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
  const resolvedImage = image.replace(/\$\{?(\w+)(?::?-[^}]*)?\}?/g, (whole, name: string) => argDefaults.get(name) ?? whole);
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

/**
 * Splits a RUN instruction into shell commands on `&&`, `||`, `;`, `|`, `&` and (in heredocs)
 * newlines, honouring quotes and line continuations. Good enough to recognise commands, not a
 * full shell parser.
 */
function runNode(node: InstructionNode, text: string): RunNode {
  const { start, end } = node.argumentsSpan;
  const commands: ShellCommand[] = [];
  let words: Word[] = [];
  let after: ShellOperator | undefined;
  let word = '';
  let wordStart = -1;
  const isHeredoc = /^<<-?['"]?\w+/.test(text.slice(start, end));
  const heredocTerminator = isHeredoc ? /^<<-?['"]?(\w+)/.exec(text.slice(start, end))![1] : undefined;

  const flushWord = (at: number) => {
    if (wordStart >= 0) {
      if (!(isHeredoc && (word.startsWith('<<') || word === heredocTerminator))) words.push({ text: word, span: { start: wordStart, end: at } });
      word = '';
      wordStart = -1;
    }
  };
  const flushCommand = (operator: ShellOperator | undefined) => {
    if (words.length) commands.push({ words, span: { start: words[0].span.start, end: words[words.length - 1].span.end }, after });
    words = [];
    after = operator;
  };

  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
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
      word += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '\n' || c === '\r') {
      flushWord(i);
      if (isHeredoc) flushCommand(';');
      i++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      flushWord(i);
      i++;
      continue;
    }
    if (c === '#' && wordStart < 0 && (i === start || /\s/.test(text[i - 1]))) {
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
    if (wordStart < 0) wordStart = i;
    word += c;
    i++;
  }
  flushWord(end);
  flushCommand(undefined);
  return { ...node, commands, isHeredoc };
}

/** The words of a command after a leading `sudo`/`env VAR=x`, lower-cased program name first. */
export function commandWords(command: ShellCommand): Word[] {
  let words = command.words;
  while (words.length && (words[0].text === 'sudo' || words[0].text === 'env' || /^\w+=/.test(words[0].text))) words = words.slice(1);
  return words;
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
