/**
 * nginx evidence, read with the nginx model's parser from the raw text: the TLS versions offered
 * (the TLS target), request ids, CORS with explicit origins, allow-lists on admin locations,
 * authentication through auth_request, ModSecurity and proxy caching. Only directives count:
 * a comment that mentions `$request_id` proves nothing.
 */
import { parseNginx, type NginxDirective } from '../../kinds/nginx/model';
import { DECLARED_PREFIX, loc, type Detector, type DetectorHit, type SourceFile } from './source';

/** The paths the extension treats as nginx (package.json's nginx file patterns), fluent-bit's .conf excluded. */
export function isNginxConfigPath(file: SourceFile): boolean {
  if (file.name === 'nginx.conf' || file.name.endsWith('.nginx')) return true;
  if (!file.name.endsWith('.conf') || /fluent|td-agent/.test(file.name)) return false;
  return file.folders.some((folder) => /nginx|^conf\.d$|^sites-(?:available|enabled)$/.test(folder));
}

const models = new WeakMap<SourceFile, NginxDirective[]>();

function directives(file: SourceFile): NginxDirective[] {
  let found = models.get(file);
  if (!found) {
    found = parseNginx(file.text, file.path).directives;
    models.set(file, found);
  }
  return found;
}

/** Every directive with its enclosing blocks, iteratively (configs can nest deeply). */
function* walk(roots: readonly NginxDirective[]): Generator<{ directive: NginxDirective; ancestors: NginxDirective[] }> {
  const stack: { directive: NginxDirective; ancestors: NginxDirective[] }[] = [...roots].reverse().map((directive) => ({ directive, ancestors: [] }));
  while (stack.length > 0) {
    const entry = stack.pop()!;
    yield entry;
    const children = entry.directive.children ?? [];
    const ancestors = [...entry.ancestors, entry.directive];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ directive: children[i], ancestors });
  }
}

const arg = (directive: NginxDirective, index: number) => directive.args[index]?.value ?? '';
const own = (block: NginxDirective, name: string) => (block.children ?? []).filter((child) => child.name === name);
const TLS_VERSIONS: Record<string, number> = { sslv2: 0.2, sslv3: 0.3, tlsv1: 1.0, 'tlsv1.1': 1.1, 'tlsv1.2': 1.2, 'tlsv1.3': 1.3 };

/** A server that accepts TLS: `listen ... ssl` (or quic), or the old `ssl on`. */
function isTlsServer(server: NginxDirective): boolean {
  return own(server, 'listen').some((listen) => listen.args.some((candidate) => candidate.value === 'ssl' || candidate.value === 'quic')) || own(server, 'ssl').some((ssl) => arg(ssl, 0) === 'on');
}

/** Whether ssl_protocols placed under these blocks applies to a TLS server of the same file. */
function reachesTlsServer(ancestors: readonly NginxDirective[], roots: readonly NginxDirective[]): boolean {
  const server = [...ancestors].reverse().find((ancestor) => ancestor.name === 'server');
  if (server) return isTlsServer(server);
  const scope = ancestors.length > 0 ? (ancestors[ancestors.length - 1].children ?? []) : roots;
  return [...walk(scope)].some(({ directive }) => directive.name === 'server' && isTlsServer(directive));
}

export const nginxTlsDetector: Detector = {
  id: 'nginx-tls',
  title: 'TLS versions nginx offers',
  hint: loc('Offer TLS 1.3 in the nginx servers that listen with ssl (ssl_protocols TLSv1.2 TLSv1.3).', 'Ofereça TLS 1.3 nos servers nginx que escutam com ssl (ssl_protocols TLSv1.2 TLSv1.3).'),
  heuristic:
    'Each ssl_protocols directive declares the highest TLS version nginx offers there, judged against the TLS target (1.3 by default). Without the directive nginx\'s default depends on its version and build, so nothing is declared. ' +
    'It proves encryption in transit only where it reaches a server of the same file that listens with ssl: in an http block or a snippet without one it still declares its value, but nothing is encrypted yet.',
  proves: {
    'security/encryption-in-transit': loc('nginx offers the TLS version of the target.', 'O nginx oferece a versão de TLS da meta.'),
  },
  appliesTo: isNginxConfigPath,
  textHint: /ssl_protocols/,
  detect(file) {
    const hits: DetectorHit[] = [];
    const roots = directives(file);
    for (const { directive, ancestors } of walk(roots)) {
      if (directive.name !== 'ssl_protocols' || directive.args.length === 0) continue;
      const versions = directive.args.map((candidate) => TLS_VERSIONS[candidate.value.toLowerCase()]).filter((version): version is number => version !== undefined);
      if (versions.length === 0) continue;
      const highest = Math.max(...versions);
      const span = { start: directive.args[0].span.start, end: directive.args[directive.args.length - 1].span.end };
      const text = directive.args.map((candidate) => candidate.value).join(' ');
      hits.push({
        item: reachesTlsServer(ancestors, roots) ? 'security/encryption-in-transit' : `${DECLARED_PREFIX}tls`,
        what: loc(`ssl_protocols ${text}`, `ssl_protocols ${text}`),
        line: file.lineOf(directive.span.start),
        declares: { target: 'tls', text: `ssl_protocols ${text}`, value: highest, span, source: 'nginx' },
      });
    }
    return hits;
  },
};

