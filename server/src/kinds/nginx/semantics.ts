/**
 * The questions rules ask of a resolved configuration, answered the way nginx does: inheritance of
 * array directives from the nearest level that declares any, which servers speak TLS, which only
 * redirect, which response headers are in effect, and what is unknown because an include could not
 * be followed or the includer of a snippet is not in the workspace.
 */
import type { Span } from '../../engine/types';
import type { NginxArg } from './model';
import { pathApi } from './includes';
import { derived, type NginxConfig, type NginxContext, type Placed } from './config';

const NONE: Placed[] = [];

/** The context's own directives of that name (included files expanded in place). */
export function own(context: NginxContext, name: string): Placed[] {
  let index = context.byName;
  if (!index) {
    index = new Map();
    for (const placed of context.directives) {
      const list = index.get(placed.directive.name);
      if (list) list.push(placed);
      else index.set(placed.directive.name, [placed]);
    }
    context.byName = index;
  }
  return index.get(name) ?? NONE;
}

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

/** The last value of a single-value directive in effect (`gzip on`), lower-cased. */
export function effectiveValue(context: NginxContext, name: string): string | undefined {
  const found = effective(context, name);
  return found[found.length - 1]?.directive.args[0]?.value.toLowerCase();
}

export function ancestors(context: NginxContext): NginxContext[] {
  const list: NginxContext[] = [];
  for (let current = context.parent; current; current = current.parent) list.push(current);
  return list;
}

/** Includes shipped with nginx whose content is known and never sets headers, TLS, limits or proxying. */
const KNOWN_CONTENT_INCLUDES = /^(?:mime\.types|fastcgi_params|fastcgi\.conf|uwsgi_params|scgi_params|koi-utf|koi-win|win-utf|proxy_params)$/;
const unknownIncludeSet = (config: NginxConfig): Set<Placed> =>
  derived(
    config,
    'unknownIncludes',
    () =>
      new Set(
        config.includes
          .filter((resolution) => resolution.unknown !== undefined && !KNOWN_CONTENT_INCLUDES.test(pathApi(resolution.pattern).basename(resolution.pattern)))
          .map((resolution) => resolution.include),
      ),
  );

/** Whether the tree holds a directive of any of these names: a rule about them has nothing to look at otherwise. */
export function mentions(config: NginxConfig, names: readonly string[]): boolean {
  for (const name of names) if (config.names.has(name)) return true;
  return false;
}

/** True when the include could not be followed and could set anything. */
export const isUnknownInclude = (config: NginxConfig, placed: Placed) => unknownIncludeSet(config).has(placed);

/** An include the workspace lacks sits right in this block: it could set anything here. */
export const hasUnknownInclude = (config: NginxConfig, context: NginxContext) => {
  const unknown = unknownIncludeSet(config);
  return unknown.size > 0 && context.directives.some((placed) => unknown.has(placed));
};

/** Something in the configuration is out of sight: an include the workspace lacks, or a snippet's includer. */
export const hasUnknownParts = (config: NginxConfig) => config.fragment || unknownIncludeSet(config).size > 0;

/**
 * True when something in effect for the context may be set where the workspace cannot show it: an
 * include that could not be followed in the context or an enclosing block (`include
 * /config/nginx/proxy.conf;`), or the includer of a snippet. Rules about a missing directive stay
 * silent there rather than guess. With `name`, the search stops at the nearest level that declares
 * that directive: above it nothing is inherited (nginx's rule for add_header, proxy_set_header...).
 * The main context of a complete nginx.conf is never inherited by http blocks, so an unknown
 * include there changes nothing they ask.
 */
export function unknownAbove(config: NginxConfig, context: NginxContext, name?: string): boolean {
  return unknownUpTo(config, context, name, false);
}

/**
 * Whether the value of a directive that takes one value per level (`gzip`, `http2`,
 * `ssl_protocols`) in effect in the context is unknown: nothing declares it and something out of
 * sight could, or a level below the one that declares it holds an include the workspace lacks. An
 * include at the declaring level itself cannot declare it again (nginx rejects a duplicate).
 */
export function unknownValue(config: NginxConfig, context: NginxContext, name: string): boolean {
  return unknownUpTo(config, context, name, true);
}

function unknownUpTo(config: NginxConfig, context: NginxContext, name: string | undefined, single: boolean): boolean {
  const unknown = unknownIncludeSet(config);
  for (let current: NginxContext | undefined = context; current; current = current.parent) {
    const declared = name !== undefined && own(current, name).length > 0;
    if (single && declared) return false;
    const inheritedMain = current === config.main && !config.fragment && current !== context;
    if (unknown.size && !inheritedMain && current.directives.some((placed) => unknown.has(placed))) return true;
    if (declared) return false;
    if (current === config.main) return config.fragment;
  }
  return false;
}

