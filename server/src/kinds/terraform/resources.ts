/**
 * The resources an analyzed file deploys, as rules see them: the resources it declares, and the
 * ones created by the modules it calls (local modules of the workspace and mapped registry
 * modules), each with the context its expressions evaluate in. Built once per analyzed model and
 * workspace state, shared by every rule.
 */
import type { RuleContext, WorkspaceView } from '../../engine/rule';
import type { Span } from '../../engine/types';
import { calleeDirectory, factsOf, localSource, moduleDirectory } from './facts';
import { EvalContext, known, listItems, mapEntries, ModuleScope, numericValue, type Known, type ModuleCall, type Site, type Value } from './evaluate';
import type { Block, Expr, TerraformModel } from './model';
import { attribute, literalString } from './model';
import { registryModelOf, REGISTRY_PATH_PREFIX, registryModuleFor, versionOutsideRange } from './registry';
import { TerraformWorkspace } from './workspace';

/** Modules calling modules calling modules ... stop here (real stacks are 2 or 3 deep). */
const MAX_MODULE_DEPTH = 12;
/** Instances of one counted resource or module call followed before the rest is left out. */
const MAX_INSTANCES = 32;

export interface BlockView {
  block: Block;
  /** The file the block is written in (a registry mapping's virtual path for registry modules). */
  path: string;
  context: EvalContext;
  /** A registry mapping: the attributes it does not list are unknown, not absent. */
  partial: boolean;
  /** The content of a `dynamic` block whose for_each could not be expanded: its values are unknown. */
  generated: boolean;
}

export interface ResourceView extends BlockView {
  type: string;
  /** For messages: `aws_db_instance.main`, `module.db.aws_db_instance.this`, with the condition when absent by default. */
  address: string;
  /** Declared in the analyzed file (not created by a module it calls). */
  own: boolean;
  /** Where it is in the analyzed file: its header, or the module call that creates it. */
  anchor: Span;
  scope: ScopeInstance;
  /**
   * Whether its count / for_each creates it here: `no` when they are known to be zero (a
   * conditional resource, still shown to rules as such), `unknown` when the files cannot tell.
   */
  exists: 'yes' | 'no' | 'unknown';
}

/** A resource whose count or for_each is known to be zero in this instance of its module. */
export interface AbsentResource {
  block: Block;
  path: string;
  /** The count / for_each value: its sites say who decided that it is zero. */
  count: Known;
}

/** One instance of a module: the analyzed file's own directory, or a module call followed from it. */
export class ScopeInstance {
  private readonly resourceMemo = new Map<string, { present: ResourceView[]; absent: AbsentResource[] }>();
  private childMemo: ScopeInstance[] | undefined;

  constructor(
    readonly scope: ModuleScope,
    private readonly analysis: DirectoryAnalysis,
    /** `module.a.module.b.` for followed calls, '' for the analyzed directory. */
    readonly prefix: string,
    /** The module call of the analyzed directory this instance comes from; undefined for the directory itself. */
    readonly anchor: Span | undefined,
    /** The file that module call is written in. */
    readonly entryPath: string | undefined,
    private readonly chain: readonly string[],
  ) {}

  get home(): boolean {
    return this.anchor === undefined;
  }

  /** Resources of a type in this module instance (every file of the module, for pairing). */
  resources(type: string): ResourceView[] {
    return this.expand(type).present;
  }

  absent(type: string): AbsentResource[] {
    return this.expand(type).absent;
  }

  private expand(type: string): { present: ResourceView[]; absent: AbsentResource[] } {
    let found = this.resourceMemo.get(type);
    if (found) return found;
    found = { present: [], absent: [] };
    for (const file of this.scope.files) {
      for (const block of factsOf(file).resourcesByType.get(type) ?? []) {
        if (this.home) found.present.push(this.analysis.homeView(this, block, file.path, type));
        else this.expandCalled(block, file.path, type, found);
      }
    }
    this.resourceMemo.set(type, found);
    return found;
  }

