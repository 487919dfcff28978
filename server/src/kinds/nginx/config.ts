/**
 * The resolved configuration a file lives in: includes expanded, every directive placed in its
 * context (main > http > server > location/if). A file included by another one is analyzed inside
 * its includer's tree, because that is where nginx reads it; a snippet nobody in the workspace
 * includes is analyzed as the inside of an includer the workspace does not show.
 */
import type { WorkspaceView } from '../../engine/rule';
import { hasWildcard, matchSegment } from './glob';
import { includeBases, mappedInclude, pathApi, resolveInclude, type UnknownReason } from './includes';
import { parseNginx, type NginxDirective, type NginxModel } from './model';
import type { VariableValue } from './variables';

/** A directive at its place in the resolved configuration. */
export interface Placed {
  directive: NginxDirective;
  /** The file the directive is written in (its spans are offsets into that file). */
  path: string;
  model: NginxModel;
  context: NginxContext;
  /** The context a block directive opens. */
  block?: NginxContext;
  /** What variables hold where this directive runs, resolved on first question (see variables.ts). */
  variables?: Map<string, VariableValue | undefined>;
}

export interface NginxContext {
  /** `main` for the top level, otherwise the block's name (http, server, location, if, upstream...). */
  kind: string;
  owner?: Placed;
  parent?: NginxContext;
  /** Own directives in order, with included files expanded in place (the include directives stay too). */
  directives: Placed[];
  children: NginxContext[];
  /** The own directives by name, indexed on first question (see semantics.ts `own`). */
  byName?: Map<string, Placed[]>;
  /** What rules derive from the block (its listens ...), by name, as for the tree's `derived`. */
  derived?: Map<string, unknown>;
}

export interface IncludeResolution {
  include: Placed;
  pattern: string;
  /** Files read for this include, in order. */
  paths: string[];
  /** Set when what the include sets is unknown, with the reason. */
  unknown?: UnknownReason;
  /** Paths skipped because they are already being included (a cycle). */
  cycles: string[];
}

export interface NginxConfig {
  /** The top-level file of the tree (the analyzed file itself when nothing includes it). */
  root: NginxModel;
  main: NginxContext;
  /** Every context, in document order (parents before children). */
  contexts: NginxContext[];
  includes: IncludeResolution[];
  /** Every file of the tree, the root included. */
  files: Map<string, NginxModel>;
  /** The name of every directive placed in the tree, so that a rule skips a tree without what it checks. */
  names: Set<string>;
  /**
   * The root is a snippet (no http, events, stream or mail block at its top level): its top level is
   * the inside of an http or server block of an includer the workspace does not show, whose
   * directives are unknown.
   */
  fragment: boolean;
  /**
   * What rules derive from the tree, computed on first use and kept with it: lists every rule asks
   * for (by name, see `derived`) and each rule's outcome (report.ts). Fields of the tree rather than
   * module-level WeakMaps keyed by it, whose values V8 keeps through every minor collection while the
   * tree is young: a tree that lives for one analysis is then freed by the first one.
   */
  derived: Map<string, unknown>;
  outcomes: Map<string, unknown>;
}

/** A value derived once from a tree (the list of its servers ...) or a block (its listens ...), under a name unique to its module. */
export function derived<T>(holder: NginxConfig | NginxContext, name: string, compute: () => T): T {
  const cache = (holder.derived ??= new Map());
  let value = cache.get(name) as T | undefined;
  if (value === undefined) {
    value = compute();
    cache.set(name, value);
  }
  return value;
}

/** nginx has no limit; these keep a hostile or runaway tree bounded (a snippet including itself twice per level). */
export const MAX_INCLUDE_DEPTH = 10;
export const MAX_INCLUSIONS = 512;
const MAX_PLACED = 100_000;
/** Included files that are not workspace models, parsed once per text across workspace states. */
const MAX_PARSED_TEXTS = 512;

/** Top-level blocks and directives that only a complete nginx.conf has. */
const MAIN_BLOCKS = new Set(['http', 'events', 'stream', 'mail']);