const ADMIN_PATH = /admin|internal|management|metrics|actuator|nginx_status|stub_status|server-status|status|debug|console|phpmyadmin|pgadmin|grafana|prometheus/i;

export const nginxEdgeDetector: Detector = {
  id: 'nginx-edge',
  title: 'Request ids, CORS, allow-lists, authentication, WAF and caching in nginx',
  hint: loc('In nginx: log and forward $request_id, allow explicit CORS origins, allow/deny on admin locations, auth_request to oauth2-proxy.', 'No nginx: registre e repasse o $request_id, permita origens CORS explícitas, allow/deny nos locations administrativos, auth_request para o oauth2-proxy.'),
  hints: {
    'monitoring/correlation-ids': loc('In nginx, log $request_id in the log_format or send it upstream (proxy_set_header X-Request-ID $request_id).', 'No nginx, registre o $request_id no log_format ou repasse-o ao upstream (proxy_set_header X-Request-ID $request_id).'),
    'security/cors': loc('In nginx, allow explicit CORS origins (Access-Control-Allow-Origin with an origin, or a map over $http_origin whose default is empty).', 'No nginx, permita origens CORS explícitas (Access-Control-Allow-Origin com uma origem, ou um map sobre $http_origin com padrão vazio).'),
    'security/ip-whitelisting': loc('In nginx, restrict the admin locations (/admin, /metrics, /nginx_status) with allow <addresses> and deny all.', 'No nginx, restrinja os locations administrativos (/admin, /metrics, /nginx_status) com allow <endereços> e deny all.'),
    'security/authentication': loc('In nginx, authenticate with auth_request to an OAuth2/OIDC proxy (oauth2-proxy) or auth_jwt.', 'No nginx, autentique com auth_request para um proxy OAuth2/OIDC (oauth2-proxy) ou auth_jwt.'),
    'security/api-security': loc('In nginx, authenticate (auth_request or auth_jwt) and rate limit (limit_req) in the same server.', 'No nginx, autentique (auth_request ou auth_jwt) e limite a taxa (limit_req) no mesmo server.'),
    'security/waf': loc('In nginx, turn ModSecurity on with a rules file (modsecurity on, modsecurity_rules_file).', 'No nginx, ligue o ModSecurity com um arquivo de regras (modsecurity on, modsecurity_rules_file).'),
    'performance/caching': loc('In nginx, cache upstream responses (a proxy_cache zone that a location uses).', 'No nginx, faça cache das respostas do upstream (uma zona proxy_cache usada por um location).'),
  },
  heuristic:
    'Request ids: $request_id in a log_format or sent upstream (proxy_set_header X-Request-ID $request_id). CORS: add_header Access-Control-Allow-Origin with an explicit origin, ' +
    'or a variable from a map over $http_origin whose default is empty ("*" or an unchecked $http_origin does not count). Allow-list: a location for an admin path (/admin, ' +
    '/metrics, /nginx_status ...) with allow <addresses> and deny all ("allow all" does not count). Authentication: auth_request to an OAuth2/OIDC proxy (oauth2-proxy, ' +
    '/oauth2/auth) or auth_jwt; with limit_req in the same server, API security. WAF: modsecurity on with a rules file. Caching: a proxy_cache zone that a location uses.',
  proves: {
    'monitoring/correlation-ids': loc('nginx gives every request an id and logs or forwards it.', 'O nginx dá um id a toda requisição e o registra ou repassa.'),
    'security/cors': loc('CORS allows only explicit origins.', 'O CORS permite apenas origens explícitas.'),
    'security/ip-whitelisting': loc('Admin locations accept only an allow-list of addresses.', 'Locations administrativos aceitam apenas uma lista de endereços permitidos.'),
    'security/authentication': loc('nginx authenticates requests through an OAuth2/OIDC proxy.', 'O nginx autentica as requisições por um proxy OAuth2/OIDC.'),
    'security/api-security': loc('The API requires authentication and is rate limited.', 'A API exige autenticação e tem limite de taxa.'),
    'security/waf': loc('ModSecurity filters requests with its rule set.', 'O ModSecurity filtra as requisições com seu conjunto de regras.'),
    'performance/caching': loc('nginx caches upstream responses.', 'O nginx faz cache das respostas do upstream.'),
  },
  appliesTo: isNginxConfigPath,
  textHint: /\$request_id|Access-Control-Allow-Origin|\ballow\s|auth_request|auth_jwt|modsecurity|proxy_cache/i,
  detect(file) {
    const hits: DetectorHit[] = [];
    const seen = new Set<string>();
    const add = (item: string, en: string, pt: string, directive: NginxDirective) => {
      if (seen.has(item)) return;
      seen.add(item);
      hits.push({ item, what: loc(en, pt), line: file.lineOf(directive.span.start) });
    };
    const all = [...walk(directives(file))];
    const strictMaps = new Set(
      all
        .filter(({ directive }) => directive.name === 'map' && arg(directive, 0) === '$http_origin' && directive.children)
        .filter(({ directive }) => (directive.children ?? []).some((entry) => entry.name === 'default' && (arg(entry, 0) === '' || arg(entry, 0) === '""')))
        .map(({ directive }) => arg(directive, 1)),
    );
    for (const { directive, ancestors } of all) {
      const args = directive.args.map((candidate) => candidate.value).join(' ');
      if ((directive.name === 'log_format' && /\$request_id\b/.test(args)) || (/^(?:proxy_set_header|add_header|grpc_set_header|fastcgi_param)$/.test(directive.name) && /^x-request-id$/i.test(arg(directive, 0)) && arg(directive, 1) === '$request_id'))
        add('monitoring/correlation-ids', `${directive.name} ${args}`, `${directive.name} ${args}`, directive);
      if (directive.name === 'add_header' && /^access-control-allow-origin$/i.test(arg(directive, 0))) {
        const origin = arg(directive, 1);
        if (/^https?:\/\/[^\s*]+$/.test(origin) || strictMaps.has(origin)) add('security/cors', `Access-Control-Allow-Origin ${origin}`, `Access-Control-Allow-Origin ${origin}`, directive);
      }
      if (directive.name === 'location' && ADMIN_PATH.test(directive.args.map((candidate) => candidate.value).join(' '))) {
        const allows = own(directive, 'allow').map((allow) => arg(allow, 0));
        const denyAll = own(directive, 'deny').some((deny) => arg(deny, 0) === 'all');
        if (denyAll && allows.length > 0 && !allows.some((address) => address === 'all' || address === '0.0.0.0/0' || address === '::/0'))
          add('security/ip-whitelisting', `location ${args} allows only ${allows.join(', ')}`, `location ${args} permite apenas ${allows.join(', ')}`, directive);
      }
      if (directive.name === 'auth_jwt' && arg(directive, 0) !== 'off') add('security/authentication', `auth_jwt ${args}`, `auth_jwt ${args}`, directive);
      if (directive.name === 'auth_request' && arg(directive, 0) !== 'off') {
        const target = arg(directive, 0);
        const location = all.find(({ directive: candidate }) => candidate.name === 'location' && candidate.args.some((value) => value.value === target));
        const upstream = location ? own(location.directive, 'proxy_pass').map((pass) => arg(pass, 0)).join(' ') : '';
        if (/oauth2|oidc|openid|keycloak|dex|authelia|authentik|pomerium/i.test(`${target} ${upstream}`)) {
          add('security/authentication', `auth_request ${target}${upstream ? ` (${upstream})` : ''}`, `auth_request ${target}${upstream ? ` (${upstream})` : ''}`, directive);
          const server = [...ancestors].reverse().find((ancestor) => ancestor.name === 'server');
          if (server && [...walk(server.children ?? [])].some(({ directive: inner }) => inner.name === 'limit_req'))
            add('security/api-security', `server with auth_request ${target} and limit_req`, `server com auth_request ${target} e limit_req`, directive);
        }
      }
      if (directive.name === 'modsecurity' && arg(directive, 0) === 'on' && all.some(({ directive: rules }) => /^modsecurity_rules(?:_file)?$/.test(rules.name)))
        add('security/waf', 'ModSecurity on with a rule set', 'ModSecurity ligado com conjunto de regras', directive);
      if (directive.name === 'proxy_cache' && arg(directive, 0) !== 'off' && all.some(({ directive: path }) => path.name === 'proxy_cache_path'))
        add('performance/caching', `proxy_cache ${args}`, `proxy_cache ${args}`, directive);
    }
    return hits;
  },
};

export const NGINX_DETECTORS: Detector[] = [nginxTlsDetector, nginxEdgeDetector];
