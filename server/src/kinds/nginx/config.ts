/**
 * The resolved configuration a file lives in: includes expanded, every directive placed in its
 * context (main > http > server > location/if), and nginx's inheritance rules, so that rules only
 * ask "what is in effect here". A file included by another one is analyzed inside its includer's
 * tree, because that is where nginx reads it.
 */
import * as nodePath from 'node:path';
import type { ReportDescriptor, RuleContext, WorkspaceView } from '../../engine/rule';
import { lineIndexOf } from '../../engine/text';
import type { TextEdit } from '../../engine/types';
import { parseNginx, type NginxArg, type NginxDirective, type NginxModel } from './model';

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
  /** A plain path (not a glob) that matches no file. */
  missing: boolean;
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
}

const MAX_INCLUDE_DEPTH = 16;
const MAX_PLACED = 100_000;

type Loader = (path: string) => NginxModel | undefined;

function pathApi(path: string): typeof nodePath.posix {
  return path.includes('\\') && !path.includes('/') ? nodePath.win32 : nodePath.posix;
}

const isGlob = (pattern: string) => /[*?[]/.test(pattern);

function fileExists(view: WorkspaceView, path: string): boolean {
  return view.get(path) !== undefined || view.readText?.(path) !== undefined;
}

/**
 * Candidate paths of an include: relative to the including file, then to the root file's folder
 * (nginx resolves against its prefix, which a workspace does not have); an absolute path that is
 * not in the workspace is tried by its trailing segments under the root's folder
 * (`/etc/nginx/conf.d/*.conf` -> `<root dir>/conf.d/*.conf`).
 */
export function resolveIncludePattern(pattern: string, includingPath: string, rootPath: string, view: WorkspaceView): string[] {
  const api = pathApi(includingPath);
  const rootDir = api.dirname(rootPath);
  const candidates: string[] = [];
  if (api.isAbsolute(pattern)) {
    candidates.push(api.normalize(pattern));
    const segments = pattern.split(/[\\/]/).filter(Boolean);
    for (let i = 1; i < segments.length; i++) candidates.push(api.join(rootDir, ...segments.slice(i)));
  } else {
    candidates.push(api.join(api.dirname(includingPath), pattern), api.join(rootDir, pattern));
  }
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    if (isGlob(candidate)) {
      const matches = view.glob?.(candidate) ?? [];
      if (matches.length) return [...matches].sort();
    } else if (fileExists(view, candidate)) return [candidate];
  }
  return [];
}

const parsedTexts = new WeakMap<WorkspaceView, Map<string, NginxModel>>();

function loaderFor(view: WorkspaceView, override: NginxModel): Loader {
  let parsed = parsedTexts.get(view);
  if (!parsed) {
    parsed = new Map();
    parsedTexts.set(view, parsed);
  }
  const cache = parsed;
  return (path) => {
    if (path === override.path) return override;
    const known = view.get(path)?.model;
    if (known?.kind === 'nginx' && 'directives' in known) return known as NginxModel;
    let model = cache.get(path);
    if (!model) {
      const text = view.readText?.(path);
      if (text === undefined) return undefined;
      model = parseNginx(text, path);
      cache.set(path, model);
    }
    return model;
  };
}

export function buildConfig(root: NginxModel, view: WorkspaceView, load: Loader = loaderFor(view, root)): NginxConfig {
  const main: NginxContext = { kind: 'main', directives: [], children: [] };
  const config: NginxConfig = { root, main, contexts: [main], includes: [], files: new Map([[root.path, root]]) };
  let placedCount = 0;

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
      } else if (directive.name === 'include' && directive.args.length === 1 && chain.length < MAX_INCLUDE_DEPTH) {
        const pattern = directive.args[0].value;
        const paths = resolveIncludePattern(pattern, model.path, root.path, view);
        const resolution: IncludeResolution = { include: placed, pattern, paths: [], missing: paths.length === 0 && !isGlob(pattern), cycles: [] };
        config.includes.push(resolution);
        for (const path of paths) {
          if (chain.includes(path)) {
            resolution.cycles.push(path);
            continue;
          }
          const included = load(path);
          if (!included) continue;
          resolution.paths.push(path);
          config.files.set(path, included);
          walk(included, included.directives, context, [...chain, path]);
        }
      }
    }
  };
  walk(root, root.directives, main, [root.path]);
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