const inStreamOrMail = (context: NginxContext) => {
  for (let parent = context.parent; parent; parent = parent.parent) if (parent.kind === 'stream' || parent.kind === 'mail' || parent.kind === 'upstream') return true;
  return false;
};

/** HTTP servers: `server` blocks outside `stream`, `mail` and `upstream`. */
export const httpServers = (config: NginxConfig): NginxContext[] =>
  derived(config, 'httpServers', () => config.contexts.filter((context) => context.kind === 'server' && !inStreamOrMail(context)));

export const httpBlocks = (config: NginxConfig): NginxContext[] => derived(config, 'httpBlocks', () => config.contexts.filter((context) => context.kind === 'http'));

/** Locations (nested ones too) and `if` blocks of a server or location. */
export function descendants(context: NginxContext, kinds: readonly string[] = LOCATIONS_AND_IFS): NginxContext[] {
  const list: NginxContext[] = [];
  collectDescendants(context, kinds, list);
  return list;
}

const LOCATIONS_AND_IFS = ['location', 'if'];

function collectDescendants(parent: NginxContext, kinds: readonly string[], list: NginxContext[]): void {
  for (const child of parent.children) {
    if (kinds.includes(child.kind)) list.push(child);
    collectDescendants(child, kinds, list);
  }
}

const HTTP_CONTEXT_KINDS = new Set(['http', 'server', 'location', 'if', 'limit_except']);

/** Contexts of HTTP traffic (http, server, location, if; a snippet's top level too), where request directives apply. */
export const httpContexts = (config: NginxConfig): NginxContext[] =>
  derived(config, 'httpContexts', () =>
    config.contexts.filter((context) => (context === config.main ? config.fragment : HTTP_CONTEXT_KINDS.has(context.kind) && !inStreamOrMail(context))),
  );

/** `location @name` and locations with `internal`: only internal redirects reach them. */
export function isInternalLocation(context: NginxContext): boolean {
  if (context.kind !== 'location') return false;
  if (context.owner!.directive.args[0]?.value.startsWith('@')) return true;
  return own(context, 'internal').length > 0;
}

export type Subject = 'http' | 'server' | 'location';

/** What a context is, as a checklist subject: `if` and `limit_except` blocks belong to their location or server. */
export function subjectOf(config: NginxConfig, context: NginxContext): Subject {
  for (let current: NginxContext | undefined = context; current; current = current.parent) {
    if (current.kind === 'location') return 'location';
    if (current.kind === 'server') return 'server';
    if (current.kind === 'http') return 'http';
    // A snippet's top level is the inside of a server when it holds locations, of http when it holds servers.
    if (current === config.main) return !config.fragment || current.children.some((child) => child.kind === 'server') ? 'http' : 'server';
  }
  return 'server';
}

/** How nginx users name a block in a message: "this `location` block". */
export const blockName = (context: NginxContext) => `\`${context.kind}\``;

export interface ListenInfo {
  placed: Placed;
  port?: number;
  address?: string;
  ssl: boolean;
  quic: boolean;
  http2: boolean;
}

export const listens = (server: NginxContext): ListenInfo[] => derived(server, 'listens', () => listensOf(server));

