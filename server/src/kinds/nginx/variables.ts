/**
 * What an nginx variable can hold where a directive uses it, as gixy models it: request variables
 * with the characters a client can put in them ($uri can carry a decoded newline, $request_uri
 * cannot), regex captures of the enclosing location, `if` or `rewrite`, and `set` values built
 * from those. A variable nothing in the configuration defines is unknown and makes no claim.
 */
import { derived, type NginxConfig, type NginxContext, type Placed } from './config';
import { canContain, mustContain, parseRegex, type RegexNode } from './regex';
import { locationMatch } from './model';
import { hasUnknownParts } from './semantics';

export interface ScriptPart {
  /** Offsets of the part in the directive argument's value. */
  start: number;
  end: number;
  text: string;
  /** The variable's name (`uri`, `1`, `arg_x`) when the part is a variable. */
  variable?: string;
}

/** `$name`, `${name}` or `$1`; global, so compileScript resets it before each use (it never recurses). */
const SCRIPT_VARIABLE = /\$([1-9]|[a-z_][a-z0-9_]*|\{[a-z0-9_]+\})/gi;

/** Splits a value into literal text and variables, as ngx_http_script_compile does. */
export function compileScript(value: string): ScriptPart[] {
  const parts: ScriptPart[] = [];
  if (!value.includes('$')) return value ? [{ start: 0, end: value.length, text: value }] : parts;
  const pattern = SCRIPT_VARIABLE;
  pattern.lastIndex = 0;
  let last = 0;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    if (match.index > last) parts.push({ start: last, end: match.index, text: value.slice(last, match.index) });
    const name = match[1];
    const variable = (name.charCodeAt(0) === 123 /* { */ ? name.slice(1, -1) : name).toLowerCase();
    parts.push({ start: match.index, end: match.index + match[0].length, text: match[0], variable });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ start: last, end: value.length, text: value.slice(last) });
  return parts;
}

export interface VariableValue {
  name: string;
  /** Whether the client can put this character in the value. */
  canContain(char: string): boolean;
  /** Whether every value holds this character. */
  mustContain(char: string): boolean;
  /** The directive that defines it (a set, a location regex), when the configuration does. */
  provider?: Placed;
}

/** Request variables and the characters a client can put in them (gixy's builtin_variables). */
const BUILTIN_PATTERNS: [name: string, prefix: boolean, pattern: string][] = [
  ['uri', false, '/[^\\x20\\t]*'],
  ['document_uri', false, '/[^\\x20\\t]*'],
  ['arg_', true, '[^\\s&]+'],
  ['args', false, '[^\\s]+'],
  ['query_string', false, '[^\\s]+'],
  ['request_uri', false, '/[^\\s]*'],
  ['http_', true, '[\\x21-\\x7e]'],
];

/*
 * Values are small classes rather than object literals of closures: analyses create many of them,
 * and a class shares its methods instead of allocating (and naming) two functions per value.
 */

/** What a regex (a request variable's pattern, a capture group) can hold. */
class RegexValue implements VariableValue {
  constructor(
    readonly name: string,
    private readonly node: RegexNode,
    private readonly caseInsensitive: boolean,
    readonly provider?: Placed,
    private readonly boundary?: (char: string) => boolean,
  ) {}
  canContain(char: string): boolean {
    return (!this.boundary || this.boundary(char)) && canContain(this.node, char, this.caseInsensitive);
  }
  mustContain(char: string): boolean {
    return mustContain(this.node, char);
  }
}

function regexValue(name: string, node: RegexNode, caseInsensitive: boolean, provider?: Placed, boundary?: (char: string) => boolean): VariableValue {
  return new RegexValue(name, node, caseInsensitive, provider, boundary);
}

function builtin(name: string): VariableValue | undefined {
  for (const [builtinName, prefix, pattern] of BUILTIN_PATTERNS) {
    if (prefix ? name.startsWith(builtinName) : name === builtinName) return regexValue(name, parseRegex(pattern).root, true);
  }
  return undefined;
}

