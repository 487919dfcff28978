/**
 * A small, tolerant reader of Terraform (HCL) text for evidence: blocks with their labels,
 * attributes with their source text and literal value, nested blocks. The Terraform model of the
 * rules needs the tree-sitter WebAssembly parser, initialized asynchronously; evidence runs
 * synchronously on raw text (and on files the rules never parse), so it reads what it needs here.
 * Anything it does not understand is skipped to the next line; it never throws.
 */
import type { Span } from '../../engine/types';

export interface HclAttribute {
  name: string;
  /** The expression's source text, trimmed. */
  raw: string;
  span: Span;
  /** A literal string (without interpolation), number or bool. */
  value?: string | number | boolean;
}

export interface HclBlock {
  type: string;
  labels: string[];
  span: Span;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

const MAX_DEPTH = 64;

export function parseHcl(text: string): HclBlock[] {
  return new Reader(text).body(0).blocks;
}

/** Every block of the file, depth first (nested blocks after their parent). */
export function* allBlocks(blocks: readonly HclBlock[]): Generator<HclBlock> {
  const stack = [...blocks].reverse();
  while (stack.length > 0) {
    const block = stack.pop()!;
    yield block;
    for (let i = block.blocks.length - 1; i >= 0; i--) stack.push(block.blocks[i]);
  }
}

/** `resource "<type>" "<name>"` blocks of the given types (all resources when none are given). */
export function resources(blocks: readonly HclBlock[], ...types: string[]): HclBlock[] {
  return blocks.filter((block) => block.type === 'resource' && (types.length === 0 || types.includes(block.labels[0] ?? '')));
}

export function address(block: HclBlock): string {
  return block.labels.join('.');
}

export function nested(block: HclBlock, type: string): HclBlock[] {
  const found: HclBlock[] = [];
  for (const child of block.blocks) {
    if (child.type === type) found.push(child);
    else if (child.type === 'dynamic' && child.labels[0] === type) found.push(...child.blocks.filter((inner) => inner.type === 'content'));
  }
  return found;
}

export function literal(block: HclBlock | undefined, name: string): string | number | boolean | undefined {
  return block?.attributes.get(name)?.value;
}

export function isTrue(block: HclBlock | undefined, name: string): boolean {
  const value = literal(block, name);
  return value === true || value === 'true';
}

/**
 * The attribute is set to something the files show: a literal or a reference to a resource. A bare
 * variable, local or `null` is unknown (the caller decides), so it proves nothing either way.
 */
export function isSet(block: HclBlock | undefined, name: string): boolean {
  const raw = block?.attributes.get(name)?.raw;
  return raw !== undefined && raw !== 'null' && raw !== '""' && !/^(?:var|local|each|count)\.[\w.\[\]"-]+$/.test(raw);
}

export function numberOf(block: HclBlock | undefined, name: string): number | undefined {
  const value = literal(block, name);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+(?:\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  body(depth: number): { blocks: HclBlock[]; attributes: Map<string, HclAttribute> } {
    const blocks: HclBlock[] = [];
    const attributes = new Map<string, HclAttribute>();
    const { text } = this;
    while (this.pos < text.length) {
      this.skipSpaceAndComments(true);
      if (this.pos >= text.length) break;
      const c = text[this.pos];
      if (c === '}') {
        // A stray closing brace at the top level is skipped; inside a block it ends the block.
        if (depth > 0) return { blocks, attributes };
        this.pos++;
        continue;
      }
      const start = this.pos;
      const name = this.identifier();
      if (!name) {
        this.skipLine();
        continue;
      }
      this.skipSpaceAndComments(false);
      if (text[this.pos] === '=' && text[this.pos + 1] !== '=') {
        this.pos++;
        this.skipSpaceAndComments(false);
        const valueStart = this.pos;
        this.expression();
        const raw = text.slice(valueStart, this.pos).trim();
        if (!attributes.has(name)) attributes.set(name, { name, raw, span: { start: valueStart, end: valueStart + raw.length }, value: literalValue(raw) });
        continue;
      }
      const labels: string[] = [];
      while (this.pos < text.length) {
        this.skipSpaceAndComments(false);
        const d = text[this.pos];
        if (d === '"') labels.push(this.string());
        else if (/[A-Za-z_]/.test(d ?? '')) labels.push(this.identifier());
        else break;
      }
      this.skipSpaceAndComments(false);
      if (text[this.pos] !== '{') {
        this.skipLine();
        continue;
      }
      this.pos++;
      if (depth >= MAX_DEPTH) {
        this.skipBalanced();
        continue;
      }
      const inner = this.body(depth + 1);
      if (text[this.pos] === '}') this.pos++;
      blocks.push({ type: name, labels, span: { start, end: this.pos }, attributes: inner.attributes, blocks: inner.blocks });
    }
    return { blocks, attributes };
  }

  private identifier(): string {
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!match) return '';
    this.pos += match[0].length;
    return match[0];
  }

  /** A quoted string starting at `pos`; returns its content with escapes kept as written. */
  private string(): string {
    const { text } = this;
    const start = ++this.pos;
    let depth = 0;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === '\\') this.pos += 2;
      else if (c === '$' && text[this.pos + 1] === '{') {
        depth++;
        this.pos += 2;
      } else if (c === '}' && depth > 0) {
        depth--;
        this.pos++;
      } else if (c === '"' && depth > 0) {
        this.string();
      } else if (c === '"' || c === '\n') {
        const value = text.slice(start, this.pos);
        if (c === '"') this.pos++;
        return value;
      } else this.pos++;
    }
    return text.slice(start);
  }