/** The file-name part of each `include` of a model, as a matcher: what the file could possibly include. */
const includeNameMatchers = new WeakMap<NginxModel, RegExp[]>();

function includeNames(model: NginxModel): RegExp[] {
  let matchers = includeNameMatchers.get(model);
  if (!matchers) {
    matchers = [];
    const stack = [...model.directives];
    while (stack.length) {
      const directive = stack.pop()!;
      if (directive.children) stack.push(...directive.children);
      if (directive.name !== 'include' || directive.args.length !== 1) continue;
      const name = directive.args[0].value.split(/[\\/]/).pop() ?? '';
      const source = name.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^');
      try {
        matchers.push(new RegExp(`^${source}$`));
      } catch {
        matchers.push(/.*/);
      }
    }
    includeNameMatchers.set(model, matchers);
  }
  return matchers;
}

/**
 * Files that may include this one, directly or through others, judged by file names only: a
 * superset of the real includers, so that only their trees are built (resolving every include of
 * every config in a large workspace is what made each keystroke slow).
 */
function possibleIncluders(model: NginxModel, view: WorkspaceView): Set<string> {
  const files = view.files('nginx').filter((file) => file.model.kind === 'nginx' && file.model.text.includes('include'));
  const reached = new Set<string>();
  const names = [nodePath.basename(model.path)];
  for (let index = 0; index < names.length; index++) {
    const name = names[index];
    for (const file of files) {
      if (reached.has(file.path) || !includeNames(file.model as NginxModel).some((matcher) => matcher.test(name))) continue;
      reached.add(file.path);
      names.push(nodePath.basename(file.path));
    }
  }
  return reached;
}

