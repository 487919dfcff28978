/**
 * The verdicts gixy-ng (dvershinin/gixy) and Gixy-Next (MegaManSec/Gixy-Next) assert in their own
 * test suites (tests/plugins/simply/<plugin>/<case>.conf: a `_fp` case must get no finding, any
 * other must get one), transcribed for the checks we share with them. A case we deliberately judge
 * otherwise says why in `differs`; every other case must agree. The agreement is printed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/engine/analyze';
import { nginxSupport } from '../../server/src/kinds/nginx';
import { nginxRules } from '../../rules/nginx';
import { workspaceOf } from '../helpers/rule-tester';

interface GixyCase {
  /** `<plugin>/<case>` as the reference names it; `_fp` = the reference reports nothing. */
  name: string;
  rule: string;
  code: string;
  /** Why we judge this case otherwise than the reference, when we do. */
  differs?: string;
}

const ALLOW = 'nginx/allow-without-deny';
const HOST = 'nginx/host-spoofing';
const SPLIT = 'nginx/http-splitting';
const SSRF = 'nginx/ssrf';
const ORIGINS = 'nginx/origins';
const BYPASS = 'nginx/return-bypasses-allow-deny';
const HEADERS = 'nginx/add-header-inheritance';

const inServer = (location: string) => `server {\n    location / {\n${location}    }\n}\n`;

