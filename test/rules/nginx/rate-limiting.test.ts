import rule from '../../../rules/nginx/rate-limiting';
import { runRuleTests } from '../../helpers/rule-tester';
import { inHttp } from './in-http';
import { PROXY_SITE } from './out-of-sight';

runRuleTests(rule, {
  valid: [
    'http {\n    limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n    server {\n        location /api/ {\n            limit_req zone=api burst=20 nodelay;\n            proxy_pass http://backend;\n        }\n    }\n}\n',
    { name: 'inherited from the server', code: 'server {\n    limit_req zone=api;\n    location / {\n        fastcgi_pass unix:/run/php.sock;\n    }\n}\n' },
    { name: 'static locations are out of scope', code: 'server {\n    location / {\n        root /srv;\n    }\n}\n', inspected: [] },
    {
      name: 'internal and named locations are reached only through another location',
      code: 'http {\n    server {\n        location /files/ {\n            internal;\n            proxy_pass http://storage;\n        }\n        location @app {\n            proxy_pass http://app;\n        }\n    }\n}\n',
      inspected: [],
    },
    { name: 'a snippet: limit_req may be set by its includer', filename: 'conf.d/api.conf', code: 'server {\n    location / {\n        proxy_pass http://app;\n    }\n}\n', inspected: ['location?'] },
    { name: 'limit_req may be in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['location?'] },
    inHttp({ name: 'a limit in effect is known, whatever an include adds', code: 'server {\n    location / {\n        limit_req zone=api;\n        include /config/nginx/proxy.conf;\n        proxy_pass http://app;\n    }\n}\n', inspected: ['location'] }),
  ],
  invalid: [
    {
      name: 'no zone yet: one is declared in http and used in the location',
      code: 'http {\n    sendfile on;\n    server {\n        location /api/ {\n            proxy_pass http://backend;\n        }\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 17, message: 'Requests to this `location` block reach the backend through proxy_pass without any limit_req; add limit_req with a limit_req_zone.' }],
      output:
        'http {\n    sendfile on;\n    limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n    server {\n        location /api/ {\n            proxy_pass http://backend;\n            limit_req zone=api burst=20 nodelay;\n        }\n    }\n}\n',
    },
    {
      name: 'an existing zone is reused',
      code: 'http {\n    limit_req_zone $binary_remote_addr zone=perip:10m rate=5r/s;\n    server {\n        location / {\n            grpc_pass grpc://app;\n        }\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 17 }],
      output:
        'http {\n    limit_req_zone $binary_remote_addr zone=perip:10m rate=5r/s;\n    server {\n        location / {\n            grpc_pass grpc://app;\n            limit_req zone=perip burst=20 nodelay;\n        }\n    }\n}\n',
    },
    {
      name: 'the http block is in another file: only the limit_req with its zone',
      filename: 'conf.d/api.conf',
      code: 'server {\n    location / {\n        proxy_pass http://app;\n    }\n}\n',
      files: { '/work/nginx.conf': 'http {\n    limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n    include conf.d/*.conf;\n}\n' },
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 13 }],
      output: 'server {\n    location / {\n        proxy_pass http://app;\n        limit_req zone=api burst=20 nodelay;\n    }\n}\n',
    },
    {
      name: 'the http block is in another file without a zone: no fix',
      filename: 'conf.d/api.conf',
      code: 'server {\n    location / {\n        uwsgi_pass app:3031;\n    }\n}\n',
      files: { '/work/nginx.conf': 'http {\n    include conf.d/*.conf;\n}\n' },
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 13 }],
      output: null,
    },
  ],
});
