/**
 * Builds the Terraform model with tree-sitter (web-tree-sitter + the tree-sitter-terraform grammar).
 * Why tree-sitter and not hcl2-parser: see docs/design/terraform-parser.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// `import = require` keeps the CommonJS build of web-tree-sitter under both tsx and the esbuild CJS
// bundle; its ES module build relies on import.meta.url, which a CJS bundle does not have.
import TreeSitter = require('web-tree-sitter');
import type { ParseError, Span } from '../../engine/types';
import type { Attribute, Block, Expr, ForExpr, Label, LiteralValue, ObjectEntry, TerraformModel, TraversalStep } from './model';

type Node = TreeSitter.Node;

const RUNTIME_WASM = { file: 'web-tree-sitter.wasm', module: 'web-tree-sitter/web-tree-sitter.wasm' };
const GRAMMAR_WASM = { file: 'tree-sitter-terraform.wasm', module: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm' };

let parser: TreeSitter.Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Finds a WebAssembly file next to the running bundle (dist/ in the VSIX and the CLI) or, in
 * development and tests, in node_modules. Missing files are a loud error: without them every
 * Terraform file would silently have no findings.
 */
export function locateWasm(wanted: { file: string; module: string }): string {
  const beside = join(__dirname, wanted.file);
  if (existsSync(beside)) return beside;
  let resolved: string | undefined;
  try {
    resolved = require.resolve(wanted.module);
  } catch {
    resolved = undefined;
  }
  if (resolved && existsSync(resolved)) return resolved;
  throw new Error(
    `The Terraform parser cannot start: ${wanted.file} is missing (looked in ${__dirname} and for the package file ${wanted.module}). Reinstall the extension or run "npm run build".`,
  );
}

