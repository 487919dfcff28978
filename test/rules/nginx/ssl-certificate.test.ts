import rule from '../../../rules/nginx/ssl-certificate';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    'server {\n    listen 443 ssl;\n    ssl_certificate /c.crt;\n    ssl_certificate_key /c.key;\n}\n',
    { name: 'inherited from http', code: 'http {\n    ssl_certificate /c.crt;\n    ssl_certificate_key /c.key;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    inHttp({ name: 'a server rejecting handshakes', code: 'server {\n    listen 443 ssl default_server;\n    ssl_reject_handshake on;\n}\n', inspected: [] }),
    inHttp({ name: 'plain HTTP', code: 'server {\n    listen 80;\n}\n', inspected: [] }),
    { name: 'a snippet: the certificate may be set in its includer', filename: 'conf.d/a.conf', code: 'server {\n    listen 443 ssl;\n}\n', inspected: ['server?'] },
    { name: 'the certificate may be in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['server?'] },
  ],
  invalid: [
    {
      name: 'the included server of a complete configuration',
      filename: 'conf.d/site.conf',
      code: 'server {\n    listen 443 ssl;\n    ssl_certificate /c.crt;\n}\n',
      files: { '/work/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n' },
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: null,
      inspected: ['server'],
    },
    inHttp({
      code: 'server {\n    listen 443 ssl;\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7, message: 'This TLS `server` block has no ssl_certificate and ssl_certificate_key in effect, so TLS handshakes fail; point them at the certificate and its private key.' }],
      output: null,
      inspected: ['server'],
    }),
    inHttp({
      name: 'key missing, QUIC listener',
      code: 'server {\n    listen 443 quic reuseport;\n    ssl_certificate /c.crt;\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7, message: 'This TLS `server` block has no ssl_certificate_key in effect, so TLS handshakes fail; point them at the certificate and its private key.' }],
      output: null,
    }),
  ],
});
