import rule from '../../../rules/nginx/server-tokens';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'http {\n    server_tokens off;\n    server {\n        listen 80;\n    }\n}\n',
    { name: 'a fragment with server_tokens in its server', code: 'server {\n    server_tokens off;\n}\n' },
    { name: 'an included fragment inherits from the http block', filename: 'conf.d/a.conf', code: 'server {\n    listen 80;\n}\n', files: { '/work/nginx.conf': 'http {\n    server_tokens off;\n    include conf.d/*.conf;\n}\n' } },
  ],
  invalid: [
    {
      name: 'http without server_tokens',
      code: 'events {}\nhttp {\n    sendfile on;\n}\n',
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 5, message: 'This http does not set server_tokens, so nginx advertises its version; add server_tokens off.' }],
      output: 'events {}\nhttp {\n    sendfile on;\n    server_tokens off;\n}\n',
    },
    {
      name: 'server_tokens on: the value',
      code: 'http {\n    server_tokens on;\n}\n',
      errors: [{ messageId: 'value', line: 2, column: 19, endLine: 2, endColumn: 21 }],
      output: 'http {\n    server_tokens off;\n}\n',
    },
    {
      name: 'a fragment without http: its servers',
      code: 'server {\n    listen 80;\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: 'server {\n    listen 80;\n    server_tokens off;\n}\n',
    },
    {
      name: 'build in a location overrides off',
      code: 'http {\n    server_tokens off;\n    server {\n        location / {\n            server_tokens build;\n        }\n    }\n}\n',
      errors: [{ messageId: 'value', line: 5, column: 27, endLine: 5, endColumn: 32 }],
      output: 'http {\n    server_tokens off;\n    server {\n        location / {\n            server_tokens off;\n        }\n    }\n}\n',
    },
  ],
});