  private expandCalled(block: Block, path: string, type: string, into: { present: ResourceView[]; absent: AbsentResource[] }): void {
    const partial = path.startsWith(REGISTRY_PATH_PREFIX);
    const base = `${this.prefix}${type}.${block.labels[1]?.value ?? ''}`;
    for (const instance of instancesOf(block, path, this.scope.context)) {
      if (instance.absent) {
        into.absent.push({ block, path, count: instance.absent });
        continue;
      }
      into.present.push({
        exists: instance.unexpanded ? 'unknown' : 'yes',
        block,
        path,
        context: instance.context,
        partial,
        generated: false,
        type,
        address: base + instance.suffix,
        own: false,
        anchor: this.anchor!,
        scope: this,
      });
    }
  }

  /** The module calls of this instance. */
  children(): ScopeInstance[] {
    if (this.childMemo) return this.childMemo;
    this.childMemo = [];
    if (this.chain.length > MAX_MODULE_DEPTH) return this.childMemo;
    for (const file of this.scope.files) {
      for (const call of factsOf(file).moduleCalls) this.childMemo.push(...this.follow(call, file.path));
    }
    return this.childMemo;
  }

  private follow(call: Block, path: string): ScopeInstance[] {
    const target = this.analysis.calleeOf(call, this.scope.dir);
    if (!target || this.chain.includes(target.dir)) return [];
    const name = call.labels[0]?.value ?? '';
    const followed: ScopeInstance[] = [];
    for (const instance of instancesOf(call, path, this.scope.context)) {
      if (instance.absent) continue;
      const frame: ModuleCall = { block: call, path, context: instance.context, defaultsUnknown: target.defaultsUnknown, stableDefaults: target.stableDefaults };
      const scope = new ModuleScope(target.dir, target.files, 'called', frame, this.scope.budget);
      followed.push(
        new ScopeInstance(scope, this.analysis, `${this.prefix}module.${name}${instance.suffix}.`, this.anchor ?? call.headerSpan, this.entryPath ?? path, [...this.chain, target.dir]),
      );
    }
    return followed;
  }

  /** This instance and every module instance under it. */
  *all(): Generator<ScopeInstance> {
    const stack: ScopeInstance[] = [this];
    while (stack.length) {
      const next = stack.pop()!;
      yield next;
      stack.push(...next.children().slice().reverse());
    }
  }
}

interface Instance {
  context: EvalContext;
  /** `[0]`, `["key"]`, or '' when not expanded. */
  suffix: string;
  /** Set when count / for_each is known to be zero: the value that says so. */
  absent?: Known;
  /** count / for_each could not be evaluated: one instance stands for however many there are (maybe none). */
  unexpanded?: boolean;
}

/** The instances `count` / `for_each` make of a resource or module call; one unexpanded instance when unknown. */
function instancesOf(block: Block, path: string, context: EvalContext): Instance[] {
  const count = attribute(block, 'count');
  const forEach = attribute(block, 'for_each');
  if (count) {
    const value = context.evaluate(count.value, path, 'count');
    const number = value.known ? numericValue(value) : undefined;
    if (!value.known || number === undefined) return [{ context, suffix: '', unexpanded: true }];
    if (number <= 0) return [{ context, suffix: '', absent: value as Known }];
    return Array.from({ length: Math.min(number, MAX_INSTANCES) }, (_, index) => ({
      context: context.with(new Map([['count.index', known(index, [])]])),
      suffix: number > 1 ? `[${index}]` : '',
    }));
  }
  if (forEach) {
    const value = context.evaluate(forEach.value, path, 'for_each');
    if (!value.known) return [{ context, suffix: '', unexpanded: true }];
    const pairs: [string, Known][] = [];
    const entries = mapEntries(value);
    if (entries) for (const [key, item] of entries) pairs.push([key, item]);
    else {
      const items = listItems(value);
      if (!items) return [{ context, suffix: '', unexpanded: true }];
      for (const item of items) if (typeof item.value === 'string') pairs.push([item.value, item]);
    }
    if (pairs.length === 0) return [{ context, suffix: '', absent: value }];
    return pairs.slice(0, MAX_INSTANCES).map(([key, item]) => ({
      context: context.with(
        new Map<string, Value>([
          ['each.key', known(key, item.sites)],
          ['each.value', item],
        ]),
      ),
      suffix: `[${JSON.stringify(key)}]`,
    }));
  }
  return [{ context, suffix: '' }];
}