type Loader = (path: string) => NginxModel | undefined;

/** Raw files read through the view (mime.types, snippets the index does not parse), by path, for the current text. */
const parsedTexts = new Map<string, NginxModel>();

function loaderFor(view: WorkspaceView, override: NginxModel): Loader {
  return (path) => {
    if (path === override.path) return override;
    const known = view.get(path)?.model;
    if (known?.kind === 'nginx' && 'directives' in known) return known as NginxModel;
    const text = view.readText?.(path);
    if (text === undefined) return undefined;
    let model = parsedTexts.get(path);
    if (model?.text !== text) {
      model = parseNginx(text, path);
      if (parsedTexts.size >= MAX_PARSED_TEXTS) parsedTexts.delete(parsedTexts.keys().next().value!);
      parsedTexts.set(path, model);
    }
    return model;
  };
}

export function buildConfig(root: NginxModel, view: WorkspaceView, load: Loader = loaderFor(view, root)): NginxConfig {
  const main: NginxContext = { kind: 'main', directives: [], children: [], byName: undefined, derived: undefined };
  const config: NginxConfig = {
    root,
    main,
    contexts: [main],
    includes: [],
    files: new Map([[root.path, root]]),
    names: new Set(),
    fragment: false,
    derived: new Map(),
    outcomes: new Map(),
  };
  let placedCount = 0;
  let inclusions = 0;
  const basesByIncluder = new Map<string, string[]>();
  const basesOf = (includer: string) => {
    let bases = basesByIncluder.get(includer);
    if (!bases) {
      bases = includeBases(root.path, includer);
      basesByIncluder.set(includer, bases);
    }
    return bases;
  };

  const walk = (model: NginxModel, directives: readonly NginxDirective[], context: NginxContext, chain: string[]) => {
    for (const directive of directives) {
      if (placedCount++ > MAX_PLACED) return;
      const placed: Placed = { directive, path: model.path, model, context, block: undefined, variables: undefined };
      context.directives.push(placed);
      config.names.add(directive.name);
      if (directive.children) {
        const block: NginxContext = { kind: directive.name, owner: placed, parent: context, directives: [], children: [], byName: undefined, derived: undefined };
        placed.block = block;
        context.children.push(block);
        config.contexts.push(block);
        walk(model, directive.children, block, chain);
      } else if (directive.name === 'include' && directive.args.length === 1) {
        const pattern = directive.args[0].value;
        const resolution: IncludeResolution = { include: placed, pattern, paths: [], cycles: [] };
        config.includes.push(resolution);
        if (chain.length > MAX_INCLUDE_DEPTH) {
          resolution.unknown = 'limit';
          continue;
        }
        const target = resolveInclude(pattern, model.path, root.path, view, basesOf(model.path));
        resolution.unknown = target.unknown;
        for (const path of target.paths) {
          if (chain.includes(path)) {
            resolution.cycles.push(path);
            continue;
          }
          if (++inclusions > MAX_INCLUSIONS) {
            resolution.unknown = 'limit';
            break;
          }
          const included = load(path);
          if (!included) {
            resolution.unknown ??= 'missing';
            continue;
          }
          resolution.paths.push(path);
          config.files.set(path, included);
          walk(included, included.directives, context, [...chain, path]);
        }
      }
    }
  };
  walk(root, root.directives, main, [root.path]);
  config.fragment = !main.children.some((child) => MAIN_BLOCKS.has(child.kind));
  return config;
}

/** What this module derives from one workspace state; it lives as long as the view. */
interface ViewState {
  /** The configuration each analyzed model is read in. */
  configs: Map<NginxModel, NginxConfig>;
  /** Trees by their root, shared by the files they include. */
  roots: Map<NginxModel, NginxConfig>;
  includers?: IncluderIndex;
}

/**
 * The state is kept on the view itself, under a symbol no one else knows and that spreading a view
 * does not copy: a WeakMap keyed by views (one per analysis in a single-file run) would keep every
 * tree alive through minor collections, as `derived` explains.
 */
