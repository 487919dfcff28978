import rule from '../../../rules/nginx/return-bypasses-allow-deny';
import { runRuleTests } from '../../helpers/rule-tester';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    { code: 'location /health {\n    allow 10.0.0.0/8;\n    deny all;\n    try_files /health.txt =404;\n}\n', inspected: ['location'] },
    { name: 'an error status refuses everyone anyway', code: 'location /admin {\n    allow 10.0.0.0/8;\n    deny all;\n    return 403;\n}\n' },
    { name: 'a named location is reached only after the access phase', code: 'location /app {\n    allow 10.0.0.0/8;\n    deny all;\n    try_files $uri @backend;\n    location @backend {\n        return 200 "ok";\n    }\n}\n' },
    { name: 'moving the request to HTTPS reveals nothing', code: 'server {\n    listen 80;\n    allow 10.0.0.0/8;\n    deny all;\n    return 301 https://$host$request_uri;\n}\n' },
    { name: 'a rewrite that goes on in the same server', code: 'location /old {\n    deny all;\n    rewrite ^/old/(.*)$ /new/$1 last;\n}\n' },
    { name: 'no allow or deny', code: 'location / {\n    return 200 "ok";\n}\n', inspected: [] },
    inHttp({ name: 'a return may be in an include the workspace lacks: unknown', code: 'server {\n    location /admin/ {\n        allow 10.0.0.0/8;\n        deny all;\n        include /config/nginx/admin.conf;\n    }\n}\n', inspected: ['location?'] }),
    {
      name: 'nginx detects an absolute URL case-sensitively: HTTP:// rewrites the URI and goes on (Gixy-Next rewrite_uppercase_url_fp)',
      code: 'location /abc {\n    allow 127.0.0.2;\n    deny all;\n    rewrite ^ HTTP://example.test/;\n}\n',
      inspected: ['location'],
    },
  ],
  invalid: [
    {
      name: 'a return in the same block',
      code: 'location / {\n    allow 127.0.0.1;\n    deny all;\n    return 200 "hi";\n}\n',
      errors: [{ messageId: 'bypass', line: 4, column: 5, endLine: 4, endColumn: 11, message: 'This return answers before the allow and deny rules of its block are checked, so every client gets this response; serve it from a location the rules protect (try_files or a named location) instead.' }],
      output: null,
      inspected: ['location'],
    },
    {
      name: 'in a nested location that inherits the rules, and a redirect rewrite',
      code: 'server {\n    allow 10.0.0.0/8;\n    deny all;\n    location /status {\n        return 200 "up";\n    }\n    rewrite ^/docs(.*)$ https://docs.example.com$1 permanent;\n}\n',
      errors: [
        { messageId: 'bypass', line: 7, column: 5, endLine: 7, endColumn: 12 },
        { messageId: 'bypass', line: 5, column: 9, endLine: 5, endColumn: 15 },
      ],
      output: null,
    },
    {
      name: 'an absolute URL redirects whatever the flag: last (Gixy-Next rewrite_absolute_last)',
      code: 'location /abc {\n    allow 127.0.0.2;\n    deny all;\n    rewrite ^ https://example.test/ last;\n}\n',
      errors: [{ messageId: 'bypass', line: 4, column: 5, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a $scheme URL with break, and one without a flag (Gixy-Next rewrite_scheme_redirect, rewrite_implicit_redirect)',
      code: 'location /abc {\n    allow 127.0.0.2;\n    deny all;\n    rewrite ^/a $scheme://example.test$request_uri break;\n    rewrite ^ https://example.test$request_uri;\n}\n',
      errors: [
        { messageId: 'bypass', line: 4, column: 5, endLine: 4, endColumn: 12 },
        { messageId: 'bypass', line: 5, column: 5, endLine: 5, endColumn: 12 },
      ],
      output: null,
    },
  ],
});