/** How many instances count / for_each make (1 without them); undefined when unknown. */
function count(block: Block, path: string, context: EvalContext): number | undefined {
  if (!attribute(block, 'count') && !attribute(block, 'for_each')) return 1;
  const instances = instancesOf(block, path, context);
  if (instances.some((instance) => instance.unexpanded)) return undefined;
  return instances.filter((instance) => !instance.absent).length;
}

interface Callee {
  dir: string;
  files: TerraformModel[];
  defaultsUnknown: boolean;
  stableDefaults?: ReadonlySet<string>;
}

/**
 * One module directory in one workspace state: its scope, its resources and the module calls of
 * its files, shared by every file of the directory.
 */
export class DirectoryAnalysis {
  readonly scope: ModuleScope;
  readonly home: ScopeInstance;
  private readonly defaultsScope: ModuleScope;
  private defaultsInstance: ScopeInstance | undefined;
  private readonly calleeMemo = new Map<Block, Callee | undefined>();

  constructor(
    readonly workspace: TerraformWorkspace,
    readonly dir: string,
    files: TerraformModel[],
    /** The analyzed model, when it replaces a stale copy in the workspace (an analysis of its own). */
    private readonly current?: TerraformModel,
  ) {
    this.scope = new ModuleScope(dir, files, workspace.roleOf(dir, files));
    this.home = new ScopeInstance(this.scope, this, '', undefined, undefined, [dir]);
    // Whether a resource exists by default is judged with the variables' defaults, even in a reusable module.
    this.defaultsScope = this.scope.mode === 'root' ? this.scope : new ModuleScope(dir, files, 'root', undefined, this.scope.budget);
  }

  get role(): 'root' | 'reusable' {
    return this.scope.mode === 'reusable' ? 'reusable' : 'root';
  }

  /** The directory as its variables' defaults make it: what a reusable module deploys for a caller that passes nothing. */
  get defaultsHome(): ScopeInstance {
    if (this.scope.mode === 'root') return this.home;
    this.defaultsInstance ??= new ScopeInstance(this.defaultsScope, this, '', undefined, undefined, [this.dir]);
    return this.defaultsInstance;
  }

  homeView(instance: ScopeInstance, block: Block, path: string, type: string): ResourceView {
    const condition = this.conditionOf(block, path);
    const instances = count(block, path, instance.scope.context);
    return {
      exists: instances === undefined ? 'unknown' : instances === 0 ? 'no' : 'yes',
      block,
      path,
      context: instance.scope.context,
      partial: false,
      generated: false,
      type,
      address: `${type}.${block.labels[1]?.value ?? ''}${condition ? ` (${condition})` : ''}`,
      own: false,
      anchor: block.headerSpan,
      scope: instance,
    };
  }

  /** `count = var.enabled ? 1 : 0` when that is zero with the variables' defaults: the resource is conditional. */
  private conditionOf(block: Block, path: string): string | undefined {
    for (const name of ['count', 'for_each']) {
      const attr = attribute(block, name);
      if (!attr) continue;
      const value = this.defaultsScope.context.evaluate(attr.value, path, name);
      if (!value.known) return undefined;
      const size = numericValue(value) ?? listItems(value)?.length ?? mapEntries(value)?.size;
      if (size !== 0) return undefined;
      const text = this.scope.files.find((file) => file.path === path)?.text ?? '';
      const source = text.slice(attr.value.span.start, attr.value.span.end).replace(/\s+/g, ' ');
      return `${name} = ${source.length > 60 ? `${source.slice(0, 57)}...` : source}`;
    }
    return undefined;
  }

