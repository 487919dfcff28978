import rule from '../../../rules/nginx/gzip';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

const GZIP = '    gzip on;\n    gzip_types text/css application/javascript application/json image/svg+xml;\n';

runRuleTests(rule, {
  valid: [
    { code: 'http {\n    gzip on;\n    server {\n        listen 80;\n        root /srv;\n    }\n}\n', inspected: ['server'] },
    inHttp({ name: 'redirect-only servers', code: 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n', inspected: [] }),
    { name: 'no servers', code: 'events {}\n', inspected: [] },
    {
      name: 'a snippet: its includer may turn gzip on in http, so unknown',
      filename: 'sites-enabled/site',
      code: 'server {\n    listen 443 ssl;\n    root /srv;\n}\n',
      inspected: ['server?'],
    },
    {
      name: 'a server rejecting every TLS handshake serves nothing',
      code: 'http {\n    server {\n        listen 443 ssl default_server;\n        ssl_reject_handshake on;\n    }\n}\n',
      inspected: [],
    },
    { name: 'gzip may be turned on in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['server?'] },
    {
      name: 'gzip off above, but an include the workspace lacks in the server may turn it on: unknown',
      code: 'http {\n    gzip off;\n    server {\n        include /config/nginx/gzip.conf;\n        root /srv;\n    }\n}\n',
      inspected: ['server?'],
    },
  ],
  invalid: [
    {
      name: 'gzip off in effect: the value',
      code: 'http {\n    gzip off;\n    server {\n        root /srv;\n    }\n}\n',
      errors: [{ messageId: 'off', line: 2, column: 10, endLine: 2, endColumn: 13 }],
      output: 'http {\n    gzip on;\n    server {\n        root /srv;\n    }\n}\n',
    },
    inHttp({
      code: 'server {\n    listen 443 ssl;\n    root /srv;\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: `server {\n    listen 443 ssl;\n    root /srv;\n${GZIP}}\n`,
      inspected: ['server'],
    }),
    {
      name: 'the includer in the workspace is found: its http block decides',
      filename: 'conf.d/site.conf',
      code: 'server {\n    listen 80;\n    root /srv;\n}\n',
      files: { '/work/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n' },
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: `server {\n    listen 80;\n    root /srv;\n${GZIP}}\n`,
    },
  ],
});
