/**
 * Evaluates Terraform expressions the way `terraform plan` would for the values a file can show,
 * and remembers where each value comes from, so a rule can report a wrong value where the user
 * must change it: the literal in this file, the argument a caller passes to a module, or the
 * module call that leaves an argument at an unsafe default. Anything the files cannot show
 * (resource attributes, data sources, a reusable module's variables) is unknown: no claim.
 */
import type { Span } from '../../engine/types';
import { factsOf } from './facts';
import type { Block, Expr, TerraformModel, TraversalStep } from './model';
import { attribute } from './model';

/** A place a value passed through on its way from its source to the attribute that uses it. */
export interface Site {
  /** `value`: an expression; `absent`: an attribute missing from a block; `unset`: an argument a module call does not pass. */
  kind: 'value' | 'absent' | 'unset';
  path: string;
  span: Span;
  /** The attribute or argument the value is written under (or the one missing), for messages and fixes. */
  setting?: string;
  /** A `value` site that is exactly this value, written as a literal: it can be replaced in place. */
  exact?: boolean;
  /**
   * The value was computed from this site (a condition, a function input) rather than passed
   * through it unchanged: changing it changes the value, but not by writing the value here.
   */
  derived?: boolean;
  /** For `absent` and `unset`: the block the setting belongs in. */
  block?: Block;
}

export type Plain = null | boolean | number | string | Known[] | Map<string, Known>;

export interface Known {
  known: true;
  value: Plain;
  /** From the attribute that uses the value outward to its source (container sites before item sites). */
  sites: Site[];
}

export interface Unknown {
  known: false;
  /** Decided by whoever calls a reusable module. */
  caller?: boolean;
  /** The expression fails (a missing key, an index out of range): `try()` moves on to its next argument. */
  error?: boolean;
}

export type Value = Known | Unknown;

const UNKNOWN: Unknown = { known: false };
const CALLER: Unknown = { known: false, caller: true };
const ERROR: Unknown = { known: false, error: true };

/** How deep evaluation may recurse, across modules and locals, before giving up (unknown). */
const MAX_EVALUATION_DEPTH = 400;
/** Elements a `for` expression or a function may produce before the result is unknown. */
const MAX_ELEMENTS = 2000;

export function known(value: Plain, sites: Site[]): Known {
  return { known: true, value, sites };
}

/** The same value seen through one more place (a reference, a module argument). */
export function through(sites: Site[], value: Value): Value {
  return value.known ? { known: true, value: value.value, sites: [...sites, ...value.sites] } : value;
}

function inexact(sites: Site[]): Site[] {
  return sites.map((site) => (site.derived ? site : { ...site, exact: false, derived: true }));
}

/** A value computed from others (a function result): it comes from their sites, but is none of them. */
function derived(value: Plain, ...from: Known[]): Known {
  return known(value, inexact(from.flatMap((input) => input.sites)));
}

/** An expression with an operand that fails fails too (`try()` moves on); else it is the caller's if an operand is. */
function unknownFrom(...values: Value[]): Unknown {
  if (values.some((value) => !value.known && value.error)) return ERROR;
  return values.some((value) => !value.known && value.caller) ? CALLER : UNKNOWN;
}

/** Plain JavaScript data for comparisons and for rules that only need the value. */
export function plain(value: Known): unknown {
  const inner = value.value;
  if (Array.isArray(inner)) return inner.map(plain);
  if (inner instanceof Map) return Object.fromEntries([...inner].map(([key, item]) => [key, plain(item)]));
  return inner;
}

function equal(a: Known, b: Known): boolean {
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

function truthy(value: Known): boolean | undefined {
  if (value.value === true || value.value === 'true') return true;
  if (value.value === false || value.value === 'false') return false;
  return undefined;
}

function numeric(value: Known): number | undefined {
  if (typeof value.value === 'number') return value.value;
  if (typeof value.value === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value))) return Number(value.value);
  return undefined;
}