  calleeOf(call: Block, callerDir: string): Callee | undefined {
    if (this.calleeMemo.has(call)) return this.calleeMemo.get(call);
    let callee: Callee | undefined;
    const local = localSource(call);
    if (local !== undefined) {
      const dir = calleeDirectory(callerDir, local);
      const files = this.workspace.filesOf(dir, this.current);
      if (files.length) callee = { dir, files, defaultsUnknown: false };
    } else {
      const source = literalString(attribute(call, 'source')?.value);
      const entry = source === undefined ? undefined : registryModuleFor(source);
      if (entry) {
        const version = literalString(attribute(call, 'version')?.value) ?? entry.refVersion;
        const model = registryModelOf(entry.module);
        callee = { dir: model.path, files: [model], defaultsUnknown: versionOutsideRange(version, entry.module.versions), stableDefaults: new Set(entry.module.stableDefaults?.inputs) };
      }
    }
    this.calleeMemo.set(call, callee);
    return callee;
  }
}

/** Everything the rules need about one analyzed file in one workspace state. */
export class TerraformFile {
  readonly workspace: TerraformWorkspace;
  readonly directory: DirectoryAnalysis;

  private constructor(
    readonly model: TerraformModel,
    view: WorkspaceView,
  ) {
    this.workspace = TerraformWorkspace.of(view);
    const dir = moduleDirectory(model.path);
    const files = this.workspace.filesOf(dir);
    if (files.includes(model)) {
      let byDirectory = directories.get(view);
      if (!byDirectory) {
        byDirectory = new Map();
        directories.set(view, byDirectory);
      }
      let shared = byDirectory.get(dir);
      if (!shared) {
        shared = new DirectoryAnalysis(this.workspace, dir, files);
        byDirectory.set(dir, shared);
      }
      this.directory = shared;
    } else {
      this.directory = new DirectoryAnalysis(this.workspace, dir, this.workspace.filesOf(dir, model), model);
    }
  }

  static of(context: Pick<RuleContext<TerraformModel>, 'model' | 'workspace'>): TerraformFile {
    let byModel = analyses.get(context.workspace);
    if (!byModel) {
      byModel = new WeakMap();
      analyses.set(context.workspace, byModel);
    }
    let found = byModel.get(context.model);
    if (!found) {
      found = new TerraformFile(context.model, context.workspace);
      byModel.set(context.model, found);
    }
    return found;
  }

  get home(): ScopeInstance {
    return this.directory.home;
  }

  get role(): 'root' | 'reusable' {
    return this.directory.role;
  }

  /**
   * The same resource with the variables' defaults in place of what callers decide, in a reusable
   * module: it says whether a default is unsafe. Undefined in a root module (defaults are already
   * what it deploys) and when the defaults make no such resource.
   */
  withDefaults(view: ResourceView): ResourceView | undefined {
    if (this.role !== 'reusable') return undefined;
    const defaults = this.directory.defaultsHome;
    if (view.scope.home) return { ...view, context: defaults.scope.context, scope: defaults };
    const candidates: ResourceView[] = [];
    for (const call of defaults.children()) {
      if (call.anchor?.start !== view.anchor.start) continue;
      for (const instance of call.all()) candidates.push(...instance.resources(view.type).filter((candidate) => candidate.block === view.block));
    }
    // Instances may be numbered differently once count is known: the same address, or the only one.
    return candidates.find((candidate) => candidate.address === view.address) ?? (candidates.length === 1 ? candidates[0] : undefined);
  }