/** A value the client cannot shape: a map, a geo block, a Lua or Perl setter, server-side state. */
class OpaqueValue implements VariableValue {
  constructor(
    readonly name: string,
    readonly provider?: Placed,
  ) {}
  canContain(): boolean {
    return false;
  }
  mustContain(): boolean {
    return false;
  }
}

const opaque = (name: string, provider?: Placed): VariableValue => new OpaqueValue(name, provider);

/** rewrite matches the URI without whitespace or line breaks in its captures (gixy's boundary). */
const rewriteBoundary = (char: string) => !/[\s]/.test(char);

/** The regex a block or directive matches, with the case mode: location ~, if (... ~ ...), rewrite. */
function regexOf(placed: Placed): { source: string; caseInsensitive: boolean; boundary?: (char: string) => boolean } | undefined {
  const directive = placed.directive;
  if (directive.name === 'location' && directive.children) {
    const { modifier, pattern } = locationMatch(directive);
    return modifier === '~' || modifier === '~*' ? { source: pattern, caseInsensitive: modifier === '~*' } : undefined;
  }
  if (directive.name === 'if') {
    const condition = ifCondition(placed);
    if (!condition || !/^~\*?$/.test(condition.operator)) return undefined;
    return { source: condition.value, caseInsensitive: condition.operator === '~*' };
  }
  if (directive.name === 'rewrite' && directive.args.length >= 2) return { source: directive.args[0].value, caseInsensitive: false, boundary: rewriteBoundary };
  return undefined;
}

/** The condition of an `if` block: `($http_origin !~* "^https://a\.example$")` -> variable, operator, value. */
export function ifCondition(placed: Placed): { variable: string; operator: string; value: string } | undefined {
  const args = placed.directive.args;
  if (args.length === 0) return undefined;
  const first = args[0].value.replace(/^\(/, '');
  const rest = args.slice(1).map((arg) => arg.value);
  const lastIndex = rest.length - 1;
  if (lastIndex >= 0) rest[lastIndex] = rest[lastIndex].replace(/\)$/, '');
  const values = rest.filter((value, index) => value !== '' || index !== lastIndex);
  if (values.length < 2) return undefined;
  return { variable: first.toLowerCase(), operator: values[0], value: values.slice(1).join(' ') };
}

const SETTERS = new Set(['set', 'auth_request_set']);
const OPAQUE_SETTERS = /^(?:perl_set|js_set|set_by_lua\w*|set_secure_random_\w+|set_md5|set_sha1|set_escape_uri|set_unescape_uri|set_real_ip_from)$/;
const MAX_DEPTH = 8;

/** Variables defined by map and geo blocks: global in nginx, whatever their position. */
function globals(config: NginxConfig): Map<string, Placed> {
  return derived(config, 'globalVariables', () => {
    const found = new Map<string, Placed>();
    for (const context of config.contexts) {
      const owner = context.owner;
      if (!owner || !['map', 'geo', 'split_clients', 'perl_set'].includes(context.kind)) continue;
      const args = owner.directive.args;
      const target = context.kind === 'geo' && args.length === 1 ? args[0] : args[1] ?? args[0];
      if (target?.value.startsWith('$')) found.set(target.value.slice(1).toLowerCase(), owner);
    }
    return found;
  });
}

/**
 * What `$name` holds when `at` runs: the nearest definition before it in its block or an
 * enclosing one (a `set`, the captures of the nearest regex), else a map/geo, else a request
 * variable. Undefined when nothing defines it.
 */
export function variableAt(config: NginxConfig, at: Placed, name: string, depth = 0): VariableValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let byName = at.variables;
  if (!byName) {
    byName = new Map();
    at.variables = byName;
  }
  if (byName.has(name)) return byName.get(name);
  const value = findVariable(config, at, name, depth);
  byName.set(name, value);
  return value;
}

/**
 * The captures of the regex a directive or block matches: the group named `name`, an empty value
 * for a number the regex lacks (the nearest regex owns $1..$9), or null when it has no regex.
 */