function findRootConfig(model: NginxModel, view: WorkspaceView, ownTree: NginxConfig): NginxConfig | undefined {
  let best: NginxConfig | undefined;
  const includers = possibleIncluders(model, view);
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

/** Includes shipped with nginx whose content is known and never sets headers, TLS, limits or proxying. */
const KNOWN_CONTENT_INCLUDES = /^(?:mime\.types|fastcgi_params|fastcgi\.conf|uwsgi_params|scgi_params|koi-utf|koi-win|win-utf)$/;
const unknownIncludes = new WeakMap<NginxConfig, Set<Placed>>();

/**
 * True when an include in effect for the context (in it or an enclosing block) names a file the
 * workspace does not have (`include /config/nginx/proxy.conf;`): what it sets is unknown, so rules
 * about a missing directive stay silent there rather than guess (no false positive).
 */
export function hasUnknownInclude(config: NginxConfig, context: NginxContext): boolean {
  let unknown = unknownIncludes.get(config);
  if (!unknown) {
    unknown = new Set(
      config.includes
        .filter((resolution) => resolution.missing && !KNOWN_CONTENT_INCLUDES.test(nodePath.basename(resolution.pattern)))
        .map((resolution) => resolution.include),
    );
    unknownIncludes.set(config, unknown);
  }
  if (unknown.size === 0) return false;
  for (let current: NginxContext | undefined = context; current; current = current.parent) {
    if (current.directives.some((placed) => unknown!.has(placed))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Questions rules ask.

export const own = (context: NginxContext, name: string): Placed[] => context.directives.filter((placed) => placed.directive.name === name);

/**
 * The directives of that name in effect in a context: nginx takes them from the nearest level that
 * declares any (one add_header in a location drops every add_header of the server).
 */
export function effective(context: NginxContext, name: string): Placed[] {
  for (let current: NginxContext | undefined = context; current; current = current.parent) {
    const found = own(current, name);
    if (found.length) return found;
  }
  return [];
}

export function ancestors(context: NginxContext): NginxContext[] {
  const list: NginxContext[] = [];
  for (let current = context.parent; current; current = current.parent) list.push(current);
  return list;
}

/** HTTP servers: `server` blocks outside `stream` and `mail`. */
export function httpServers(config: NginxConfig): NginxContext[] {
  return config.contexts.filter(
    (context) => context.kind === 'server' && !ancestors(context).some((parent) => parent.kind === 'stream' || parent.kind === 'mail' || parent.kind === 'upstream'),
  );
}

export const httpBlocks = (config: NginxConfig) => config.contexts.filter((context) => context.kind === 'http');

/** Locations (nested ones too) and `if` blocks of a server or location. */
export function descendants(context: NginxContext, kinds: readonly string[] = ['location', 'if']): NginxContext[] {
  const list: NginxContext[] = [];
  const visit = (parent: NginxContext) => {
    for (const child of parent.children) {
      if (kinds.includes(child.kind)) list.push(child);
      visit(child);
    }
  };
  visit(context);
  return list;
}

export interface ListenInfo {
  placed: Placed;
  port?: number;
  address?: string;
  ssl: boolean;
  quic: boolean;
  http2: boolean;
}

export function listens(server: NginxContext): ListenInfo[] {
  return own(server, 'listen').map((placed) => {
    const [target, ...flags] = placed.directive.args;
    const value = target?.value ?? '';
    let port: number | undefined;
    let address: string | undefined;
    if (!value.startsWith('unix:')) {
      const match = /^(?:(\[[^\]]*\]|[^:]*):)?(\d+)$/.exec(value);
      if (match) {
        port = Number(match[2]);
        address = match[1];
      } else {
        address = value;
        port = 80;
      }
    } else address = value;
    const names = flags.map((flag) => flag.value);
    return { placed, port, address, ssl: names.includes('ssl'), quic: names.includes('quic'), http2: names.includes('http2') };
  });
}

const lastValue = (placed: Placed[]) => {
  const directive = placed[placed.length - 1]?.directive;
  return directive?.args[0]?.value.toLowerCase();
};

export function isTlsServer(server: NginxContext): boolean {
  const all = listens(server);
  if (all.some((listen) => listen.ssl || listen.quic)) return true;
  return all.some((listen) => listen.port === 443) && lastValue(effective(server, 'ssl')) === 'on';
}

/** True when the server accepts plain HTTP on the web port (a listen without ssl, or no listen). */
export function acceptsPlainHttp(server: NginxContext): boolean {
  const all = listens(server);
  if (all.length === 0) return !isTlsServer(server);
  if (lastValue(effective(server, 'ssl')) === 'on') return false;
  return all.some((listen) => !listen.ssl && !listen.quic && listen.port === 80 && !isLoopback(listen.address));
}

const isLoopback = (address: string | undefined) => !!address && /^(?:127\.|localhost$|\[::1\]$|unix:)/.test(address);

export const isAcmeLocation = (context: NginxContext) =>
  context.kind === 'location' && context.owner!.directive.args.some((arg) => arg.value.includes('/.well-known/acme-challenge'));

const isRedirectOrDrop = (context: NginxContext) =>
  own(context, 'return').length > 0 ||
  own(context, 'rewrite').some((placed) => {
    const args = placed.directive.args;
    return /^https?:\/\//.test(args[1]?.value ?? '') || ['redirect', 'permanent'].includes(args[2]?.value ?? '');
  });

/**
 * A server that only redirects or drops requests: a server-level `return`, or every location
 * (ACME challenges aside) returns. Such servers serve no content of their own.
 */
export function isRedirectOnly(server: NginxContext): boolean {
  if (isRedirectOrDrop(server)) return true;
  if (server.children.some((child) => child.kind === 'if' && isRedirectOrDrop(child))) return true;
  const locations = server.children.filter((child) => child.kind === 'location' && !isAcmeLocation(child));
  return locations.length > 0 && locations.every(isRedirectOrDrop);
}

// ---------------------------------------------------------------------------------------------
// Response headers.

export interface HeaderSetting {
  /** Lower-cased header name. */
  name: string;
  value: string;
  always: boolean;
  placed: Placed;
  nameArg?: NginxArg;
  valueArg?: NginxArg;
}

/** The security headers whose absence or loss the header rules report. */
export const SECURITY_HEADERS = [
  'Strict-Transport-Security',
  'X-Content-Type-Options',
  'X-Frame-Options',
  'Referrer-Policy',
  'Content-Security-Policy',
  'Permissions-Policy',
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Embedder-Policy',
  'Cross-Origin-Resource-Policy',
] as const;

const SECURITY_HEADER_NAMES = new Set(SECURITY_HEADERS.map((name) => name.toLowerCase()));
export const isSecurityHeader = (name: string) => SECURITY_HEADER_NAMES.has(name.toLowerCase());
export const canonicalHeaderName = (name: string) => SECURITY_HEADERS.find((header) => header.toLowerCase() === name.toLowerCase()) ?? name;

export function addHeaderSetting(placed: Placed): HeaderSetting | undefined {
  const [nameArg, valueArg, ...rest] = placed.directive.args;
  if (!nameArg) return undefined;
  return { name: nameArg.value.toLowerCase(), value: valueArg?.value ?? '', always: rest.some((arg) => arg.value === 'always'), placed, nameArg, valueArg };
}

/** Headers set by `more_set_headers` (headers-more), which apply to every status and accumulate. */
function moreSetHeaders(context: NginxContext): HeaderSetting[] {
  const settings: HeaderSetting[] = [];
  for (let current: NginxContext | undefined = context; current; current = current.parent) {
    for (const placed of own(current, 'more_set_headers')) {
      const args = placed.directive.args;
      for (let i = 0; i < args.length; i++) {
        if (args[i].value === '-s' || args[i].value === '-t') {
          i++;
          continue;
        }
        const colon = args[i].value.indexOf(':');
        if (colon <= 0) continue;
        settings.push({ name: args[i].value.slice(0, colon).trim().toLowerCase(), value: args[i].value.slice(colon + 1).trim(), always: true, placed });
      }
    }
  }
  return settings;
}

/** Response headers in effect in a context (add_header inheritance applied, more_set_headers added). */
export function effectiveHeaders(context: NginxContext): HeaderSetting[] {
  const added = effective(context, 'add_header')
    .map(addHeaderSetting)
    .filter((setting): setting is HeaderSetting => setting !== undefined);
  return [...added, ...moreSetHeaders(context)];
}

export const ownHeaders = (context: NginxContext): HeaderSetting[] =>
  own(context, 'add_header')
    .map(addHeaderSetting)
    .filter((setting): setting is HeaderSetting => setting !== undefined);

// ---------------------------------------------------------------------------------------------
// Reporting and fixes.

export type TreeReport = (placed: { path: string }, descriptor: Omit<ReportDescriptor, 'path'>) => void;

const treeFindings = new WeakMap<NginxConfig, Map<string, { path: string; descriptor: Omit<ReportDescriptor, 'path'> }[]>>();

/**
 * Runs a rule over the whole configuration tree once, however many of its files are analyzed,
 * and reports to the analyzed file only the findings whose span is in it. A directive reached
 * twice (a snippet included in two servers) is reported once.
 */
export function reportOnce(context: RuleContext<NginxModel>, ruleId: string, compute: (config: NginxConfig, report: TreeReport) => void): void {
  const config = nginxConfigOf(context.model, context.workspace);
  let byRule = treeFindings.get(config);
  if (!byRule) {
    byRule = new Map();
    treeFindings.set(config, byRule);
  }
  let found = byRule.get(ruleId);
  if (!found) {
    const list: { path: string; descriptor: Omit<ReportDescriptor, 'path'> }[] = [];
    const seen = new Set<string>();
    compute(config, (placed, descriptor) => {
      const key = `${placed.path}|${descriptor.messageId}|${descriptor.span.start}|${descriptor.span.end}|${JSON.stringify(descriptor.data ?? {})}`;
      if (seen.has(key)) return;
      seen.add(key);
      list.push({ path: placed.path, descriptor });
    });
    found = list;
    byRule.set(ruleId, found);
  }
  for (const { path, descriptor } of found) if (path === context.model.path) context.report({ ...descriptor, path });
}

/**
 * Inserts lines into a block, in the block owner's file, with the block's own indentation: after
 * the last own directive named `after` when there is one, else after the last simple directive
 * before the first nested block, else right after the `{`.
 */
export function insertInBlock(context: NginxContext, lines: readonly string[], after: readonly string[] = []): TextEdit | undefined {
  const owner = context.owner;
  if (!owner?.directive.openBrace) return undefined;
  const model = owner.model;
  const index = lineIndexOf(model);
  const eol = index.eol;
  const sameFile = context.directives.filter((placed) => placed.path === owner.path);
  const open = owner.directive.openBrace;
  const close = owner.directive.closeBrace;
  if (close && index.positionAt(open.start).line === index.positionAt(close.start).line) {
    return { start: open.end, end: open.end, newText: lines.map((line) => ' ' + line).join('') };
  }
  const firstOnOwnLine = sameFile.find((placed) => index.text.slice(index.lineStart(index.positionAt(placed.directive.span.start).line), placed.directive.span.start).trim() === '');
  const ownerIndent = index.indentAt(owner.directive.span.start);
  const indent = firstOnOwnLine ? index.indentAt(firstOnOwnLine.directive.span.start) : ownerIndent + (ownerIndent.includes('\t') ? '\t' : '    ');
  let anchor: Placed | undefined;
  for (const name of after) {
    const found = sameFile.filter((placed) => placed.directive.name === name);
    if (found.length) {
      anchor = found[found.length - 1];
      break;
    }
  }
  if (!anchor) {
    const firstBlock = sameFile.findIndex((placed) => placed.directive.openBrace !== undefined);
    const simple = (firstBlock < 0 ? sameFile : sameFile.slice(0, firstBlock)).filter((placed) => !placed.directive.openBrace);
    anchor = simple[simple.length - 1];
  }
  let at = anchor ? index.lineEnd(index.positionAt(anchor.directive.span.end).line) : index.lineEnd(index.positionAt(open.end).line);
  if (close && at > close.start) at = anchor ? anchor.directive.span.end : open.end;
  return { start: at, end: at, newText: lines.map((line) => eol + indent + line).join('') };
}

/** The source text of a directive, to repeat it elsewhere (an inherited add_header). */
export const sourceOf = (placed: Placed): string => placed.model.text.slice(placed.directive.span.start, placed.directive.span.end);

/**
 * Adds directives of an array-inherited kind (add_header, proxy_set_header) without breaking
 * inheritance: a block that declares none inherits its parent's, and declaring one would drop them.
 * So the lines go where the inherited ones are declared when that is in the same file, or the
 * inherited ones are repeated next to the new lines. Nested locations and ifs that declare their
 * own (and so inherit nothing) get the new lines too, or the fix would only move the gap down.
 */
export function addInheritedEdit(block: NginxContext, name: string, lines: readonly string[]): TextEdit[] {
  let target = block;
  let newLines = lines;
  if (!own(block, name).length && block.owner) {
    for (let current = block.parent; current; current = current.parent) {
      const inherited = own(current, name);
      if (!inherited.length) continue;
      if (current.owner && current.owner.path === block.owner.path) target = current;
      else newLines = [...inherited.map(sourceOf), ...lines];
      break;
    }
  }
  const edits = [insertInBlock(target, newLines, [name])];
  const keyOf = (line: string) => line.trim().split(/\s+/)[1]?.toLowerCase();
  for (const nested of descendants(target)) {
    const declared = own(nested, name);
    if (!declared.length || nested.owner?.path !== target.owner?.path) continue;
    const present = new Set(declared.map((placed) => placed.directive.args[0]?.value.toLowerCase()));
    const missing = lines.filter((line) => !present.has(keyOf(line)));
    if (missing.length) edits.push(insertInBlock(nested, missing, [name]));
  }
  return edits.filter((edit): edit is TextEdit => edit !== undefined);
}
