import rule from '../../../rules/nginx/ssrf';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'location / {\n    proxy_pass http://backend;\n}\n', inspected: ['location'] },
    { name: 'an internal location (gixy have_internal_fp)', code: 'location /proxy/ {\n    internal;\n    proxy_pass $arg_some;\n}\n', inspected: [] },
    { name: 'a capture only in the path (gixy not_host_var_fp)', code: 'location ~ /proxy/(.*)$ {\n    proxy_pass http://yastatic.net/$1;\n}\n' },
    { name: '$request_uri always starts with a slash (gixy request_uri_fp)', code: 'location /backend/ {\n    proxy_pass http://some$request_uri;\n}\n' },
    { name: 'through set (gixy request_uri_var_fp)', code: 'location / {\n    set $upstream "http://some$request_uri";\n    proxy_pass $upstream;\n}\n' },
    { name: 'a map decides the host', code: 'http {\n    map $http_x_tenant $tenant_upstream {\n        default a;\n        b b;\n    }\n    server {\n        location / {\n            proxy_pass http://$tenant_upstream;\n        }\n    }\n}\n' },
    { name: 'a capture of letters only cannot name another host', code: 'location ~ ^/(?<svc>[a-z]+)/ {\n    proxy_pass http://$svc;\n}\n' },
    { name: 'no proxying', code: 'location / {\n    root /srv;\n}\n', inspected: [] },
    { name: 'an upstream host only an includer out of sight defines: unknown', code: 'location / {\n    proxy_pass http://$backend;\n}\n', inspected: ['location?'] },
    { name: 'an upstream host set here: known', code: 'location / {\n    set $backend app;\n    proxy_pass http://$backend;\n}\n', inspected: ['location'] },
    {
      name: 'a map whose every value, default included, holds a slash ends the host (Gixy-Next map_with_default_fp)',
      code: 'map $arg_key $mapped {\n    default "/d/";\n    a "/a/";\n}\nserver {\n    location / {\n        proxy_pass http://$mapped$arg_host;\n    }\n}\n',
      inspected: ['location'],
    },
    {
      name: 'geo values are literal (Gixy-Next geo_with_default_fp)',
      code: 'geo $remote_addr $prefix {\n    proxy 192.168.100.1;\n    default "/default/";\n    10.0.0.0/8 "/internal/";\n}\nserver {\n    location / {\n        proxy_pass http://$prefix$arg_host;\n    }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a query argument as the whole address (gixy used_arg)',
      code: 'location /proxy/ {\n    proxy_pass $arg_some;\n}\n',
      errors: [
        {
          messageId: 'ssrf',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 25,
          message: 'The upstream host comes from $arg_some, which a client controls, so nginx can be made to request any host; use a fixed host or an upstream block, or mark the location internal.',
        },
      ],
      output: null,
      inspected: ['location'],
    },
    {
      name: 'captures assigned with set (gixy vars_from_loc)',
      code: 'location ~ /proxy/(.*)/(.*)/(.*)$ {\n    set $scheme $1;\n    set $host $2;\n    set $path $3;\n    proxy_pass $scheme://$host/$path;\n}\n',
      errors: [{ messageId: 'ssrf', line: 5, column: 16, endLine: 5, endColumn: 23 }],
      output: null,
    },
    {
      name: 'a named capture after a constant start (gixy host_w_const_start)',
      code: 'location ~* ^/backend/(?<path>.*) {\n    proxy_pass http://some$path;\n}\n',
      errors: [{ messageId: 'ssrf', line: 2, column: 27, endLine: 2, endColumn: 32 }],
      output: null,
    },
    {
      name: 'a request header as the scheme (gixy scheme_var)',
      code: 'location ~ /proxy/$ {\n    proxy_pass $http_proxy_scheme://some/file.conf;\n}\n',
      errors: [{ messageId: 'ssrf', line: 2, column: 16, endLine: 2, endColumn: 34, message: 'The upstream scheme comes from $http_proxy_scheme, which a client controls, so nginx can be made to request any host; use a fixed host or an upstream block, or mark the location internal.' }],
      output: null,
    },
    {
      name: 'grpc_pass too',
      code: 'location / {\n    grpc_pass grpc://$http_x_backend;\n}\n',
      errors: [{ messageId: 'ssrf', line: 2, column: 22, endLine: 2, endColumn: 37 }],
      output: null,
    },
    {
      name: 'a map without a default sets an empty value, so the host is the client\'s (Gixy-Next map_no_default)',
      code: 'map $arg_key $mapped {\n    a "/a/";\n}\nserver {\n    location / {\n        proxy_pass http://$mapped$arg_host;\n    }\n}\n',
      errors: [{ messageId: 'ssrf', line: 6, column: 34, endLine: 6, endColumn: 43 }],
      output: null,
    },
    {
      name: 'a geo value without a slash leaves the host open (Gixy-Next geo_var_arg)',
      code: 'geo $prefix {\n    default "x";\n}\nserver {\n    location / {\n        proxy_pass http://$prefix$arg_host;\n    }\n}\n',
      errors: [{ messageId: 'ssrf', line: 6, column: 34, endLine: 6, endColumn: 43 }],
      output: null,
    },
  ],
});