function text(value: Known): string | undefined {
  if (typeof value.value === 'string') return value.value;
  if (typeof value.value === 'number' || typeof value.value === 'boolean') return String(value.value);
  return undefined;
}

/** A list's items, each seen through the list's own sites. */
function itemsOf(value: Known): Known[] | undefined {
  const inner = value.value;
  if (Array.isArray(inner)) return inner.map((item) => ({ known: true, value: item.value, sites: [...value.sites, ...item.sites] }));
  return undefined;
}

/** One entry of an object, seen through the object's sites (without copying the others). */
function entryOf(value: Known, key: string): Known | undefined {
  const inner = value.value;
  if (!(inner instanceof Map)) return undefined;
  const item = inner.get(key);
  return item && { known: true, value: item.value, sites: value.sites.length ? [...value.sites, ...item.sites] : item.sites };
}

function entriesOf(value: Known): Map<string, Known> | undefined {
  const inner = value.value;
  if (!(inner instanceof Map)) return undefined;
  const entries = new Map<string, Known>();
  for (const [key, item] of inner) entries.set(key, { known: true, value: item.value, sites: [...value.sites, ...item.sites] });
  return entries;
}

/** A module call being evaluated: the callee's variables are its arguments. */
export interface ModuleCall {
  block: Block;
  /** The caller's file. */
  path: string;
  /** Where the arguments evaluate: the caller's context, with the call's own count.index / each. */
  context: EvalContext;
  /** A registry module called outside the versions its mapping was checked against: its defaults are unknown. */
  defaultsUnknown: boolean;
  /** Inputs whose defaults hold in every version of the module, unknown defaults or not. */
  stableDefaults?: ReadonlySet<string>;
}

/**
 * How a module's variables get their values: `root` from their defaults (what `terraform apply`
 * uses unless told otherwise), `reusable` from callers not in view (unknown), `called` from the
 * arguments of the module call being followed.
 */
export type ScopeMode = 'root' | 'reusable' | 'called';

/** Shared by every scope of one analysis, so recursion is bounded across module boundaries. */
interface Budget {
  depth: number;
}

export class ModuleScope {
  private readonly variables = new Map<string, { block: Block; path: string }>();
  private readonly locals = new Map<string, { expr: Expr; path: string }>();
  private readonly variableValues = new Map<string, Value>();
  readonly context: EvalContext;

  constructor(
    readonly dir: string,
    readonly files: readonly TerraformModel[],
    readonly mode: ScopeMode,
    readonly call?: ModuleCall,
    readonly budget: Budget = { depth: 0 },
  ) {
    for (const file of files) {
      const facts = factsOf(file);
      for (const [name, block] of facts.variables) if (!this.variables.has(name)) this.variables.set(name, { block, path: file.path });
      for (const [name, attr] of facts.locals) if (!this.locals.has(name)) this.locals.set(name, { expr: attr.value, path: file.path });
    }
    this.context = new EvalContext(this);
  }

  hasVariable(name: string): boolean {
    return this.variables.has(name);
  }

  /** A variable's value, before the reference that reads it is added to its sites. */
  variable(name: string): Value {
    let value = this.variableValues.get(name);
    if (value === undefined) {
      // A cycle through module calls is cut here: the variable is unknown while it is being evaluated.
      this.variableValues.set(name, UNKNOWN);
      value = this.computeVariable(name);
      this.variableValues.set(name, value);
    }
    return value;
  }