const CASES: GixyCase[] = [
  // Gixy-Next allow_without_deny
  { name: 'allow_without_deny/auth_without_satisfy', rule: ALLOW, code: inServer('        allow 10.0.0.0/8;\n        auth_basic "Restricted";\n        auth_basic_user_file /etc/nginx/htpasswd;\n'),
    differs: 'a snippet: its includer may set satisfy any, which turns this allow list into a shortcut past the login (no claim either way)' },
  { name: 'allow_without_deny/satisfy_all_explicit', rule: ALLOW, code: inServer('        satisfy all;\n        allow 10.0.0.0/8;\n        auth_basic "Restricted";\n        auth_basic_user_file /etc/nginx/htpasswd;\n') },
  { name: 'allow_without_deny/satisfy_any_auth_basic_fp', rule: ALLOW, code: inServer('        satisfy any;\n        allow 10.0.0.0/8;\n        auth_basic "Restricted";\n        auth_basic_user_file /etc/nginx/htpasswd;\n') },
  { name: 'allow_without_deny/satisfy_any_auth_jwt_fp', rule: ALLOW, code: inServer('        satisfy any;\n        allow 10.0.0.0/8;\n        auth_jwt "closed site";\n        auth_jwt_key_file conf/keys.jwk;\n') },
  { name: 'allow_without_deny/satisfy_any_auth_oidc_fp', rule: ALLOW, code: inServer('        satisfy any;\n        allow 10.0.0.0/8;\n        auth_oidc idp;\n') },
  { name: 'allow_without_deny/satisfy_any_auth_request_fp', rule: ALLOW, code: inServer('        satisfy any;\n        allow 10.0.0.0/8;\n        auth_request /auth;\n') },
  { name: 'allow_without_deny/satisfy_any_auth_off', rule: ALLOW, code: inServer('        satisfy any;\n        allow 10.0.0.0/8;\n        auth_basic off;\n') },
  { name: 'allow_without_deny/satisfy_any_inherited_fp', rule: ALLOW, code: 'server {\n    satisfy any;\n    auth_basic "Restricted";\n    auth_basic_user_file /etc/nginx/htpasswd;\n    location / {\n        allow 10.0.0.0/8;\n    }\n}\n' },
  { name: 'allow_without_deny/satisfy_any_no_auth', rule: ALLOW, code: inServer('        satisfy any;\n        allow 10.0.0.0/8;\n') },
  {
    name: 'allow_without_deny/satisfy_any_sibling_scope',
    rule: ALLOW,
    code: 'server {\n    location /admin/ {\n        satisfy any;\n        allow 10.0.0.0/8;\n        auth_basic "Restricted";\n        auth_basic_user_file /etc/nginx/htpasswd;\n    }\n    location /open/ {\n        allow 10.0.0.0/8;\n    }\n}\n',
  },
  // Gixy-Next host_spoofing
  { name: 'host_spoofing/concat_arg_subdomain', rule: HOST, code: 'proxy_set_header Host www.$arg_sub.example.com;\n' },
  { name: 'host_spoofing/concat_cookie_subdomain', rule: HOST, code: 'proxy_set_header Host $cookie_tenant.example.com;\n' },
  { name: 'host_spoofing/concat_x_forwarded_host', rule: HOST, code: 'http {\n    server {\n        location / {\n            proxy_set_header Host prefix-$http_x_forwarded_host;\n            proxy_pass http://backend;\n        }\n    }\n}\n' },
  { name: 'host_spoofing/cookie_host', rule: HOST, code: 'proxy_set_header Host $cookie_host;' },
  { name: 'host_spoofing/host_server_port_fp', rule: HOST, code: 'proxy_set_header Host $host:$server_port;\n' },
  { name: 'host_spoofing/incomplete_directive_fp', rule: HOST, code: 'proxy_set_header Host;\n' },
  { name: 'host_spoofing/uppercase_arg', rule: HOST, code: 'proxy_set_header Host $ARG_host;\n' },
  { name: 'host_spoofing/uppercase_http_host', rule: HOST, code: 'proxy_set_header Host $HTTP_HOST;\n' },
  { name: 'host_spoofing/x_forwarded_host', rule: HOST, code: 'proxy_set_header Host $http_x_forwarded_host;' },
  // Gixy-Next http_splitting
  { name: 'http_splitting/return_body_text_fp', rule: SPLIT, code: 'location /health {\n    return 200 "ok $uri";\n}\n' },
  { name: 'http_splitting/return_error_body_fp', rule: SPLIT, code: 'return 404 /errors$uri;\n' },
  { name: 'http_splitting/return_url_no_code', rule: SPLIT, code: 'return http://example.com$uri;\n' },
  {
    name: 'http_splitting/return_with_map_after_server_fp',
    rule: SPLIT,
    code: 'server {\n    location = /.well-known/security.txt {\n        default_type text/plain;\n        return 200 "Canonical: https://$canonical_host/.well-known/security.txt";\n    }\n}\n\nmap $ssl_server_name $canonical_host {\n    default $ssl_server_name;\n}\n',
  },
  // Gixy-Next ssrf
  { name: 'ssrf/fastcgi_pass_const_fp', rule: SSRF, code: 'location /app/ {\n    fastcgi_pass backend;\n}\n' },
  { name: 'ssrf/fastcgi_pass_var', rule: SSRF, code: 'location /app/ {\n    fastcgi_pass $arg_dest;\n}\n' },
  { name: 'ssrf/grpc_pass_var', rule: SSRF, code: 'location /app/ {\n    grpc_pass $arg_dest;\n}\n' },
  { name: 'ssrf/scgi_pass_var', rule: SSRF, code: 'location /app/ {\n    scgi_pass $arg_dest;\n}\n' },
  { name: 'ssrf/uwsgi_pass_var', rule: SSRF, code: 'location /app/ {\n    uwsgi_pass $arg_dest;\n}\n' },
  { name: 'ssrf/geo_literal_value', rule: SSRF, code: proxyBehind('geo $prefix', '        default "$document_uri";\n') },
  { name: 'ssrf/geo_no_default', rule: SSRF, code: proxyBehind('geo $prefix', '        10.0.0.0/8 "/internal/";\n') },
  { name: 'ssrf/geo_parameters_fp', rule: SSRF, code: proxyBehind('geo $remote_addr $prefix', '        proxy_recursive;\n        proxy 192.168.100.1;\n        default "/default/";\n        10.0.0.0/8 "/internal/";\n        delete 10.0.0.0/8;\n') },
  { name: 'ssrf/geo_var_arg', rule: SSRF, code: proxyBehind('geo $prefix', '        default "x";\n') },
  { name: 'ssrf/geo_var_fp', rule: SSRF, code: proxyBehind('geo $prefix', '        default "x";\n', 'http://$prefix') },
  { name: 'ssrf/geo_with_default_fp', rule: SSRF, code: proxyBehind('geo $prefix', '        default "/default/";\n        10.0.0.0/8 "/internal/";\n') },
  { name: 'ssrf/map_no_default', rule: SSRF, code: proxyBehind('map $arg_key $mapped', '        "a" "/a/";\n        "b" "/b/";\n', 'http://$mapped$arg_host') },
  { name: 'ssrf/map_with_default_fp', rule: SSRF, code: proxyBehind('map $arg_key $mapped', '        default "/d/";\n        "a" "/a/";\n        "b" "/b/";\n', 'http://$mapped$arg_host') },
  // Gixy-Next origins
  { name: 'origins/atomic_group_fp', rule: ORIGINS, code: 'if ($http_referer !~ "^https://(?>www\\.)example\\.com/") {\n    add_header X-Frame-Options SAMEORIGIN;\n}\n' },
  { name: 'origins/fixed_origin_fp', rule: ORIGINS, code: 'http {\n    server {\n        add_header Access-Control-Allow-Origin https://fixed.example always;\n    }\n}\n' },
  {
    name: 'origins/map_atomic_group_fp',
    rule: ORIGINS,
    code: 'http {\n    map $http_origin $allow_origin {\n        default "";\n        ~^https://(?>www\\.)example\\.com$ $http_origin;\n    }\n\n    server {\n        location / {\n            add_header Access-Control-Allow-Origin $allow_origin;\n        }\n    }\n}\n',
  },
  {
    name: 'origins/map_origin_uppercase_dest',
    rule: ORIGINS,
    code: 'http {\n    map $http_origin $allow_origin {\n        ~example\\.com $http_origin;\n        default "";\n    }\n\n    server {\n        add_header Access-Control-Allow-Origin $ALLOW_ORIGIN always;\n    }\n}\n',
  },
  {
    name: 'origins/map_origin_uppercase_src',
    rule: ORIGINS,
    code: 'http {\n    map $HTTP_ORIGIN $allow_origin {\n        ~^https://(.*\\.)?example.com$ $HTTP_ORIGIN;\n        default "";\n    }\n\n    server {\n        add_header Access-Control-Allow-Origin $allow_origin always;\n    }\n}\n',
  },
  { name: 'origins/origin_uppercase_var', rule: ORIGINS, code: 'if ($HTTP_ORIGIN !~ "^https://([^/]+)?yandex\\.ru$") {\n    add_header X-Frame-Options SAMEORIGIN;\n}\n' },
  { name: 'origins/possessive_quantifier_fp', rule: ORIGINS, code: 'if ($http_origin ~ "^https://(www\\.)*+example\\.com$") {\n    add_header X-Frame-Options SAMEORIGIN;\n}\n' },
  { name: 'origins/referer_uppercase_var', rule: ORIGINS, code: "if ($HTTP_REFERER !~ '^https?:\\/\\/yandex.ru\\/') {\n\n}\n" },
  { name: 'origins/reflect_add_header', rule: ORIGINS, code: 'http {\n    server {\n        add_header Access-Control-Allow-Origin $http_origin always;\n    }\n}\n' },
  {
    name: 'origins/reflect_map_default',
    rule: ORIGINS,
    code: 'http {\n    map $http_origin $allow_origin {\n        default $http_origin;\n        https://trusted.example "";\n    }\n\n    server {\n        add_header Access-Control-Allow-Origin $allow_origin always;\n    }\n}\n',
  },
  { name: 'origins/reflect_set', rule: ORIGINS, code: 'http {\n    server {\n        set $allow_origin $http_origin;\n        add_header Access-Control-Allow-Origin $allow_origin always;\n    }\n}\n' },
  // Gixy-Next return_bypasses_allow_deny
  { name: 'return_bypasses_allow_deny/content_phase_proxy_pass_fp', rule: BYPASS, code: 'location /admin/ {\n    allow 127.0.0.1;\n    deny all;\n\n    proxy_pass http://admin_backend;\n}\n' },
  { name: 'return_bypasses_allow_deny/content_phase_try_files_fp', rule: BYPASS, code: 'location /admin/ {\n    allow 127.0.0.1;\n    deny all;\n\n    root /var/www/admin;\n    try_files /index.html =404;\n}\n' },
  { name: 'return_bypasses_allow_deny/return_in_internal_location_fp', rule: BYPASS, code: 'server {\n  allow 127.0.0.1;\n  deny all;\n\n  location /cb {\n    internal;\n    return 200 "callback";\n  }\n}\n' },
  { name: 'return_bypasses_allow_deny/return_in_internal_location_with_self_allow_deny', rule: BYPASS, code: 'location /cb {\n  internal;\n  allow 127.0.0.1;\n  deny all;\n  return 200 "callback";\n}\n' },
  {
    name: 'return_bypasses_allow_deny/return_in_named_location_fp',
    rule: BYPASS,
    code: 'server {\n  server_name example.com;\n\n  location @redirectToAuth2ProxyLogin {\n    return 307 https://auth.example.com/oauth2/start?rd=$scheme://$host$request_uri;\n  }\n\n  auth_request /oauth2/auth;\n  error_page 401 = @redirectToAuth2ProxyLogin;\n  satisfy any;\n\n  allow 127.0.0.1;\n  allow ::1;\n  deny all;\n}\n',
  },
  { name: 'return_bypasses_allow_deny/return_in_named_location_with_self_allow_deny', rule: BYPASS, code: 'location @internal_handler {\n  allow 127.0.0.1;\n  deny all;\n  return 200 "secret";\n}\n' },
  { name: 'return_bypasses_allow_deny/return_in_regular_child_location', rule: BYPASS, code: 'server {\n  allow 127.0.0.1;\n  deny all;\n\n  location /foo {\n    return 200 "hi";\n  }\n}\n' },
  { name: 'return_bypasses_allow_deny/rewrite_absolute_last', rule: BYPASS, code: rewriteIn('rewrite ^ https://example.test/ last;') },
  { name: 'return_bypasses_allow_deny/rewrite_break_fp', rule: BYPASS, code: rewriteIn('rewrite ^/abc/(.*)$ /static/$1 break;') },
  { name: 'return_bypasses_allow_deny/rewrite_implicit_redirect', rule: BYPASS, code: rewriteIn('rewrite ^ https://example.test$request_uri;') },
  {
    name: 'return_bypasses_allow_deny/rewrite_in_named_location_fp',
    rule: BYPASS,
    code: 'server {\n  allow 127.0.0.1;\n  deny all;\n  error_page 401 = @fallback;\n\n  location @fallback {\n    rewrite ^ https://example.test/ permanent;\n  }\n}\n',
  },
  { name: 'return_bypasses_allow_deny/rewrite_last_fp', rule: BYPASS, code: rewriteIn('rewrite ^/old/(.*)$ /new/$1 last;') },
  { name: 'return_bypasses_allow_deny/rewrite_no_flag_relative_fp', rule: BYPASS, code: rewriteIn('rewrite ^/abc/(.*)$ /new/$1;') },
  { name: 'return_bypasses_allow_deny/rewrite_permanent', rule: BYPASS, code: rewriteIn('rewrite ^ https://example.test permanent;') },
  { name: 'return_bypasses_allow_deny/rewrite_redirect', rule: BYPASS, code: rewriteIn('rewrite ^/abc/(.*)$ /moved/$1 redirect;') },
  { name: 'return_bypasses_allow_deny/rewrite_scheme_redirect', rule: BYPASS, code: rewriteIn('rewrite ^ $scheme://example.test$request_uri break;') },
  { name: 'return_bypasses_allow_deny/rewrite_uppercase_url_fp', rule: BYPASS, code: rewriteIn('rewrite ^ HTTP://example.test/;') },
  // gixy-ng add_header_redefinition with add_header_inherit (nginx 1.29.3+)
  { name: 'add_header_redefinition/header_inherit_absent', rule: HEADERS, code: inheritance('', 'add_header X-Frame-Options "SAMEORIGIN";') },
  {
    name: 'add_header_redefinition/header_inherit_ancestor_merge_fp',
    rule: HEADERS,
    code: 'http {\n    add_header_inherit merge;\n    add_header X-Content-Type-Options "nosniff";\n\n    server {\n        add_header X-Frame-Options "SAMEORIGIN";\n\n        location / {\n            add_header Cache-Control "public";\n\n            if ($request_method = OPTIONS) {\n                add_header Access-Control-Allow-Origin "*";\n            }\n        }\n    }\n}\n',
  },
  {
    name: 'add_header_redefinition/header_inherit_merge_fp',
    rule: HEADERS,
    code: 'server {\n    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n\n    location /api/ {\n        add_header_inherit merge;\n        add_header Cache-Control "no-store" always;\n    }\n}\n',
  },
  { name: 'add_header_redefinition/header_inherit_nearest_on', rule: HEADERS, code: inheritance('        add_header_inherit on;\n', 'add_header_inherit merge;\n    add_header X-Frame-Options "SAMEORIGIN";') },
  { name: 'add_header_redefinition/header_inherit_off', rule: HEADERS, code: inheritance('        add_header_inherit off;\n', 'add_header X-Frame-Options "SAMEORIGIN";') },
  { name: 'add_header_redefinition/header_inherit_on', rule: HEADERS, code: inheritance('        add_header_inherit on;\n', 'add_header X-Frame-Options "SAMEORIGIN";') },
];