const VIEW_STATE = Symbol('nginx workspace state');
const frozenViewStates = new WeakMap<WorkspaceView, ViewState>();

function stateOf(view: WorkspaceView): ViewState {
  const slot = view as WorkspaceView & { [VIEW_STATE]?: ViewState };
  let state = slot[VIEW_STATE] ?? frozenViewStates.get(view);
  if (!state) {
    state = { configs: new Map(), roots: new Map(), includers: undefined };
    if (Object.isExtensible(view)) Object.defineProperty(view, VIEW_STATE, { value: state });
    else frozenViewStates.set(view, state);
  }
  return state;
}

/**
 * The configuration the file is read in: the tree of the outermost workspace file that includes
 * it, or its own tree. Built once per workspace view and model.
 */
export function nginxConfigOf(model: NginxModel, view: WorkspaceView): NginxConfig {
  const configs = stateOf(view).configs;
  let config = configs.get(model);
  if (!config) {
    const ownTree = treeOf(model, view, model);
    config = findRootConfig(model, view, ownTree) ?? ownTree;
    configs.set(model, config);
  }
  return config;
}

/** The tree rooted at a file; shared between analyses when the workspace holds the analyzed model itself. */
function treeOf(root: NginxModel, view: WorkspaceView, analyzed: NginxModel): NginxConfig {
  const shared = view.get(analyzed.path)?.model === analyzed ? stateOf(view).roots : undefined;
  let config = shared?.get(root);
  if (!config) {
    config = buildConfig(root, view, loaderFor(view, analyzed));
    shared?.set(root, config);
  }
  return config;
}

/** An `include` of a file: its whole pattern and the file-name part, by which includers are indexed. */
interface IncludeName {
  pattern: string;
  name: string;
}

/** The `include`s of a model: what the file could possibly include. */
const includeNamesOf = new WeakMap<NginxModel, IncludeName[]>();

function includeNames(model: NginxModel): IncludeName[] {
  let names = includeNamesOf.get(model);
  if (!names) {
    names = [];
    const stack = [...model.directives];
    while (stack.length) {
      const directive = stack.pop()!;
      if (directive.children) stack.push(...directive.children);
      if (directive.name !== 'include' || directive.args.length !== 1) continue;
      const pattern = directive.args[0].value;
      names.push({ pattern, name: pattern.split(/[\\/]/).pop() ?? '' });
    }
    includeNamesOf.set(model, names);
  }
  return names;
}

interface Includer {
  path: string;
  pattern: string;
}

interface IncluderIndex {
  /** Includes that name this exact file name, with the files they are in. */
  byName: Map<string, Includer[]>;
  /** Includes whose file name is a wildcard pattern, with it. */
  byPattern: (Includer & { name: string })[];
}

/** The files an includer index was built from, to reuse it for the next workspace state when no include changed. */
interface IndexedFiles {
  paths: string[];
  models: NginxModel[];
  index: IncluderIndex;
}

/**
 * The last index built, with its files. A keystroke makes a new workspace state but rarely changes
 * an include: rebuilding the index from every nginx file on each one was a tenth of a keystroke's
 * time and most of its garbage. The index is never modified, only replaced.
 */
let lastIndexed: IndexedFiles | undefined;

const sameIncludes = (a: NginxModel, b: NginxModel) => {
  const before = includeNames(a);
  const after = includeNames(b);
  return before.length === after.length && before.every((include, i) => include.pattern === after[i].pattern);
};

/** Which nginx files of the workspace name which file names in their includes, built once per workspace state. */
function includerIndex(view: WorkspaceView): IncluderIndex {
  const state = stateOf(view);
  let index = state.includers;
  if (index) return index;
  const files = view.files('nginx').filter((file) => file.model.kind === 'nginx');
  const previous = lastIndexed;
  const reusable =
    previous !== undefined &&
    previous.paths.length === files.length &&
    files.every((file, i) => file.path === previous.paths[i] && (file.model === previous.models[i] || sameIncludes(previous.models[i], file.model as NginxModel)));
  if (reusable) index = previous.index;
  else {
    index = { byName: new Map(), byPattern: [] };
    for (const file of files) {
      for (const { pattern, name } of includeNames(file.model as NginxModel)) {
        if (hasWildcard(name)) index.byPattern.push({ name, pattern, path: file.path });
        else {
          const list = index.byName.get(name);
          if (list) list.push({ pattern, path: file.path });
          else index.byName.set(name, [{ pattern, path: file.path }]);
        }
      }
    }
  }
  lastIndexed = { paths: files.map((file) => file.path), models: files.map((file) => file.model as NginxModel), index };
  state.includers = index;
  return index;
}

