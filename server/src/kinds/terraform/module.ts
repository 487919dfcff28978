/**
 * A Terraform module is the .tf files of one directory. Rules that pair resources (a bucket and
 * its aws_s3_bucket_versioning) or read variable defaults look across the whole module.
 */
import type { RuleContext } from '../../engine/rule';
import type { Attribute, Block, Expr, LiteralValue, TerraformModel } from './model';
import { attribute, resourcesOf } from './model';

export type Resolved = { state: 'missing' } | { state: 'unknown' } | { state: 'known'; value: LiteralValue };

const UNKNOWN: Resolved = { state: 'unknown' };
const MISSING: Resolved = { state: 'missing' };

export function directoryOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut);
}

/** Per-file lookups, built once per (immutable) model and shared by every rule and every module view. */
interface FileIndex {
  dir: string;
  byBlockType: Map<string, Block[]>;
  byResourceType: Map<string, Block[]>;
  variables: Map<string, Block>;
}

const fileIndexes = new WeakMap<TerraformModel, FileIndex>();

function indexOf(model: TerraformModel): FileIndex {
  let index = fileIndexes.get(model);
  if (!index) {
    index = { dir: directoryOf(model.path), byBlockType: new Map(), byResourceType: new Map(), variables: new Map() };
    for (const block of model.blocks) {
      push(index.byBlockType, block.type, block);
      const label = block.labels[0]?.value;
      if (label === undefined) continue;
      if (block.type === 'resource') push(index.byResourceType, label, block);
      if (block.type === 'variable' && !index.variables.has(label)) index.variables.set(label, block);
    }
    fileIndexes.set(model, index);
  }
  return index;
}

function push(map: Map<string, Block[]>, key: string, block: Block): void {
  const list = map.get(key);
  if (list) list.push(block);
  else map.set(key, [block]);
}

export class TerraformModule {
  /** Every file of the module, the analyzed one first; it replaces any stale copy of itself. */
  readonly files: TerraformModel[];

  constructor(readonly model: TerraformModel, context: Pick<RuleContext<TerraformModel>, 'workspace'>) {
    const dir = directoryOf(model.path);
    const others = context.workspace
      .files('terraform')
      .map((file) => file.model as TerraformModel)
      .filter((other) => other.path !== model.path && Array.isArray(other.blocks) && indexOf(other).dir === dir);
    this.files = [model, ...others];
  }

  /** Top-level blocks of a type (`provider`, `variable`, ...) across the module. */
  blocksOfType(type: string): Block[] {
    return this.files.flatMap((file) => indexOf(file).byBlockType.get(type) ?? []);
  }

  /** Resources of these types across the module. */
  resources(...types: string[]): Block[] {
    return this.files.flatMap((file) => types.flatMap((type) => indexOf(file).byResourceType.get(type) ?? []));
  }

  /** Resources of these types declared in the analyzed file (the ones it reports on). */
  ownResources(...types: string[]): Block[] {
    return resourcesOf(this.model.blocks, types);
  }

  private variable(name: string): Block | undefined {
    for (const file of this.files) {
      const found = indexOf(file).variables.get(name);
      if (found) return found;
    }
    return undefined;
  }

  hasVariable(name: string): boolean {
    return this.variable(name) !== undefined;
  }

  /** A literal, or `var.x` with a literal default in this module; anything else is unknown. */
  resolve(expr: Expr | undefined): Resolved {
    if (!expr) return MISSING;
    if (expr.literal) return { state: 'known', value: expr.value! };
    const ref = expr.reference;
    if (expr.type === 'reference' && ref?.length === 2 && ref[0] === 'var') {
      const variable = this.variable(ref[1]);
      const fallback = variable ? attribute(variable, 'default') : undefined;
      if (fallback?.value.literal) return { state: 'known', value: fallback.value.value! };
    }
    return UNKNOWN;
  }

  /** The resolved value of a block's attribute; `missing` when the attribute is absent or null. */
  value(block: Block, name: string): Resolved & { attribute?: Attribute } {
    const attr = attribute(block, name);
    const resolved = this.resolve(attr?.value);
    if (resolved.state === 'known' && resolved.value === null) return { ...MISSING, attribute: attr };
    return { ...resolved, attribute: attr };
  }

  /**
   * Whether `expr` (a `bucket = ...` argument) points at the given resource: by reference
   * (`aws_s3_bucket.NAME.id`, `aws_s3_bucket.NAME[0].bucket`) or by the same literal name.
   * `unknown` when it cannot be told, so pairing rules stay silent instead of guessing.
   */
  pointsTo(expr: Expr | undefined, target: Block): 'yes' | 'no' | 'unknown' {
    if (!expr) return 'no';
    const ref = expr.reference;
    if (expr.type === 'reference' && ref && ref.length >= 2 && ref[0] !== 'var' && ref[0] !== 'local' && ref[0] !== 'data' && ref[0] !== 'module') {
      return ref[0] === target.labels[0]?.value && ref[1] === target.labels[1]?.value ? 'yes' : 'no';
    }
    const wanted = this.resolve(expr);
    if (wanted.state !== 'known') return 'unknown';
    const own = this.resolve(attribute(target, 'bucket')?.value);
    if (own.state !== 'known') return own.state === 'missing' ? 'no' : 'unknown';
    return own.value === wanted.value ? 'yes' : 'no';
  }

  /**
   * The companion resources of `target` among `companions` (matched on their `bucket` argument),
   * or undefined when some companion's target cannot be told (then nothing may be concluded).
   */
  companionsOf(target: Block, companions: readonly Block[], argument = 'bucket'): Block[] | undefined {
    const found: Block[] = [];
    for (const companion of companions) {
      const match = this.pointsTo(attribute(companion, argument)?.value, target);
      if (match === 'unknown') return undefined;
      if (match === 'yes') found.push(companion);
    }
    return found;
  }
}

/** `aws_db_instance.main`, for messages. */
export function address(block: Block): string {
  return block.labels.map((label) => label.value).join('.');
}

/** Terraform accepts "true"/"false" strings where it expects a bool. */
export function isTrue(value: LiteralValue): boolean {
  return value === true || value === 'true';
}