function listensOf(server: NginxContext): ListenInfo[] {
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

export const isTlsServer = (server: NginxContext): boolean => derived(server, 'isTlsServer', () => speaksTls(server));

function speaksTls(server: NginxContext): boolean {
  const all = listens(server);
  if (all.some((listen) => listen.ssl || listen.quic)) return true;
  return all.some((listen) => listen.port === 443) && effectiveValue(server, 'ssl') === 'on';
}

/** A server that rejects every TLS handshake (a catch-all default server): it serves nothing. */
export const rejectsHandshakes = (server: NginxContext) => effectiveValue(server, 'ssl_reject_handshake') === 'on';

/** True when the server accepts plain HTTP on the web port (a listen without ssl, or no listen). */
export function acceptsPlainHttp(server: NginxContext): boolean {
  const all = listens(server);
  if (all.length === 0) return !isTlsServer(server);
  if (effectiveValue(server, 'ssl') === 'on') return false;
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

/** A server that serves content: neither a redirect-only server nor one that rejects every TLS handshake. */
export const servesContent = (server: NginxContext): boolean =>
  derived(server, 'servesContent', () => !isRedirectOnly(server) && !(isTlsServer(server) && rejectsHandshakes(server)));

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

/** Headers whose presence alone protects the response (gixy-ng's always-secure list). */
export const SECURITY_HEADERS = [
  'Strict-Transport-Security',
  'X-Content-Type-Options',
  'X-Frame-Options',
  'Referrer-Policy',
  'Content-Security-Policy',
  'Content-Security-Policy-Report-Only',
  'Permissions-Policy',
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Embedder-Policy',
  'Cross-Origin-Resource-Policy',
  'X-XSS-Protection',
  'X-Permitted-Cross-Domain-Policies',
] as const;

const SECURITY_HEADER_NAMES = new Set(SECURITY_HEADERS.map((name) => name.toLowerCase()));
export const isSecurityHeader = (name: string) => SECURITY_HEADER_NAMES.has(name.toLowerCase());
export const canonicalHeaderName = (name: string) => SECURITY_HEADERS.find((header) => header.toLowerCase() === name.toLowerCase()) ?? name;

/** Headers that protect only with some values (Cache-Control: no-store keeps private pages out of caches). */
const PROTECTIVE_VALUES: Record<string, RegExp> = {
  'cache-control': /no-store|no-cache|private|must-revalidate/i,
  pragma: /no-cache/i,
  expires: /^(?:0|-\d+)$|1970/i,
  'content-disposition': /attachment/i,
  'x-download-options': /noopen/i,
};

/** A header whose loss weakens the response: a security header, or a cache/download header with a protective value. */
export const isProtectiveHeader = (header: HeaderSetting) =>
  isSecurityHeader(header.name) || (PROTECTIVE_VALUES[header.name]?.test(header.value.trim()) ?? false);

export function addHeaderSetting(placed: Placed): HeaderSetting | undefined {
  const [nameArg, valueArg, ...rest] = placed.directive.args;
  if (!nameArg) return undefined;
  return { name: nameArg.value.toLowerCase(), value: valueArg?.value ?? '', always: rest.some((arg) => arg.value === 'always'), placed, nameArg, valueArg };
}

/** `add_header_inherit` (nginx 1.29.3+) in effect: `on` (the default) replaces, `merge` appends, `off` inherits nothing. */
export const headerInheritance = (context: NginxContext): 'on' | 'merge' | 'off' => {
  const value = effectiveValue(context, 'add_header_inherit');
  return value === 'merge' || value === 'off' ? value : 'on';
};

/** add_header settings in effect in a context, with nginx's inheritance (and add_header_inherit) applied. */
export const effectiveAddHeaders = (context: NginxContext): HeaderSetting[] => derived(context, 'effectiveAddHeaders', () => addHeadersInEffect(context));

function addHeadersInEffect(context: NginxContext): HeaderSetting[] {
  const settings: HeaderSetting[] = [];
  for (let current: NginxContext | undefined = context; current; current = current.parent) {
    const found = ownHeaders(current);
    const mode = headerInheritance(current);
    settings.unshift(...found);
    if (mode === 'off') break;
    if (found.length && mode === 'on') break;
  }
  return settings;
}

/** Headers set by `more_set_headers` (headers-more), which apply to every status and accumulate. */
function moreSetHeaders(context: NginxContext): HeaderSetting[] {
  const settings: HeaderSetting[] = [];
  for (let current: NginxContext | undefined = context; current; current = current.parent) {
    for (const placed of own(current, 'more_set_headers')) {
      for (const { name, value } of moreSetHeaderValues(placed)) settings.push({ name: name.toLowerCase(), value, always: true, placed });
    }
  }
  return settings;
}

/** The `Name: value` arguments of a more_set_headers (its -s and -t options skipped). */
export function moreSetHeaderValues(placed: Placed): { name: string; value: string; arg: NginxArg }[] {
  const args = placed.directive.args;
  const values: { name: string; value: string; arg: NginxArg }[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].value === '-s' || args[i].value === '-t') {
      i++;
      continue;
    }
    if (args[i].value.startsWith('-')) continue;
    const colon = args[i].value.indexOf(':');
    if (colon <= 0) continue;
    values.push({ name: args[i].value.slice(0, colon).trim(), value: args[i].value.slice(colon + 1).trim(), arg: args[i] });
  }
  return values;
}

/** Response headers in effect in a context (add_header inheritance applied, more_set_headers added). */
export function effectiveHeaders(context: NginxContext): HeaderSetting[] {
  return [...effectiveAddHeaders(context), ...moreSetHeaders(context)];
}

export const ownHeaders = (context: NginxContext): HeaderSetting[] =>
  derived(context, 'ownHeaders', () =>
    own(context, 'add_header')
      .map(addHeaderSetting)
      .filter((setting): setting is HeaderSetting => setting !== undefined),
  );

/** Offsets of a part of an argument's value in the file, when the source spells it literally (nothing was unescaped). */
export function valueSpan(placed: Placed, arg: NginxArg, start: number, end: number): Span | undefined {
  const raw = placed.model.text.slice(arg.span.start, arg.span.end);
  const inner = arg.quoted ? raw.slice(1, -1) : raw;
  if (inner !== arg.value) return undefined;
  const base = arg.span.start + (arg.quoted ? 1 : 0);
  return { start: base + start, end: base + end };
}