/**
 * Whether an include written in `includer` could name `candidate`, by its folders: nginx resolves
 * it against its prefix or the includer's folder, both of which contain the includer, so the
 * pattern's folders must be the candidate's last ones and what is above them an ancestor of the
 * includer. `include conf.d/*.conf` in one repository never reaches another repository's
 * `site.conf`. An absolute path under no known prefix names nothing in the workspace; a pattern
 * that climbs (`../`) is judged by the file name only.
 */
function mayInclude(includer: Includer, candidate: string): boolean {
  const api = pathApi(includer.path);
  let relative = toSlashes(includer.pattern);
  if (api.isAbsolute(includer.pattern)) {
    const mapped = mappedInclude(relative);
    if (mapped === undefined) return false;
    relative = mapped;
  }
  const segments = relative.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return true;
  const folders = segments.slice(0, -1);
  const parts = toSlashes(candidate).split('/');
  const folderStart = parts.length - 1 - folders.length;
  if (folderStart < 1) return false;
  for (let i = 0; i < folders.length; i++) if (!matchSegment(folders[i], parts[folderStart + i])) return false;
  const base = parts.slice(0, folderStart).join('/');
  const includerFolder = toSlashes(api.dirname(includer.path));
  return includerFolder === base || includerFolder.startsWith(base.endsWith('/') ? base : base + '/');
}

/**
 * Files that may include this one, directly or through others, judged by file names and folders
 * only: a superset of the real includers, so that only their trees are built (resolving every
 * include of every config in a large workspace is what made each keystroke slow).
 */
function possibleIncluders(model: NginxModel, view: WorkspaceView): Set<string> {
  const index = includerIndex(view);
  const reached = new Set<string>();
  const api = pathApi(model.path);
  const targets = [model.path];
  for (let position = 0; position < targets.length && reached.size < MAX_INCLUSIONS; position++) {
    const target = targets[position];
    const name = api.basename(target);
    const reach = (includer: Includer) => {
      if (reached.has(includer.path) || !mayInclude(includer, target)) return;
      reached.add(includer.path);
      targets.push(includer.path);
    };
    for (const includer of index.byName.get(name) ?? []) reach(includer);
    for (const includer of index.byPattern) if (matchSegment(includer.name, name)) reach(includer);
  }
  return reached;
}

function findRootConfig(model: NginxModel, view: WorkspaceView, ownTree: NginxConfig): NginxConfig | undefined {
  let best: NginxConfig | undefined;
  // Only a file outside the tree can include it: none in a single-file analysis or a folder of one config.
  if (view.files('nginx').every((file) => ownTree.files.has(file.path))) return undefined;
  const includers = possibleIncluders(model, view);
  if (includers.size === 0) return undefined;
  for (const file of view.files('nginx')) {
    // A file this one includes is not its parent, even when it includes this one back (a cycle).
    if (!includers.has(file.path) || ownTree.files.has(file.path) || file.model.kind !== 'nginx') continue;
    const candidate = treeOf(file.model as NginxModel, view, model);
    if (!candidate.files.has(model.path)) continue;
    if (!best || candidate.files.size > best.files.size || (candidate.files.size === best.files.size && rootRank(candidate) < rootRank(best))) {
      best = candidate;
    }
  }
  return best;
}

const toSlashes = (path: string) => path.replace(/\\/g, '/');

const rootRank = (config: NginxConfig) => (config.root.path.endsWith('nginx.conf') ? 0 : 1);