  private computeVariable(name: string): Value {
    if (this.mode === 'reusable') return CALLER;
    const declared = this.variables.get(name);
    if (this.mode === 'called' && this.call) {
      const argument = attribute(this.call.block, name);
      if (argument) {
        const passed = this.call.context.evaluate(argument.value, this.call.path, name);
        const nonNullable = declared && literalOf(attribute(declared.block, 'nullable')?.value) === false;
        if (!(passed.known && passed.value === null && nonNullable)) return passed;
      }
      if (this.call.defaultsUnknown && !this.call.stableDefaults?.has(name)) return UNKNOWN;
      const fallback = declared ? attribute(declared.block, 'default') : undefined;
      if (!declared || !fallback) return UNKNOWN;
      const unset: Site = { kind: 'unset', path: this.call.path, span: this.call.block.headerSpan, setting: name, block: this.call.block };
      return through([unset], this.context.evaluate(fallback.value, declared.path, name));
    }
    const fallback = declared ? attribute(declared.block, 'default') : undefined;
    if (!declared || !fallback) return UNKNOWN;
    return this.context.evaluate(fallback.value, declared.path, name);
  }

  local(name: string): Value {
    const found = this.locals.get(name);
    if (!found) return ERROR;
    return this.context.evaluate(found.expr, found.path, name);
  }
}

function literalOf(expr: Expr | undefined): unknown {
  return expr?.literal ? expr.value : undefined;
}

/** Evaluates expressions of one module, with the iterators in force (count.index, each, a dynamic block's). */
export class EvalContext {
  private readonly memo = new WeakMap<Expr, Value>();
  private readonly pending = new WeakSet<Expr>();

  constructor(
    readonly scope: ModuleScope,
    private readonly iterators?: ReadonlyMap<string, Value>,
  ) {}

  /** A context with more iterators bound (`count.index`, `each.value`, `ingress.value`, a `for` variable). */
  with(bindings: ReadonlyMap<string, Value>): EvalContext {
    const merged = new Map(this.iterators ?? []);
    for (const [name, value] of bindings) merged.set(name, value);
    return new EvalContext(this.scope, merged);
  }

  /** `path` is the file the expression is written in; `setting` the attribute it is the value of. */
  evaluate(expr: Expr, path: string, setting?: string): Value {
    const remembered = this.memo.get(expr);
    if (remembered) return remembered;
    if (this.pending.has(expr)) return UNKNOWN;
    const budget = this.scope.budget;
    if (budget.depth >= MAX_EVALUATION_DEPTH) return UNKNOWN;
    budget.depth++;
    this.pending.add(expr);
    let value: Value;
    try {
      value = this.compute(expr, path, setting);
    } finally {
      budget.depth--;
      this.pending.delete(expr);
    }
    this.memo.set(expr, value);
    return value;
  }

  private site(expr: Expr, path: string, setting: string | undefined, exact: boolean): Site {
    return { kind: 'value', path, span: expr.span, setting, exact };
  }

  private compute(expr: Expr, path: string, setting: string | undefined): Value {
    switch (expr.type) {
      case 'string':
      case 'number':
      case 'bool':
      case 'null':
        return known(expr.value as Plain, [this.site(expr, path, setting, true)]);
      case 'tuple': {
        const items: Known[] = [];
        for (const item of expr.items ?? []) {
          const value = this.evaluate(item, path, setting);
          // A list with one unknown element is still a list: the known elements can be judged.
          items.push(value.known ? value : { known: true, value: UNKNOWN_ITEM, sites: [] });
        }
        return known(items, [this.site(expr, path, setting, false)]);
      }
      case 'object': {
        const entries = new Map<string, Known>();
        for (const entry of expr.entries ?? []) {
          // A computed key (`(var.k) = 1`) makes the object's shape unknown.
          if (entry.key === undefined) return UNKNOWN;
          const value = this.evaluate(entry.value, path, setting === undefined ? entry.key : `${setting}.${entry.key}`);
          entries.set(entry.key, value.known ? value : { known: true, value: UNKNOWN_ITEM, sites: [] });
        }
        return known(entries, [this.site(expr, path, setting, false)]);
      }
      case 'template': {
        if (!expr.parts) return UNKNOWN;
        let result = '';
        const from: Known[] = [];
        for (const part of expr.parts) {
          if (typeof part === 'string') {
            result += part;
            continue;
          }
          const value = this.evaluate(part, path, setting);
          if (!value.known || isUnknownItem(value)) return value.known ? UNKNOWN : unknownFrom(value);
          const piece = text(value);
          if (piece === undefined) return value.value === null ? ERROR : UNKNOWN;
          result += piece;
          from.push(value);
        }
        return known(result, [this.site(expr, path, setting, false), ...inexact(from.flatMap((value) => value.sites))]);
      }
      case 'reference':
        return this.reference(expr, path, setting);
      case 'traversal': {
        if (!expr.base) return UNKNOWN;
        return this.steps(this.evaluate(expr.base, path, setting), expr.steps ?? [], path, setting);
      }
      case 'conditional':
        return this.conditional(expr, path, setting);
      case 'operation':
        return this.operation(expr, path, setting);
      case 'call':
        return this.call(expr, path, setting);
      case 'for':
        return this.forExpression(expr, path, setting);
      default:
        return UNKNOWN;
    }
  }

