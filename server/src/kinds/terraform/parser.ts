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
import type { Attribute, Block, Expr, Label, LiteralValue, ObjectEntry, TerraformModel } from './model';

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
  if (!whole.error) {
    model.blocks = whole.blocks;
    return model;
  }
  // One syntax error would otherwise swallow every block after it: parse each top-level block on
  // its own, so a broken block costs one finding and the rest of the file is still analyzed.
  const starts = [0, ...[...text.matchAll(TOP_LEVEL_BLOCK)].map((match) => match.index!).filter((index) => index > 0)];
  if (starts.length === 1) {
    model.blocks = whole.blocks;
    model.errors.push(whole.error);
    return model;
  }
  starts.forEach((start, i) => {
    const chunk = parseChunk(parser!, text.slice(start, starts[i + 1] ?? text.length), start);
    model.blocks.push(...chunk.blocks);
    if (chunk.error) model.errors.push(chunk.error);
  });
  return model;
}

function parseChunk(instance: TreeSitter.Parser, text: string, base: number): { blocks: Block[]; error?: ParseError } {
  const tree = instance.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree for a Terraform file.');
  try {
    const reader = new Reader(text, base);
    const body = tree.rootNode.namedChildren.find((child) => child?.type === 'body');
    const blocks = body ? reader.blocksOf(body) : [];
    const error = tree.rootNode.hasError ? reader.firstError(tree.rootNode) : undefined;
    return { blocks, error };
  } finally {
    tree.delete();
  }
}

class Reader {
  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  span(node: Node): Span {
    return { start: this.base + node.startIndex, end: this.base + node.endIndex };
  }

  blocksOf(body: Node): Block[] {
    return named(body)
      .filter((child) => child.type === 'block')
      .map((child) => this.block(child));
  }

  block(node: Node): Block {
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
    if (body) {
      for (const child of named(body)) {
        if (child.type === 'attribute') {
          const attr = this.attribute(child);
          if (attr) block.attributes.push(attr);
        } else if (child.type === 'block') block.blocks.push(this.block(child));
      }
    }
    return block;
  }

  attribute(node: Node): Attribute | undefined {
    const children = named(node);
    const name = children.find((child) => child.type === 'identifier');
    const value = children.find((child) => child.type === 'expression');
    if (!name || !value) return undefined;
    return { name: name.text, nameSpan: this.span(name), span: this.span(node), value: this.expression(value) };
  }

  expression(node: Node): Expr {
    const span = this.span(node);
    const parts = named(node);
    if (node.type !== 'expression') return this.term(node, span);
    if (parts.length === 1) return this.term(parts[0], span);
    if (parts[0]?.type === 'variable_expr') {
      const reference = [parts[0].text];
      for (const part of parts.slice(1)) {
        if (part.type !== 'get_attr') break;
        const name = named(part).find((child) => child.type === 'identifier');
        if (!name) break;
        reference.push(name.text);
      }
      return { type: 'reference', span, literal: false, reference };
    }
    return other(span);
  }

  term(node: Node, span: Span): Expr {
    switch (node.type) {
      case 'literal_value':
        return this.term(named(node)[0] ?? node, span);
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
        return { type: 'reference', span, literal: false, reference: [node.text] };
      case 'collection_value':
        return this.term(named(node)[0] ?? node, span);
      case 'tuple': {
        const items = named(node)
          .filter((child) => child.type === 'expression')
          .map((child) => this.expression(child));
        const literal = items.every((item) => item.literal);
        return { type: 'tuple', span, literal, value: literal ? items.map((item) => item.value!) : undefined, items };
      }
      case 'object':
        return this.object(node, span);
      case 'template_expr':
        return this.template(named(node)[0], span);
      case 'function_call': {
        const name = named(node).find((child) => child.type === 'identifier');
        return { type: 'call', span, literal: false, functionName: name?.text };
      }
      case 'operation': {
        const unary = named(node)[0];
        const operand = unary?.type === 'unary_operation' ? named(unary)[0] : undefined;
        if (operand && unary.text.trimStart().startsWith('-')) {
          const inner = this.term(operand, span);
          if (inner.type === 'number' && typeof inner.value === 'number') return { ...inner, value: -inner.value };
        }
        return other(span);
      }
      default:
        return other(span);
    }
  }

  object(node: Node, span: Span): Expr {
    const entries: ObjectEntry[] = [];
    for (const element of named(node)) {
      if (element.type !== 'object_elem') continue;
      const keyNode = element.childForFieldName('key');
      const valueNode = element.childForFieldName('val');
      if (!keyNode || !valueNode) continue;
      const keyExpr = this.expression(keyNode);
      const bareName = keyExpr.type === 'reference' && keyExpr.reference?.length === 1 ? keyExpr.reference[0] : undefined;
      const key = bareName ?? (typeof keyExpr.value === 'string' && keyExpr.literal ? keyExpr.value : undefined);
      entries.push({ key, keySpan: keyExpr.span, value: this.expression(valueNode) });
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
  template(node: Node | undefined, span: Span): Expr {
    if (!node) return other(span);
    const parts = named(node);
    if (parts.some((part) => part.type === 'template_interpolation' || part.type === 'template_directive')) {
      return { type: 'template', span, literal: false };
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
