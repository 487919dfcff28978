/**
 * The resolved configuration a file lives in: includes expanded, every directive placed in its
 * context (main > http > server > location/if). A file included by another one is analyzed inside
 * its includer's tree, because that is where nginx reads it; a snippet nobody in the workspace
 * includes is analyzed as the inside of an includer the workspace does not show.
 */
import type { WorkspaceView } from '../../engine/rule';
import { hasWildcard, matchSegment } from './glob';
import { includeBases, pathApi, resolveInclude, type UnknownReason } from './includes';
import { parseNginx, type NginxDirective, type NginxModel } from './model';

/** A directive at its place in the resolved configuration. */
export interface Placed {
  directive: NginxDirective;
  /** The file the directive is written in (its spans are offsets into that file). */
  path: string;
  model: NginxModel;
  context: NginxContext;
  /** The context a block directive opens. */
  block?: NginxContext;
}

export interface NginxContext {
  /** `main` for the top level, otherwise the block's name (http, server, location, if, upstream...). */
  kind: string;
  owner?: Placed;
  parent?: NginxContext;
  /** Own directives in order, with included files expanded in place (the include directives stay too). */
  directives: Placed[];
  children: NginxContext[];
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
  /**
   * The root is a snippet (no http, events, stream or mail block at its top level): its top level is
   * the inside of an http or server block of an includer the workspace does not show, whose
   * directives are unknown.
   */
  fragment: boolean;
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
  const main: NginxContext = { kind: 'main', directives: [], children: [] };
  const config: NginxConfig = { root, main, contexts: [main], includes: [], files: new Map([[root.path, root]]), fragment: false };
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
      const placed: Placed = { directive, path: model.path, model, context };
      context.directives.push(placed);
      if (directive.children) {
        const block: NginxContext = { kind: directive.name, owner: placed, parent: context, directives: [], children: [] };
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

const configCache = new WeakMap<WorkspaceView, WeakMap<NginxModel, NginxConfig>>();
const rootCache = new WeakMap<WorkspaceView, WeakMap<NginxModel, NginxConfig>>();

function cacheIn(cache: WeakMap<WorkspaceView, WeakMap<NginxModel, NginxConfig>>, view: WorkspaceView): WeakMap<NginxModel, NginxConfig> {
  let byModel = cache.get(view);
  if (!byModel) {
    byModel = new WeakMap();
    cache.set(view, byModel);
  }
  return byModel;
}

/**
 * The configuration the file is read in: the tree of the outermost workspace file that includes
 * it, or its own tree. Built once per workspace view and model.
 */
export function nginxConfigOf(model: NginxModel, view: WorkspaceView): NginxConfig {
  const byModel = cacheIn(configCache, view);
  let config = byModel.get(model);
  if (!config) {
    const ownTree = treeOf(model, view, model);
    config = findRootConfig(model, view, ownTree) ?? ownTree;
    byModel.set(model, config);
  }
  return config;
}

/** The tree rooted at a file; shared between analyses when the workspace holds the analyzed model itself. */
function treeOf(root: NginxModel, view: WorkspaceView, analyzed: NginxModel): NginxConfig {
  const shared = view.get(analyzed.path)?.model === analyzed ? cacheIn(rootCache, view) : undefined;
  let config = shared?.get(root);
  if (!config) {
    config = buildConfig(root, view, loaderFor(view, analyzed));
    shared?.set(root, config);
  }
  return config;
}

/** The file-name part of each `include` of a model: what the file could possibly include. */
const includeNamePatterns = new WeakMap<NginxModel, string[]>();

function includeNames(model: NginxModel): string[] {
  let names = includeNamePatterns.get(model);
  if (!names) {
    names = [];
    const stack = [...model.directives];
    while (stack.length) {
      const directive = stack.pop()!;
      if (directive.children) stack.push(...directive.children);
      if (directive.name !== 'include' || directive.args.length !== 1) continue;
      names.push(directive.args[0].value.split(/[\\/]/).pop() ?? '');
    }
    includeNamePatterns.set(model, names);
  }
  return names;
}

interface IncluderIndex {
  /** Files whose includes name this exact file name. */
  byName: Map<string, string[]>;
  /** Files whose includes name files with a wildcard pattern, with the patterns. */
  byPattern: { pattern: string; path: string }[];
}

const includerIndexes = new WeakMap<WorkspaceView, IncluderIndex>();

/** Which nginx files of the workspace name which file names in their includes, built once per workspace state. */
function includerIndex(view: WorkspaceView): IncluderIndex {
  let index = includerIndexes.get(view);
  if (!index) {
    index = { byName: new Map(), byPattern: [] };
    for (const file of view.files('nginx')) {
      if (file.model.kind !== 'nginx' || !file.model.text.includes('include')) continue;
      for (const name of new Set(includeNames(file.model as NginxModel))) {
        if (hasWildcard(name)) index.byPattern.push({ pattern: name, path: file.path });
        else {
          const list = index.byName.get(name);
          if (list) list.push(file.path);
          else index.byName.set(name, [file.path]);
        }
      }
    }
    includerIndexes.set(view, index);
  }
  return index;
}

/**
 * Files that may include this one, directly or through others, judged by file names only: a
 * superset of the real includers, so that only their trees are built (resolving every include of
 * every config in a large workspace is what made each keystroke slow).
 */
function possibleIncluders(model: NginxModel, view: WorkspaceView): Set<string> {
  const index = includerIndex(view);
  const reached = new Set<string>();
  const api = pathApi(model.path);
  const names = [api.basename(model.path)];
  for (let position = 0; position < names.length && reached.size < MAX_INCLUSIONS; position++) {
    const name = names[position];
    const reach = (path: string) => {
      if (reached.has(path)) return;
      reached.add(path);
      names.push(api.basename(path));
    };
    for (const path of index.byName.get(name) ?? []) reach(path);
    for (const { pattern, path } of index.byPattern) if (matchSegment(pattern, name)) reach(path);
  }
  return reached;
}

function findRootConfig(model: NginxModel, view: WorkspaceView, ownTree: NginxConfig): NginxConfig | undefined {
  let best: NginxConfig | undefined;
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

const rootRank = (config: NginxConfig) => (config.root.path.endsWith('nginx.conf') ? 0 : 1);