  /** Resources of these types the analyzed file deploys: its own, then those of the modules it calls. */
  resources(...types: string[]): ResourceView[] {
    const found: ResourceView[] = [];
    const home = this.directory.home;
    for (const type of types) {
      for (const view of home.resources(type)) if (view.path === this.model.path) found.push({ ...view, own: true });
    }
    for (const call of home.children()) {
      if (call.entryPath !== this.model.path) continue;
      for (const instance of call.all()) for (const type of types) found.push(...instance.resources(type));
    }
    return found;
  }
}

const analyses = new WeakMap<WorkspaceView, WeakMap<TerraformModel, TerraformFile>>();
const directories = new WeakMap<WorkspaceView, Map<string, DirectoryAnalysis>>();

/** The value of a block's attribute; an absent one is null, at the block (unknown in a partial mapping). */
export function valueOf(view: BlockView, name: string): Value {
  const attr = attribute(view.block, name);
  if (attr) return view.context.evaluate(attr.value, view.path, name);
  if (view.partial || view.generated) return { known: false };
  const absent: Site = { kind: 'absent', path: view.path, span: view.block.headerSpan, setting: name, block: view.block };
  return known(null, [absent]);
}

/** Whether the block sets the attribute at all (even to an unknown value). */
export function hasAttribute(view: BlockView, name: string): boolean {
  return attribute(view.block, name) !== undefined;
}

/**
 * Nested blocks of a type, `dynamic "<type>"` ones expanded when their for_each is known (each
 * element binds `<iterator>.key` / `.value`); an unexpanded dynamic block counts once, as generated.
 */
export function nestedViews(view: BlockView, type: string): BlockView[] {
  const found: BlockView[] = [];
  for (const child of view.block.blocks) {
    if (child.type === type) {
      found.push({ ...view, block: child });
      continue;
    }
    if (child.type !== 'dynamic' || child.labels[0]?.value !== type) continue;
    const content = child.blocks.find((inner) => inner.type === 'content');
    if (!content) continue;
    const iterator = iteratorName(child.attributes.find((attr) => attr.name === 'iterator')?.value) ?? type;
    const forEach = attribute(child, 'for_each');
    const collection = forEach ? view.context.evaluate(forEach.value, view.path, 'for_each') : undefined;
    const elements = collection?.known ? elementsOf(collection) : undefined;
    if (!elements) {
      found.push({ ...view, block: content, generated: true });
      continue;
    }
    for (const [key, item] of elements.slice(0, MAX_INSTANCES)) {
      const bindings = new Map<string, Value>([
        [`${iterator}.key`, key],
        [`${iterator}.value`, item],
      ]);
      found.push({ ...view, block: content, context: view.context.with(bindings) });
    }
  }
  return found;
}

function iteratorName(expr: Expr | undefined): string | undefined {
  return expr?.type === 'reference' && expr.reference?.length === 1 ? expr.reference[0] : undefined;
}

function elementsOf(collection: Known): [Known, Known][] | undefined {
  const items = listItems(collection);
  if (items) return items.map((item, index) => [known(index, []), item]);
  const entries = mapEntries(collection);
  return entries ? [...entries].map(([key, item]) => [known(key, item.sites), item]) : undefined;
}

/**
 * Where the analyzed file decides that a block has no nested `type` blocks: the last place in it
 * that the for_each of an empty `dynamic "<type>"` passes through (a module argument, typically).
 */
export function absenceSiteIn(view: BlockView, type: string, path: string): Site | undefined {
  for (const child of view.block.blocks) {
    if (child.type !== 'dynamic' || child.labels[0]?.value !== type) continue;
    const forEach = attribute(child, 'for_each');
    if (!forEach) continue;
    const collection = view.context.evaluate(forEach.value, view.path, 'for_each');
    if (!collection.known) continue;
    const site = [...collection.sites].reverse().find((candidate) => candidate.path === path);
    if (site) return site;
  }
  return undefined;
}
