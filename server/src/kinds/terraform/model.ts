/**
 * The typed Terraform model: blocks, attributes and expressions with source offsets. It is plain
 * data built once from the tree-sitter tree (which is freed right after), so rules and caches never
 * hold WebAssembly memory.
 */
import type { BaseModel, Span } from '../../engine/types';

export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

export type ExprType =
  | 'string'
  | 'number'
  | 'bool'
  | 'null'
  | 'tuple'
  | 'object'
  | 'template'
  | 'reference'
  | 'call'
  | 'conditional'
  | 'operation'
  | 'traversal'
  | 'for'
  | 'other';

/** One step of a traversal after its root: `.name`, `[index]` or a splat (`[*]`, `.*`). */
export type TraversalStep = { kind: 'attr'; name: string } | { kind: 'index'; index: Expr } | { kind: 'splat' };

export interface ObjectEntry {
  /** The key as a string when it is a bare name or a literal string; undefined for computed keys. */
  key?: string;
  keySpan: Span;
  value: Expr;
}

export interface Expr {
  type: ExprType;
  span: Span;
  /** True when the whole expression is a literal (nested collections included); `value` then holds it. */
  literal: boolean;
  value?: LiteralValue;
  items?: Expr[];
  entries?: ObjectEntry[];
  /** For references: the names of the traversal (`var.x` -> ['var', 'x']), up to the first index or splat. */
  reference?: string[];
  /** For references: every step after the root name (`var.m[count.index].k` -> [.m, [count.index], .k]). */
  steps?: TraversalStep[];
  /** For traversals of something other than a name (`merge(a, b)["k"]`, `(var.x).y`): what is traversed; `steps` follow it. */
  base?: Expr;
  /** For function calls: the function name (`merge`, `provider::aws::arn_parse`). */
  functionName?: string;
  /** For function calls: the arguments, and whether the last one is expanded (`f(list...)`). */
  args?: Expr[];
  expandArgs?: boolean;
  /** For conditionals: [condition, then, else]; for operations: the operand(s) of `operator`. */
  operands?: Expr[];
  /** For operations: `!`, `-` (unary) or a binary operator (`&&`, `==`, `+` ...). */
  operator?: string;
  /** For quoted templates: literal text and interpolated expressions in order (absent when a directive is used). */
  parts?: (string | Expr)[];
  /** For `for` expressions. */
  forExpr?: ForExpr;
}

/** `[for k, v in collection : value if condition]` or `{for k, v in collection : key => value}`. */
export interface ForExpr {
  keyName?: string;
  valueName: string;
  collection: Expr;
  /** Set for object results (`{for ...}`). */
  key?: Expr;
  value: Expr;
  condition?: Expr;
  /** `key => value...`: values grouped by key. */
  grouping: boolean;
}

export interface Attribute {
  name: string;
  nameSpan: Span;
  /** From the name to the end of the value. */
  span: Span;
  value: Expr;
}

export interface Label {
  value: string;
  span: Span;
}

export interface Block {
  /** `resource`, `ingress`, `dynamic`, ... */
  type: string;
  typeSpan: Span;
  labels: Label[];
  /** From the block type to the end of the last label: where a finding about something missing points. */
  headerSpan: Span;
  /** The whole block, braces included. */
  span: Span;
  /** The `{` and the `}` (the latter empty at the block's end when it is missing). */
  openSpan: Span;
  closeSpan: Span;
  attributes: Attribute[];
  blocks: Block[];
}

export interface TerraformModel extends BaseModel {
  kind: 'terraform';
  /** Top-level blocks in source order. */
  blocks: Block[];
}

export function attribute(block: Block, name: string): Attribute | undefined {
  return block.attributes.find((candidate) => candidate.name === name);
}

/**
 * Nested blocks of a type, counting the `content` of `dynamic "<type>"` blocks as blocks of that
 * type: their values are usually unknown, but their presence is real.
 */
export function nestedBlocks(block: Block, type: string): Block[] {
  const found: Block[] = [];
  for (const child of block.blocks) {
    if (child.type === type) found.push(child);
    else if (child.type === 'dynamic' && child.labels[0]?.value === type) {
      found.push(...child.blocks.filter((inner) => inner.type === 'content'));
    }
  }
  return found;
}

/** Managed resources of the given types (`resource "<type>" "<name>"`). */
export function resourcesOf(blocks: readonly Block[], types: readonly string[]): Block[] {
  return blocks.filter((block) => block.type === 'resource' && types.includes(block.labels[0]?.value ?? ''));
}

export function resourceType(block: Block): string {
  return block.labels[0]?.value ?? '';
}

export function resourceName(block: Block): string {
  return block.labels[1]?.value ?? '';
}

/** A literal string value, or undefined when the expression is not one. */
export function literalString(expr: Expr | undefined): string | undefined {
  return expr?.literal && typeof expr.value === 'string' ? expr.value : undefined;
}

/** Every reference an expression makes (`aws_s3_bucket.logs.arn` -> ['aws_s3_bucket', 'logs', 'arn']), in templates, calls and collections too. */
export function referencesIn(expr: Expr | undefined): string[][] {
  const found: string[][] = [];
  const stack: Expr[] = expr ? [expr] : [];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.reference) found.push(next.reference);
    if (next.base) stack.push(next.base);
    for (const list of [next.items, next.args, next.operands]) if (list) stack.push(...list);
    for (const entry of next.entries ?? []) stack.push(entry.value);
    for (const part of next.parts ?? []) if (typeof part !== 'string') stack.push(part);
    for (const step of next.steps ?? []) if (step.kind === 'index') stack.push(step.index);
    if (next.forExpr) stack.push(next.forExpr.collection, next.forExpr.value, ...(next.forExpr.key ? [next.forExpr.key] : []), ...(next.forExpr.condition ? [next.forExpr.condition] : []));
  }
  return found;
}