  private reference(expr: Expr, path: string, setting: string | undefined): Value {
    const root = expr.reference?.[0];
    const steps = expr.steps ?? [];
    if (root === undefined) return UNKNOWN;
    const first = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    const via = [this.site(expr, path, setting, false)];
    if (this.iterators?.has(root)) return this.steps(through(via, this.iterators.get(root)!), steps, path, setting);
    if (first !== undefined && this.iterators?.has(`${root}.${first}`)) {
      return this.steps(through(via, this.iterators.get(`${root}.${first}`)!), steps.slice(1), path, setting);
    }
    if (first === undefined) return UNKNOWN;
    if (root === 'var') return this.steps(through(via, this.scope.variable(first)), steps.slice(1), path, setting);
    if (root === 'local') return this.steps(through(via, this.scope.local(first)), steps.slice(1), path, setting);
    // Resources, data sources, module outputs, count/each outside an expansion: known only after apply.
    return UNKNOWN;
  }

  private steps(start: Value, steps: readonly TraversalStep[], path: string, setting: string | undefined): Value {
    let value = start;
    for (let i = 0; i < steps.length; i++) {
      if (!value.known) return value;
      if (isUnknownItem(value)) return UNKNOWN;
      const step = steps[i];
      if (step.kind === 'splat') {
        const list = value.value === null ? [] : itemsOf(value) ?? [value];
        const mapped: Known[] = [];
        for (const item of list) {
          const inner = this.steps(item, steps.slice(i + 1), path, setting);
          if (!inner.known) return inner;
          mapped.push(inner);
        }
        return known(mapped, inexact(value.sites));
      }
      if (step.kind === 'attr') {
        value = entryOf(value, step.name) ?? ERROR;
        continue;
      }
      const index = this.evaluate(step.index, path, setting);
      if (!index.known) return unknownFrom(index);
      const list = value.value;
      if (Array.isArray(list)) {
        const at = numeric(index);
        const item = at !== undefined && Number.isInteger(at) && at >= 0 && at < list.length ? list[at] : undefined;
        value = item ? { known: true, value: item.value, sites: [...value.sites, ...item.sites] } : ERROR;
        continue;
      }
      const key = text(index);
      value = (key !== undefined ? entryOf(value, key) : undefined) ?? ERROR;
    }
    return value.known && isUnknownItem(value) ? UNKNOWN : value;
  }

  private conditional(expr: Expr, path: string, setting: string | undefined): Value {
    const [test, then, otherwise] = expr.operands!;
    const condition = this.evaluate(test, path, setting);
    if (condition.known) {
      const chosen = truthy(condition);
      if (chosen === undefined) return ERROR;
      // Whoever decided the condition decided the result too: its sites come first, the branch's after.
      return through(inexact(condition.sites), this.evaluate(chosen ? then : otherwise, path, setting));
    }
    if (condition.error) return ERROR;
    const a = this.evaluate(then, path, setting);
    const b = this.evaluate(otherwise, path, setting);
    if (a.known && b.known && equal(a, b)) return a;
    return unknownFrom(condition);
  }

