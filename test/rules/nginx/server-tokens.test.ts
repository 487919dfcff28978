import rule from '../../../rules/nginx/server-tokens';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'http {\n    server_tokens off;\n    server {\n        listen 80;\n    }\n}\n', inspected: ['http'] },
    { name: 'a fragment with server_tokens in its server', code: 'server {\n    server_tokens off;\n}\n', inspected: ['server'] },
    {
      name: 'an included fragment inherits from the http block',
      filename: 'conf.d/a.conf',
      code: 'server {\n    listen 80;\n}\n',
      files: { '/work/nginx.conf': 'http {\n    server_tokens off;\n    include conf.d/*.conf;\n}\n' },
      inspected: [],
    },
    { name: 'a snippet with no http context: its includer decides', filename: 'sites-enabled/site', code: 'server {\n    listen 80;\n}\n', inspected: [] },
    {
      name: 'an http block with an include the workspace lacks: unknown',
      code: 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      inspected: ['http?'],
    },
  ],
  invalid: [
    {
      name: 'http without server_tokens',
      code: 'events {}\nhttp {\n    sendfile on;\n}\n',
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 5, message: 'This `http` block does not set server_tokens, so nginx advertises its version; add server_tokens off.' }],
      output: 'events {}\nhttp {\n    sendfile on;\n    server_tokens off;\n}\n',
      inspected: ['http'],
    },
    {
      name: 'a nested block opens on the line of the `{`: the fix goes into this block, not the nested one',
      code: 'http { server { listen 80;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 5 }],
      output: 'http {\n    server_tokens off; server { listen 80;\n    }\n}\n',
    },
    {
      name: 'server_tokens on: the value',
      code: 'http {\n    server_tokens on;\n}\n',
      errors: [{ messageId: 'value', line: 2, column: 19, endLine: 2, endColumn: 21 }],
      output: 'http {\n    server_tokens off;\n}\n',
    },
    {
      name: 'a snippet that turns it on: the value is known',
      filename: 'conf.d/a.conf',
      code: 'server {\n    server_tokens on;\n}\n',
      errors: [{ messageId: 'value', line: 2, column: 19, endLine: 2, endColumn: 21 }],
      output: 'server {\n    server_tokens off;\n}\n',
      inspected: ['server'],
    },
    {
      name: 'build in a location overrides off',
      code: 'http {\n    server_tokens off;\n    server {\n        location / {\n            server_tokens build;\n        }\n    }\n}\n',
      errors: [{ messageId: 'value', line: 5, column: 27, endLine: 5, endColumn: 32 }],
      output: 'http {\n    server_tokens off;\n    server {\n        location / {\n            server_tokens off;\n        }\n    }\n}\n',
    },
  ],
});