  /** An expression up to the end of its line, across brackets, strings and heredocs. */
  private expression(): void {
    const { text } = this;
    let depth = 0;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === '"') this.string();
      else if (c === '<' && text[this.pos + 1] === '<') this.heredoc();
      else if (c === '#' || (c === '/' && text[this.pos + 1] === '/')) {
        if (depth === 0) return;
        this.skipLineComment();
      } else if (c === '/' && text[this.pos + 1] === '*') this.skipBlockComment();
      else if (c === '(' || c === '[' || c === '{') {
        depth++;
        this.pos++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return;
        depth--;
        this.pos++;
      } else if (c === '\n' && depth === 0) return;
      else this.pos++;
    }
  }

  private heredoc(): void {
    const match = /^<<-?\s*([A-Za-z_]\w*)[^\n]*\n/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!match) {
      this.pos += 2;
      return;
    }
    this.pos += match[0].length;
    const end = new RegExp(`^[ \\t]*${match[1]}[ \\t]*$`, 'm');
    const rest = end.exec(this.text.slice(this.pos));
    this.pos = rest ? this.pos + rest.index + rest[0].length : this.text.length;
  }

  private skipBalanced(): void {
    let depth = 1;
    while (this.pos < this.text.length && depth > 0) {
      const c = this.text[this.pos];
      if (c === '"') this.string();
      else if (c === '#' || (c === '/' && this.text[this.pos + 1] === '/')) this.skipLineComment();
      else {
        if (c === '{') depth++;
        else if (c === '}') depth--;
        this.pos++;
      }
    }
  }

  private skipSpaceAndComments(newlines: boolean): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && (c === '\n' || c === ','))) this.pos++;
      else if (c === '#' || (c === '/' && text[this.pos + 1] === '/')) this.skipLineComment();
      else if (c === '/' && text[this.pos + 1] === '*') this.skipBlockComment();
      else return;
    }
  }

  private skipLineComment(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.text.length : end;
  }

  private skipBlockComment(): void {
    const end = this.text.indexOf('*/', this.pos + 2);
    this.pos = end < 0 ? this.text.length : end + 2;
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.text.length : end + 1;
  }
}

function literalValue(raw: string): string | number | boolean | undefined {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  const quoted = /^"((?:[^"\\$]|\\.|\$(?!\{))*)"$/.exec(raw);
  return quoted ? quoted[1].replace(/\\(.)/g, '$1') : undefined;
}