function regexCapture(provider: Placed, name: string, numbered: boolean): VariableValue | null {
  const regex = regexOf(provider);
  if (!regex) return null;
  const parsed = parseRegex(regex.source, regex.caseInsensitive);
  const group = parsed.groups.get(name);
  if (group) return regexValue(name, group, parsed.caseInsensitive, provider, regex.boundary);
  return numbered ? opaque(name, provider) : null;
}

function findVariable(config: NginxConfig, at: Placed, name: string, depth: number): VariableValue | undefined {
  const numbered = name.length === 1 && name >= '1' && name <= '9';
  // A rewrite's own captures feed its replacement.
  if (at.directive.name === 'rewrite') {
    const own = regexCapture(at, name, numbered);
    if (own) return own;
  }
  const plain = `$${name}`;
  const braced = `\${${name}}`;
  let context: NginxContext = at.context;
  let index = context.directives.indexOf(at);
  for (;;) {
    for (let i = index - 1; i >= 0; i--) {
      const placed = context.directives[i];
      const directiveName = placed.directive.name;
      if (directiveName === 'rewrite') {
        const value = regexCapture(placed, name, numbered);
        if (value) return value;
        continue;
      }
      // Every setter's name holds "set": the cheap test first, most directives are not setters.
      if (!directiveName.includes('set')) continue;
      const setter = SETTERS.has(directiveName);
      if (!setter && !OPAQUE_SETTERS.test(directiveName)) continue;
      const target = placed.directive.args[0]?.value.toLowerCase();
      if (target !== plain && target !== braced) continue;
      return setter ? scriptValue(config, placed, name, placed.directive.args[1]?.value ?? '', depth) : opaque(name, placed);
    }
    const owner: Placed | undefined = context.owner;
    if (!owner) break;
    const value = regexCapture(owner, name, numbered);
    if (value) return value;
    context = owner.context;
    index = context.directives.indexOf(owner);
  }
  const global = globals(config).get(name);
  if (global) return blockValue(config, global, name, depth);
  return builtin(name);
}

/** map and geo parameters that are not a key and its value. */
const BLOCK_PARAMETERS: Record<string, Set<string>> = {
  map: new Set(['hostnames', 'volatile']),
  geo: new Set(['proxy', 'proxy_recursive', 'delete', 'ranges']),
};

/**
 * What a map or geo block can set its variable to: each value and the default (an empty value when
 * none is written), as gixy-ng reads them. Map values may hold variables; geo values are literal. A
 * block with an include, or any other setter (split_clients, perl_set), stays opaque.
 */
function blockValue(config: NginxConfig, owner: Placed, name: string, depth: number): VariableValue {
  const kind = owner.directive.name;
  const block = owner.block;
  if (!block || (kind !== 'map' && kind !== 'geo') || block.directives.some((placed) => placed.directive.name === 'include')) return opaque(name, owner);
  const values: string[] = [];
  let hasDefault = false;
  for (const placed of block.directives) {
    const directive = placed.directive;
    if (BLOCK_PARAMETERS[kind].has(directive.name)) continue;
    if (directive.name === 'default') hasDefault = true;
    values.push(directive.args[0]?.value ?? '');
  }
  if (!hasDefault) values.push('');
  if (kind === 'geo') return new GeoValue(name, owner, values);
  return new MapValue(
    name,
    owner,
    values.map((value) => scriptValue(config, owner, name, value, depth)),
  );
}

/** A geo block's variable: literal text, so the client picks which value, never what it holds. */
class GeoValue implements VariableValue {
  constructor(
    readonly name: string,
    readonly provider: Placed,
    private readonly values: readonly string[],
  ) {}
  canContain(): boolean {
    return false;
  }
  mustContain(char: string): boolean {
    return this.values.every((value) => value.includes(char));
  }
}

/** A map block's variable: any of its values. */
class MapValue implements VariableValue {
  constructor(
    readonly name: string,
    readonly provider: Placed,
    private readonly values: readonly VariableValue[],
  ) {}
  canContain(char: string): boolean {
    return this.values.some((value) => value.canContain(char));
  }
  mustContain(char: string): boolean {
    return this.values.every((value) => value.mustContain(char));
  }
}