  private operation(expr: Expr, path: string, setting: string | undefined): Value {
    const operands = expr.operands ?? [];
    const operator = expr.operator;
    if (operands.length === 1) {
      const value = this.evaluate(operands[0], path, setting);
      if (!value.known) return value;
      if (operator === '!') {
        const bool = truthy(value);
        return bool === undefined ? ERROR : derived(!bool, value);
      }
      const number = numeric(value);
      return number === undefined ? ERROR : derived(-number, value);
    }
    const left = this.evaluate(operands[0], path, setting);
    if (operator === '&&' || operator === '||') {
      const short = operator === '&&' ? false : true;
      if (left.known && truthy(left) === short) return derived(short, left);
      const right = this.evaluate(operands[1], path, setting);
      if (right.known && truthy(right) === short) return derived(short, right);
      if (!left.known || !right.known) return unknownFrom(left, right);
      const a = truthy(left);
      const b = truthy(right);
      if (a === undefined || b === undefined) return ERROR;
      return derived(operator === '&&' ? a && b : a || b, left, right);
    }
    const right = this.evaluate(operands[1], path, setting);
    if (!left.known || !right.known) return unknownFrom(left, right);
    if (isUnknownItem(left) || isUnknownItem(right)) return UNKNOWN;
    if (operator === '==') return derived(equal(left, right), left, right);
    if (operator === '!=') return derived(!equal(left, right), left, right);
    const a = numeric(left);
    const b = numeric(right);
    if (a === undefined || b === undefined) return ERROR;
    switch (operator) {
      case '<':
        return derived(a < b, left, right);
      case '>':
        return derived(a > b, left, right);
      case '<=':
        return derived(a <= b, left, right);
      case '>=':
        return derived(a >= b, left, right);
      case '+':
        return derived(a + b, left, right);
      case '-':
        return derived(a - b, left, right);
      case '*':
        return derived(a * b, left, right);
      case '/':
        return b === 0 ? ERROR : derived(a / b, left, right);
      case '%':
        return b === 0 ? ERROR : derived(a % b, left, right);
      default:
        return UNKNOWN;
    }
  }

  private forExpression(expr: Expr, path: string, setting: string | undefined): Value {
    const spec = expr.forExpr!;
    const collection = this.evaluate(spec.collection, path, setting);
    if (!collection.known) return collection;
    const pairs: [Known, Known][] = [];
    const items = itemsOf(collection);
    if (items) items.forEach((item, index) => pairs.push([known(index, inexact(collection.sites)), item]));
    else {
      const entries = entriesOf(collection);
      if (!entries) return collection.value === null ? ERROR : UNKNOWN;
      for (const [key, item] of entries) pairs.push([known(key, inexact(collection.sites)), item]);
    }
    if (pairs.length > MAX_ELEMENTS) return UNKNOWN;
    const listResult: Known[] = [];
    const mapResult = new Map<string, Known>();
    for (const [key, item] of pairs) {
      if (isUnknownItem(item)) return UNKNOWN;
      const bindings = new Map<string, Value>([[spec.valueName, item]]);
      if (spec.keyName !== undefined) bindings.set(spec.keyName, key);
      const inner = this.with(bindings);
      if (spec.condition) {
        const keep = inner.evaluate(spec.condition, path, setting);
        if (!keep.known) return unknownFrom(keep);
        const bool = truthy(keep);
        if (bool === undefined) return ERROR;
        if (!bool) continue;
      }
      const value = inner.evaluate(spec.value, path, setting);
      if (!value.known) return value;
      if (!spec.key) {
        listResult.push(value);
        continue;
      }
      if (spec.grouping) return UNKNOWN;
      const keyValue = inner.evaluate(spec.key, path, setting);
      if (!keyValue.known) return unknownFrom(keyValue);
      const name = text(keyValue);
      if (name === undefined) return ERROR;
      mapResult.set(name, value);
    }
    return known(spec.key ? mapResult : listResult, inexact(collection.sites));
  }

