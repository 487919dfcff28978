import rule from '../../../rules/nginx/http2';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    inHttp({ code: 'server {\n    listen 443 ssl http2;\n}\n', inspected: ['server'] }),
    { name: 'http2 on in http', code: 'http {\n    http2 on;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    inHttp({ name: 'an explicit http2 off is a decision', code: 'server {\n    listen 443 ssl;\n    http2 off;\n}\n' }),
    inHttp({ name: 'plain HTTP', code: 'server {\n    listen 80;\n}\n', inspected: [] }),
    { name: 'a snippet: http2 on may come from its includer', filename: 'conf.d/a.conf', code: 'server {\n    listen 443 ssl;\n}\n', inspected: ['server?'] },
    { name: 'http2 may be turned on in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['server?'] },
  ],
  invalid: [
    {
      name: 'IPv6 listener, two-space indentation',
      code: 'http {\n  server {\n    listen [::]:443 ssl;\n    listen 443 ssl;\n  }\n}\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 9 }],
      output: 'http {\n  server {\n    listen [::]:443 ssl;\n    listen 443 ssl;\n    http2 on;\n  }\n}\n',
    },
    inHttp({
      code: 'server {\n    listen 443 ssl;\n    server_name example.com;\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: 'server {\n    listen 443 ssl;\n    http2 on;\n    server_name example.com;\n}\n',
      inspected: ['server'],
    }),
  ],
});