/** A value built from a script (`set $x "$uri/$1"`), its variables resolved on first question: most variables are never asked about. */
class ScriptValue implements VariableValue {
  private parts: { part: ScriptPart; resolved?: VariableValue }[] | undefined;
  constructor(
    private readonly config: NginxConfig,
    readonly provider: Placed,
    readonly name: string,
    private readonly value: string,
    private readonly depth: number,
  ) {}
  private resolve(): { part: ScriptPart; resolved?: VariableValue }[] {
    return (this.parts ??= compileScript(this.value).map((part) => ({
      part,
      resolved: part.variable ? variableAt(this.config, this.provider, part.variable, this.depth + 1) : undefined,
    })));
  }
  canContain(char: string): boolean {
    return this.resolve().some(({ resolved }) => resolved?.canContain(char) ?? false);
  }
  mustContain(char: string): boolean {
    return this.resolve().some(({ part, resolved }) => (resolved ? resolved.mustContain(char) : !part.variable && part.text.includes(char)));
  }
}

function scriptValue(config: NginxConfig, placed: Placed, name: string, value: string, depth: number): VariableValue {
  return new ScriptValue(config, placed, name, value, depth);
}

/** The variables of a directive argument, each resolved where the directive runs. */
export function scriptVariables(config: NginxConfig, at: Placed, value: string): { part: ScriptPart; value?: VariableValue }[] {
  return compileScript(value).map((part) => ({ part, value: part.variable ? variableAt(config, at, part.variable) : undefined }));
}

/** Variables nginx and its usual modules define themselves (besides the request ones above): their values are never unknown. */
const NGINX_VARIABLES = new Set(
  (
    'ancient_browser binary_remote_addr body_bytes_sent bytes_received bytes_sent connection connection_requests connection_time ' +
    'connections_active connections_reading connections_waiting connections_writing content_length content_type date_gmt date_local ' +
    'document_root fastcgi_path_info fastcgi_script_name gzip_ratio host hostname http2 http3 https invalid_referer is_args ' +
    'limit_conn_status limit_rate limit_req_status memcached_key modern_browser msec msie nginx_version pid pipe protocol ' +
    'proxy_add_x_forwarded_for proxy_host proxy_port realip_remote_addr realip_remote_port realpath_root remote_addr remote_port ' +
    'remote_user request request_body request_body_file request_completion request_filename request_id request_length ' +
    'request_method request_time scheme secure_link secure_link_expires server_addr server_name server_port server_protocol ' +
    'slice_range status time_iso8601 time_local uid_got uid_reset uid_set'
  ).split(' '),
);
const NGINX_VARIABLE_PREFIXES = /^(?:sent_http_|sent_trailer_|cookie_|upstream_|ssl_|geoip_|geoip2_|tcpinfo_|proxy_protocol_|jwt_|session_|spdy)/;

/**
 * True when some variable of the parts is defined nowhere the workspace shows and could be defined
 * out of sight (a `set` or `map` in an include it lacks, or in a snippet's includer): what it can
 * hold is unknown.
 */
export function definedOutOfSight(config: NginxConfig, parts: readonly { part: ScriptPart; value?: VariableValue }[], depth = 0): boolean {
  if (depth > MAX_DEPTH || !hasUnknownParts(config)) return false;
  return parts.some(({ part, value }) => {
    const name = part.variable;
    if (name === undefined || /^[1-9]$/.test(name)) return false;
    // A `set` built from variables is as unknown as they are.
    const setter = value?.provider;
    if (setter && SETTERS.has(setter.directive.name)) return definedOutOfSight(config, scriptVariables(config, setter, setter.directive.args[1]?.value ?? ''), depth + 1);
    return value === undefined && !NGINX_VARIABLES.has(name) && !NGINX_VARIABLE_PREFIXES.test(name);
  });
}