  private call(expr: Expr, path: string, setting: string | undefined): Value {
    const name = expr.functionName ?? '';
    const args = expr.args ?? [];
    if (expr.expandArgs) return UNKNOWN;
    const implementation = FUNCTIONS[name];
    if (!implementation) return UNKNOWN;
    const evaluateArg = (index: number): Value => (index < args.length ? this.evaluate(args[index], path, setting) : ERROR);
    return implementation(evaluateArg, args.length);
  }
}

/** Marks an element that could not be evaluated inside a list or object that otherwise could. */
const UNKNOWN_ITEM: Plain = new Map<string, Known>([['\u0000unknown', { known: true, value: null, sites: [] }]]);

export function isUnknownItem(value: Known): boolean {
  return value.value === UNKNOWN_ITEM;
}

type Arg = (index: number) => Value;
type Implementation = (arg: Arg, count: number) => Value;

/** Evaluates every argument; undefined (with the reason) when one is not known. */
function all(arg: Arg, count: number): Known[] | Unknown {
  const values: Known[] = [];
  for (let i = 0; i < count; i++) {
    const value = arg(i);
    if (!value.known || isUnknownItem(value)) return value.known ? UNKNOWN : value;
    values.push(value);
  }
  return values;
}

function listFunction(transform: (items: Known[], list: Known) => Value): Implementation {
  return (arg) => {
    const list = arg(0);
    if (!list.known) return list;
    const items = itemsOf(list);
    if (!items) return list.value === null ? ERROR : UNKNOWN;
    if (items.some(isUnknownItem)) return UNKNOWN;
    return transform(items, list);
  };
}

function stringFunction(transform: (value: string) => string): Implementation {
  return (arg) => {
    const value = arg(0);
    if (!value.known) return value;
    const string = text(value);
    return string === undefined ? ERROR : derived(transform(string), value);
  };
}