/** Loads the WebAssembly runtime and grammar once; parseTerraform is synchronous afterwards. */
export function initTerraformParser(): Promise<void> {
  loading ??= (async () => {
    const runtime = readFileSync(locateWasm(RUNTIME_WASM));
    const grammar = readFileSync(locateWasm(GRAMMAR_WASM));
    await TreeSitter.Parser.init({ wasmBinary: runtime } as Parameters<typeof TreeSitter.Parser.init>[0]);
    const language = await TreeSitter.Language.load(grammar);
    const instance = new TreeSitter.Parser();
    instance.setLanguage(language);
    parser = instance;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

// Only these keywords start a chunk when a broken file is re-parsed block by block, so that an
// nginx `server {` line inside a heredoc never splits a block.
const TOP_LEVEL_BLOCK =
  /^(?:resource|data|module|variable|locals|provider|output|terraform|moved|import|check|removed)(?:[ \t]+(?:"(?:[^"\\\r\n]|\\.)*"|[A-Za-z_][\w-]*))*[ \t]*\{/gm;

export function parseTerraform(text: string, path: string): TerraformModel {
  if (!parser) {
    throw new Error('The Terraform parser is not initialised: await initKinds() (or terraformSupport.init()) before parsing.');
  }
  const model: TerraformModel = { kind: 'terraform', path, text, errors: [], blocks: [] };
  const whole = parseChunk(parser, text, 0);
  if (!whole.syntax) {
    model.blocks = whole.blocks;
    if (whole.error) model.errors.push(whole.error);
    return model;
  }
  // One syntax error would otherwise swallow every block after it: parse each top-level block on
  // its own, so a broken block costs one finding and the rest of the file is still analyzed.
  const starts = [0, ...[...text.matchAll(TOP_LEVEL_BLOCK)].map((match) => match.index!).filter((index) => index > 0)];
  if (starts.length === 1) {
    model.blocks = whole.blocks;
    if (whole.error) model.errors.push(whole.error);
    return model;
  }
  starts.forEach((start, i) => {
    const chunk = parseChunk(parser!, text.slice(start, starts[i + 1] ?? text.length), start);
    model.blocks.push(...chunk.blocks);
    if (chunk.error) model.errors.push(chunk.error);
  });
  return model;
}

/** `syntax` when the text has a syntax error (worth re-parsing block by block), not only a nesting limit. */
function parseChunk(instance: TreeSitter.Parser, text: string, base: number): { blocks: Block[]; error?: ParseError; syntax: boolean } {
  const tree = instance.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree for a Terraform file.');
  try {
    const reader = new Reader(text, base);
    const body = tree.rootNode.namedChildren.find((child) => child?.type === 'body');
    const blocks = body ? reader.blocksOf(body) : [];
    const syntaxError = tree.rootNode.hasError ? reader.firstError(tree.rootNode) : undefined;
    return { blocks, error: syntaxError ?? reader.tooDeep, syntax: syntaxError !== undefined };
  } finally {
    tree.delete();
  }
}

/**
 * How deep blocks and expressions may nest before the rest is left out of the model. Real files
 * nest a dozen levels; the cap keeps every later walk over the model (all recursive) far from the
 * stack limit, whatever a file holds.
 */
export const MAX_NESTING = 100;

class Reader {
  /** Set when something nested deeper than MAX_NESTING was left out: reported like a syntax error. */
  tooDeep: ParseError | undefined;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  span(node: Node): Span {
    return { start: this.base + node.startIndex, end: this.base + node.endIndex };
  }

  /** Whether `depth` is past the cap; the first time, remembers where, for the limit finding. */
  private capped(node: Node, depth: number): boolean {
    if (depth <= MAX_NESTING) return false;
    if (!this.tooDeep) {
      const start = this.base + node.startIndex;
      const lineEnd = this.text.slice(node.startIndex, node.endIndex).search(/\r?\n/);
      this.tooDeep = {
        span: { start, end: lineEnd >= 0 ? start + lineEnd : this.base + node.endIndex },
        message: `Nesting deeper than ${MAX_NESTING} levels is not analyzed; flatten this block or expression so the rest of it can be checked.`,
      };
    }
    return true;
  }

  blocksOf(body: Node, depth = 0): Block[] {
    return named(body)
      .filter((child) => child.type === 'block')
      .map((child) => this.block(child, depth + 1));
  }

  block(node: Node, depth: number): Block {
    const children = named(node);
    const typeNode = children.find((child) => child.type === 'identifier')!;
    const labels: Label[] = [];
    for (const child of children) {
      if (child === typeNode) continue;
      if (child.type === 'string_lit') labels.push({ value: stringValue(child), span: this.span(child) });
      else if (child.type === 'identifier') labels.push({ value: child.text, span: this.span(child) });
      else break;
    }
    const typeSpan = this.span(typeNode);
    const start = children.find((child) => child.type === 'block_start');
    const end = children.find((child) => child.type === 'block_end');
    const body = children.find((child) => child.type === 'body');
    const span = this.span(node);
    const closeSpan = end && !end.hasError && end.endIndex > end.startIndex ? this.span(end) : { start: span.end, end: span.end };
    const block: Block = {
      type: typeNode.text,
      typeSpan,
      labels,
      headerSpan: { start: typeSpan.start, end: labels.length ? labels[labels.length - 1].span.end : typeSpan.end },
      span,
      openSpan: start ? this.span(start) : { start: typeSpan.end, end: typeSpan.end },
      closeSpan,
      attributes: [],
      blocks: [],
    };
    if (body && !this.capped(body, depth + 1)) {
      for (const child of named(body)) {
        if (child.type === 'attribute') {
          const attr = this.attribute(child, depth + 1);
          if (attr) block.attributes.push(attr);
        } else if (child.type === 'block') block.blocks.push(this.block(child, depth + 1));
      }
    }
    return block;
  }

  attribute(node: Node, depth: number): Attribute | undefined {
    const children = named(node);
    const name = children.find((child) => child.type === 'identifier');
    const value = children.find((child) => child.type === 'expression');
    if (!name || !value) return undefined;
    return { name: name.text, nameSpan: this.span(name), span: this.span(node), value: this.expression(value, depth + 1) };
  }

  /** An `expression` node, or any node that stands for one (a term, an operation). */
  expression(node: Node, depth: number): Expr {
    const span = this.span(node);
    if (this.capped(node, depth)) return other(span);
    if (node.type !== 'expression') return this.sequence([node], span, depth);
    const all = node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
    if (all[0]?.type === '(') {
      const inner = all.find((child) => child.type === 'expression');
      const rest = all.slice(all.findIndex((child) => child.type === ')') + 1).filter((child) => child.isNamed);
      if (!inner) return other(span);
      const value = { ...this.expression(inner, depth + 1), span };
      return rest.length ? this.traverse(value, rest, span, depth) : value;
    }
    return this.sequence(all.filter((child) => child.isNamed), span, depth);
  }

  /** A primary term followed by traversal steps (`var.m[0].k`), as the grammar lays them out side by side. */
  private sequence(parts: Node[], span: Span, depth: number): Expr {
    const [first, ...rest] = parts;
    if (!first) return other(span);
    if (first.type === '(') {
      // A parenthesized operand: `(a && b)` inside an operation is laid out as tokens, not as one node.
      const inner = parts.find((part) => part.type === 'expression');
      const close = parts.findIndex((part) => part.type === ')');
      if (!inner || close < 0) return other(span);
      const value = { ...this.expression(inner, depth + 1), span: { start: this.span(first).start, end: this.span(parts[close]).end } };
      const after = parts.slice(close + 1).filter((part) => part.isNamed);
      return after.length ? this.traverse(value, after, span, depth) : { ...value, span };
    }
    if (first.type === 'variable_expr') {
      const steps = this.steps(rest, depth);
      if (!steps) return other(span);
      const reference = [first.text];
      for (const step of steps) {
        if (step.kind !== 'attr') break;
        reference.push(step.name);
      }
      return { type: 'reference', span, literal: false, reference, steps };
    }
    const term = this.term(first, rest.length ? this.span(first) : span, depth);
    return rest.length ? this.traverse(term, rest, span, depth) : term;
  }

  private traverse(base: Expr, rest: Node[], span: Span, depth: number): Expr {
    const steps = this.steps(rest, depth);
    return steps ? { type: 'traversal', span, literal: false, base, steps } : other(span);
  }

  private steps(nodes: Node[], depth: number): TraversalStep[] | undefined {
    const steps: TraversalStep[] = [];
    for (const node of nodes) {
      if (node.type === 'get_attr') {
        const name = named(node).find((child) => child.type === 'identifier');
        if (!name) return undefined;
        steps.push({ kind: 'attr', name: name.text });
      } else if (node.type === 'index') {
        const inner = named(node)[0];
        if (inner?.type === 'legacy_index') {
          const digits = /\d+/.exec(inner.text);
          if (!digits) return undefined;
          steps.push({ kind: 'index', index: { type: 'number', span: this.span(inner), literal: true, value: Number(digits[0]) } });
          continue;
        }
        const expr = inner ? named(inner).find((child) => child.type === 'expression') : undefined;
        if (!expr) return undefined;
        steps.push({ kind: 'index', index: this.expression(expr, depth + 1) });
      } else if (node.type === 'splat') {
        steps.push({ kind: 'splat' });
        return steps;
      } else return undefined;
    }
    return steps;
  }

  term(node: Node, span: Span, depth: number): Expr {
    if (this.capped(node, depth)) return other(span);
    switch (node.type) {
      case 'expression':
        return { ...this.expression(node, depth), span };
      case 'literal_value':
        return this.term(named(node)[0] ?? node, span, depth);
      case 'numeric_lit': {
        const value = Number(node.text);
        return Number.isFinite(value) ? { type: 'number', span, literal: true, value } : other(span);
      }
      case 'bool_lit':
        return { type: 'bool', span, literal: true, value: node.text === 'true' };
      case 'null_lit':
        return { type: 'null', span, literal: true, value: null };
      case 'string_lit':
        return { type: 'string', span, literal: true, value: stringValue(node) };
      case 'variable_expr':
        return { type: 'reference', span, literal: false, reference: [node.text], steps: [] };
      case 'collection_value':
        return this.term(named(node)[0] ?? node, span, depth);
      case 'tuple': {
        const items = named(node)
          .filter((child) => child.type === 'expression')
          .map((child) => this.expression(child, depth + 1));
        const literal = items.every((item) => item.literal);
        return { type: 'tuple', span, literal, value: literal ? items.map((item) => item.value!) : undefined, items };
      }
      case 'object':
        return this.object(node, span, depth);
      case 'template_expr':
        return this.template(named(node)[0], span, depth);
      case 'function_call':
        return this.call(node, span, depth);
      case 'conditional': {
        const operands = named(node)
          .filter((child) => child.type === 'expression')
          .map((child) => this.expression(child, depth + 1));
        return operands.length === 3 ? { type: 'conditional', span, literal: false, operands } : other(span);
      }
      case 'operation':
        return this.operation(named(node)[0], span, depth);
      case 'for_expr':
        return this.forExpression(named(node)[0], span, depth);
      default:
        return other(span);
    }
  }

  private forExpression(node: Node | undefined, span: Span, depth: number): Expr {
    if (!node) return other(span);
    const children = named(node);
    const intro = children.find((child) => child.type === 'for_intro');
    const names = intro ? named(intro).filter((child) => child.type === 'identifier').map((child) => child.text) : [];
    const collectionNode = intro ? named(intro).find((child) => child.type === 'expression') : undefined;
    const bodies = children.filter((child) => child.type === 'expression');
    const conditionNode = children.find((child) => child.type === 'for_cond');
    const conditionExpr = conditionNode ? named(conditionNode).find((child) => child.type === 'expression') : undefined;
    const object = node.type === 'for_object_expr';
    if (!collectionNode || names.length === 0 || bodies.length !== (object ? 2 : 1)) return other(span);
    const forExpr: ForExpr = {
      keyName: names.length > 1 ? names[0] : undefined,
      valueName: names[names.length - 1],
      collection: this.expression(collectionNode, depth + 1),
      key: object ? this.expression(bodies[0], depth + 1) : undefined,
      value: this.expression(bodies[bodies.length - 1], depth + 1),
      condition: conditionExpr ? this.expression(conditionExpr, depth + 1) : undefined,
      grouping: children.some((child) => child.type === 'ellipsis'),
    };
    return { type: 'for', span, literal: false, forExpr };
  }

  private call(node: Node, span: Span, depth: number): Expr {
    const name = named(node).find((child) => child.type === 'identifier');
    const argumentsNode = named(node).find((child) => child.type === 'function_arguments');
    const argNodes = argumentsNode ? named(argumentsNode) : [];
    const args = argNodes.filter((child) => child.type === 'expression').map((child) => this.expression(child, depth + 1));
    const expandArgs = argNodes.some((child) => child.type === 'ellipsis');
    return { type: 'call', span, literal: false, functionName: name?.text, args, ...(expandArgs ? { expandArgs } : {}) };
  }

  /** Unary and binary operations; a negated number literal stays a literal (`-1`). */
  private operation(node: Node | undefined, span: Span, depth: number): Expr {
    if (!node) return other(span);
    const all = node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
    const operatorAt = node.type === 'unary_operation' ? 0 : binaryOperatorIndex(all);
    if (operatorAt < 0) return other(span);
    const operator = all[operatorAt].type;
    const operandSpan = (parts: Node[]): Span => ({ start: this.span(parts[0]).start, end: this.span(parts[parts.length - 1]).end });
    if (node.type === 'unary_operation') {
      const parts = all.slice(1);
      if (!parts.length) return other(span);
      const operand = this.sequence(parts, operandSpan(parts), depth + 1);
      if (operator === '-' && operand.type === 'number' && typeof operand.value === 'number') return { ...operand, span, value: -operand.value };
      return { type: 'operation', span, literal: false, operator, operands: [operand] };
    }
    const left = all.slice(0, operatorAt);
    const right = all.slice(operatorAt + 1);
    if (!left.length || !right.length) return other(span);
    const operands = [this.sequence(left, operandSpan(left), depth + 1), this.sequence(right, operandSpan(right), depth + 1)];
    return { type: 'operation', span, literal: false, operator, operands };
  }

  object(node: Node, span: Span, depth: number): Expr {
    const entries: ObjectEntry[] = [];
    for (const element of named(node)) {
      if (element.type !== 'object_elem') continue;
      const keyNode = element.childForFieldName('key');
      const valueNode = element.childForFieldName('val');
      if (!keyNode || !valueNode) continue;
      const keyExpr = this.expression(keyNode, depth + 1);
      const bareName = keyExpr.type === 'reference' && keyExpr.reference?.length === 1 && keyExpr.steps?.length === 0 && keyNode.text.trim()[0] !== '(' ? keyExpr.reference[0] : undefined;
      const key = bareName ?? (typeof keyExpr.value === 'string' && keyExpr.literal ? keyExpr.value : undefined);
      entries.push({ key, keySpan: keyExpr.span, value: this.expression(valueNode, depth + 1) });
    }
    const literal = entries.every((entry) => entry.key !== undefined && entry.value.literal);
    let value: LiteralValue | undefined;
    if (literal) {
      const record: Record<string, LiteralValue> = {};
      for (const entry of entries) record[entry.key!] = entry.value.value!;
      value = record;
    }
    return { type: 'object', span, literal, value, entries };
  }

  /** A template without interpolation or directive is just a string, as Terraform evaluates it. */
  template(node: Node | undefined, span: Span, depth: number): Expr {
    if (!node) return other(span);
    const parts = named(node);
    if (parts.some((part) => part.type === 'template_directive')) return { type: 'template', span, literal: false };
    if (parts.some((part) => part.type === 'template_interpolation')) {
      if (node.type !== 'quoted_template') return { type: 'template', span, literal: false };
      return { type: 'template', span, literal: false, parts: this.templateParts(node, parts, depth) };
    }
    if (node.type === 'quoted_template') {
      return { type: 'string', span, literal: true, value: parts.filter((part) => part.type === 'template_literal').map((part) => unescape(part.text)).join('') };
    }
    if (node.type === 'heredoc_template') {
      // The content is every line between the opening and the closing marker, indentation included.
      const markers = parts.filter((part) => part.type === 'heredoc_identifier');
      const opening = markers[0];
      const closing = markers[markers.length - 1];
      if (!opening || closing === opening) return other(span);
      const contentStart = this.text.indexOf('\n', opening.endIndex) + 1;
      const contentEnd = this.text.lastIndexOf('\n', closing.startIndex) + 1;
      const raw = contentStart > 0 && contentEnd >= contentStart ? this.text.slice(contentStart, contentEnd).replace(/\r\n/g, '\n') : '';
      const strip = node.text.startsWith('<<-');
      return { type: 'string', span, literal: true, value: strip ? dedent(raw) : raw };
    }
    return other(span);
  }

  /** The text between interpolations is taken from the source, so no character is lost between literal nodes. */
  private templateParts(node: Node, parts: Node[], depth: number): (string | Expr)[] {
    const result: (string | Expr)[] = [];
    const open = node.children.find((child) => child?.type === 'quoted_template_start');
    const close = node.children.find((child) => child?.type === 'quoted_template_end');
    let cursor = open ? open.endIndex : node.startIndex;
    const end = close ? close.startIndex : node.endIndex;
    for (const part of parts) {
      if (part.type !== 'template_interpolation') continue;
      if (part.startIndex > cursor) result.push(unescape(this.text.slice(cursor, part.startIndex)));
      const inner = named(part).find((child) => child.type === 'expression');
      result.push(inner ? this.expression(inner, depth + 1) : other(this.span(part)));
      cursor = part.endIndex;
    }
    if (end > cursor) result.push(unescape(this.text.slice(cursor, end)));
    return result;
  }

  /** The first ERROR or MISSING node in source order: one finding per broken block, not hundreds. */
  firstError(root: Node): ParseError | undefined {
    let node: Node | null = root;
    while (node) {
      if (node.isMissing) {
        return { span: this.span(node), message: `Syntax error: "${node.type}" is missing here; add it so the rest of this block can be checked.` };
      }
      if (node.isError) {
        const lineEnd = node.text.search(/\r?\n/);
        const span = this.span(node);
        if (lineEnd >= 0) span.end = span.start + lineEnd;
        const shown = this.text.slice(span.start - this.base, span.end - this.base).trim().slice(0, 40);
        return { span, message: `Syntax error: unexpected "${shown}"; fix it so the rest of this block can be checked.` };
      }
      node = node.children.find((child) => child !== null && (child.hasError || child.isMissing)) ?? null;
    }
    return undefined;
  }
}

/** The operator token of a binary operation, skipping the parentheses of a parenthesized operand. */
function binaryOperatorIndex(children: Node[]): number {
  let depth = 0;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.type === '(') depth++;
    else if (child.type === ')') depth--;
    else if (index > 0 && depth === 0 && !child.isNamed) return index;
  }
  return -1;
}

function named(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

function other(span: Span): Expr {
  return { type: 'other', span, literal: false };
}

function stringValue(node: Node): string {
  return named(node)
    .filter((child) => child.type === 'template_literal')
    .map((child) => unescape(child.text))
    .join('');
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unescape(raw: string): string {
  return raw
    .replace(/\\(?:([nrt"\\])|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/g, (_whole, simple: string, u4: string, u8: string) =>
      simple ? ESCAPES[simple] : String.fromCodePoint(parseInt(u4 ?? u8, 16)),
    )
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** `<<-` heredocs drop the indentation common to all their non-blank lines. */
function dedent(raw: string): string {
  const lines = raw.split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}