function proxyBehind(block: string, body: string, pass = 'http://$prefix$arg_host'): string {
  return `http {\n    ${block} {\n${body}    }\n\n    server {\n        listen 80;\n\n        location / {\n            proxy_pass ${pass};\n        }\n    }\n}\n`;
}

function rewriteIn(rewrite: string): string {
  return `location /abc {\n  allow 127.0.0.2;\n  deny all;\n  ${rewrite}\n}\n`;
}

function inheritance(location: string, server: string): string {
  return `server {\n    ${server}\n\n    location / {\n${location}        add_header Cache-Control "public";\n    }\n}\n`;
}

describe('agreement with gixy-ng\'s and Gixy-Next\'s test cases', () => {
  it('agrees on every shared case but the ones it explains', () => {
    const disagreements: string[] = [];
    let agreed = 0;
    for (const testCase of CASES) {
      const path = `/gixy/${testCase.name.replace('/', '__')}.conf`;
      const model = nginxSupport.parse(testCase.code, path);
      const reported = analyzeModel({ model, rules: nginxRules, workspace: workspaceOf({ [path]: model }) }).some((finding) => finding.ruleId === testCase.rule);
      const expected = !testCase.name.endsWith('_fp');
      if (reported === expected) agreed++;
      if ((reported === expected) === (testCase.differs === undefined)) continue;
      disagreements.push(`${testCase.name}: the reference ${expected ? 'reports' : 'is silent'}, ${testCase.rule} ${reported ? 'reports' : 'is silent'}${testCase.differs ? ' (yet the case says we differ)' : ''}`);
    }
    console.log(`gixy-ng/Gixy-Next shared cases: ${agreed}/${CASES.length} agree`);
    assert.deepEqual(disagreements, []);
  });
});