const FUNCTIONS: Record<string, Implementation> = {
  lookup(arg, count) {
    const map = arg(0);
    const key = arg(1);
    if (!map.known || !key.known) return unknownFrom(map, key);
    const name = text(key);
    if (name === undefined || !(map.value instanceof Map)) return map.value === null ? ERROR : UNKNOWN;
    const found = entryOf(map, name);
    if (found) return isUnknownItem(found) ? UNKNOWN : found;
    // The map that lacks the key decided that the default is used.
    return count > 2 ? through(inexact(map.sites), arg(2)) : ERROR;
  },
  try(arg, count) {
    for (let i = 0; i < count; i++) {
      const value = arg(i);
      if (value.known || !value.error) return value;
    }
    return ERROR;
  },
  can(arg) {
    const value = arg(0);
    if (value.known) return derived(true, value);
    return value.error ? known(false, []) : value;
  },
  coalesce(arg, count) {
    // The empty arguments skipped decided that a later one is used.
    const skipped: Site[] = [];
    for (let i = 0; i < count; i++) {
      const value = arg(i);
      if (!value.known) return value;
      if (value.value !== null && value.value !== '') return through(inexact(skipped), value);
      skipped.push(...value.sites);
    }
    return ERROR;
  },
  coalescelist(arg, count) {
    for (let i = 0; i < count; i++) {
      const value = arg(i);
      if (!value.known) return value;
      const items = itemsOf(value);
      if (items && items.length > 0) return value;
    }
    return ERROR;
  },
  concat(arg, count) {
    const values = all(arg, count);
    if (!Array.isArray(values)) return values;
    const items: Known[] = [];
    for (const value of values) {
      const inner = itemsOf(value);
      if (!inner) return ERROR;
      items.push(...inner);
    }
    return items.length > MAX_ELEMENTS ? UNKNOWN : known(items, inexact(values.flatMap((value) => value.sites)));
  },
  compact: listFunction((items, list) => known(items.filter((item) => item.value !== null && item.value !== ''), inexact(list.sites))),
  distinct: listFunction((items, list) => {
    const seen = new Set<string>();
    return known(
      items.filter((item) => {
        const key = JSON.stringify(plain(item));
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
      inexact(list.sites),
    );
  }),
  flatten: listFunction((items, list) => {
    const flat: Known[] = [];
    const visit = (item: Known, depth: number): boolean => {
      const inner = itemsOf(item);
      if (!inner) {
        flat.push(item);
        return flat.length <= MAX_ELEMENTS;
      }
      if (depth > 16) return false;
      return inner.every((child) => visit(child, depth + 1));
    };
    return items.every((item) => visit(item, 0)) ? known(flat, inexact(list.sites)) : UNKNOWN;
  }),
  sort: listFunction((items, list) => {
    const strings = items.map(text);
    if (strings.some((value) => value === undefined)) return ERROR;
    return known(
      items.map((item, index) => ({ item, key: strings[index]! })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ item }) => item),
      inexact(list.sites),
    );
  }),
  toset: listFunction((items, list) => FUNCTIONS.distinct(() => known(items, list.sites), 1)),
  tolist(arg) {
    const value = arg(0);
    if (!value.known) return value;
    return itemsOf(value) ? value : ERROR;
  },
  tomap(arg) {
    const value = arg(0);
    if (!value.known) return value;
    return entriesOf(value) ? value : ERROR;
  },
  one: listFunction((items, list) => (items.length === 0 ? known(null, inexact(list.sites)) : items.length === 1 ? items[0] : ERROR)),
  element(arg) {
    const list = arg(0);
    const index = arg(1);
    if (!list.known || !index.known) return unknownFrom(list, index);
    const items = itemsOf(list);
    const at = numeric(index);
    if (!items || items.length === 0 || at === undefined) return ERROR;
    const item = items[Math.floor(at) % items.length];
    return isUnknownItem(item) ? UNKNOWN : item;
  },
  contains(arg) {
    const list = arg(0);
    const wanted = arg(1);
    if (!list.known || !wanted.known) return unknownFrom(list, wanted);
    const items = itemsOf(list);
    if (!items) return ERROR;
    if (items.some((item) => !isUnknownItem(item) && equal(item, wanted))) return derived(true, list, wanted);
    return items.some(isUnknownItem) ? UNKNOWN : derived(false, list, wanted);
  },
  length(arg) {
    const value = arg(0);
    if (!value.known) return value;
    if (typeof value.value === 'string') return derived([...value.value].length, value);
    const items = itemsOf(value);
    if (items) return derived(items.length, value);
    const entries = entriesOf(value);
    return entries ? derived(entries.size, value) : ERROR;
  },
  keys(arg) {
    const value = arg(0);
    if (!value.known) return value;
    const entries = entriesOf(value);
    if (!entries) return ERROR;
    return known(
      [...entries.keys()].sort().map((key) => known(key, inexact(value.sites))),
      inexact(value.sites),
    );
  },
  values(arg) {
    const value = arg(0);
    if (!value.known) return value;
    const entries = entriesOf(value);
    if (!entries) return ERROR;
    return known(
      [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item),
      inexact(value.sites),
    );
  },
  merge(arg, count) {
    const values = all(arg, count);
    if (!Array.isArray(values)) return values;
    const merged = new Map<string, Known>();
    for (const value of values) {
      if (value.value === null) continue;
      const entries = entriesOf(value);
      if (!entries) return ERROR;
      for (const [key, item] of entries) merged.set(key, item);
    }
    return known(merged, inexact(values.flatMap((value) => value.sites)));
  },
  split(arg) {
    const separator = arg(0);
    const value = arg(1);
    if (!separator.known || !value.known) return unknownFrom(separator, value);
    const by = text(separator);
    const string = text(value);
    if (by === undefined || string === undefined) return ERROR;
    const parts = string.split(by);
    return parts.length > MAX_ELEMENTS ? UNKNOWN : known(parts.map((part) => derived(part, value)), inexact(value.sites));
  },
  join(arg) {
    const separator = arg(0);
    const list = arg(1);
    if (!separator.known || !list.known) return unknownFrom(separator, list);
    const by = text(separator);
    const items = itemsOf(list);
    if (by === undefined || !items) return ERROR;
    if (items.some(isUnknownItem)) return UNKNOWN;
    const strings = items.map(text);
    if (strings.some((value) => value === undefined)) return ERROR;
    return derived(strings.join(by), list, ...items);
  },
  tostring(arg) {
    const value = arg(0);
    if (!value.known) return value;
    if (value.value === null) return value;
    const string = text(value);
    return string === undefined ? ERROR : typeof value.value === 'string' ? value : derived(string, value);
  },
  tonumber(arg) {
    const value = arg(0);
    if (!value.known) return value;
    if (value.value === null || typeof value.value === 'number') return value;
    const number = numeric(value);
    return number === undefined ? ERROR : derived(number, value);
  },
  tobool(arg) {
    const value = arg(0);
    if (!value.known) return value;
    if (value.value === null || typeof value.value === 'boolean') return value;
    const bool = truthy(value);
    return bool === undefined ? ERROR : derived(bool, value);
  },
  lower: stringFunction((value) => value.toLowerCase()),
  upper: stringFunction((value) => value.toUpperCase()),
  title: stringFunction((value) => value.replace(/\b\w/g, (letter) => letter.toUpperCase())),
  trimspace: stringFunction((value) => value.trim()),
  max(arg, count) {
    const values = all(arg, count);
    if (!Array.isArray(values)) return values;
    const numbers = values.map(numeric);
    if (numbers.length === 0 || numbers.some((value) => value === undefined)) return ERROR;
    return derived(Math.max(...(numbers as number[])), ...values);
  },
  min(arg, count) {
    const values = all(arg, count);
    if (!Array.isArray(values)) return values;
    const numbers = values.map(numeric);
    if (numbers.length === 0 || numbers.some((value) => value === undefined)) return ERROR;
    return derived(Math.min(...(numbers as number[])), ...values);
  },
  anytrue: listFunction((items, list) => {
    if (items.some((item) => truthy(item) === true)) return derived(true, list);
    return items.every((item) => truthy(item) === false) ? derived(false, list) : ERROR;
  }),
  alltrue: listFunction((items, list) => {
    if (items.some((item) => truthy(item) === false)) return derived(false, list);
    return items.every((item) => truthy(item) === true) ? derived(true, list) : ERROR;
  }),
  startswith(arg) {
    const value = arg(0);
    const prefix = arg(1);
    if (!value.known || !prefix.known) return unknownFrom(value, prefix);
    const a = text(value);
    const b = text(prefix);
    return a === undefined || b === undefined ? ERROR : derived(a.startsWith(b), value, prefix);
  },
  endswith(arg) {
    const value = arg(0);
    const suffix = arg(1);
    if (!value.known || !suffix.known) return unknownFrom(value, suffix);
    const a = text(value);
    const b = text(suffix);
    return a === undefined || b === undefined ? ERROR : derived(a.endsWith(b), value, suffix);
  },
};

export function truthyValue(value: Known): boolean | undefined {
  return truthy(value);
}

export function numericValue(value: Known): number | undefined {
  return numeric(value);
}

export function textValue(value: Known): string | undefined {
  return text(value);
}

export function listItems(value: Known): Known[] | undefined {
  const items = itemsOf(value);
  return items?.filter((item) => !isUnknownItem(item));
}

export function mapEntries(value: Known): Map<string, Known> | undefined {
  return entriesOf(value);
}

/** A list's items when every one is known; undefined when it is not a list or one item is unknown. */
export function completeList(value: Known): Known[] | undefined {
  const items = itemsOf(value);
  return items && !items.some(isUnknownItem) ? items : undefined;
}
