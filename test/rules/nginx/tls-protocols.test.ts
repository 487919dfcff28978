import rule from '../../../rules/nginx/tls-protocols';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
    { name: 'inherited from http', code: 'http {\n    ssl_protocols TLSv1.3;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    inHttp({ name: 'plain servers rely on nothing', code: 'server {\n    listen 80;\n}\n', inspected: [] }),
    { name: 'a snippet relies on its includer', filename: 'conf.d/a.conf', code: 'server {\n    listen 443 ssl;\n}\n', inspected: ['server?'] },
    inHttp({ name: 'a server rejecting every handshake', code: 'server {\n    listen 443 ssl;\n    ssl_reject_handshake on;\n}\n', inspected: [] }),
    { name: 'protocols may be set in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['server?'] },
    inHttp({
      name: 'declared above, but an include the workspace lacks in the server may override it: unknown',
      code: 'ssl_protocols TLSv1.2 TLSv1.3;\nserver {\n    listen 443 ssl;\n    include /config/nginx/ssl.conf;\n}\n',
      inspected: ['http', 'server?'],
    }),
    inHttp({
      name: 'declared in the server itself: an include there cannot declare it again (nginx rejects a duplicate)',
      code: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n    include /config/nginx/ssl.conf;\n}\n',
      inspected: ['server'],
    }),
  ],
  invalid: [
    {
      name: 'each weak protocol is reported; one replacement fixes them all',
      code: 'http {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n}\n',
      errors: [
        { messageId: 'weak', line: 2, column: 19, endLine: 2, endColumn: 24, message: 'ssl_protocols allows TLSv1, which is deprecated and attackable; allow only TLSv1.2 and TLSv1.3.' },
        { messageId: 'weak', line: 2, column: 25, endLine: 2, endColumn: 32 },
      ],
      output: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
    },
    {
      name: 'SSLv3 in a server',
      code: 'server {\n    listen 443 ssl;\n    ssl_protocols SSLv3 TLSv1.2;\n}\n',
      errors: [{ messageId: 'weak', line: 3, column: 19, endLine: 3, endColumn: 24 }],
      output: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
    },
    inHttp({
      name: 'a TLS server on the default protocols: inserted after the certificate lines',
      code: 'server {\n    listen 443 ssl;\n    ssl_certificate /c.crt;\n    ssl_certificate_key /c.key;\n    root /srv;\n}\n',
      errors: [{ messageId: 'default', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: 'server {\n    listen 443 ssl;\n    ssl_certificate /c.crt;\n    ssl_certificate_key /c.key;\n    ssl_protocols TLSv1.2 TLSv1.3;\n    root /srv;\n}\n',
      inspected: ['server'],
    }),
    inHttp({
      name: 'listen 443 with ssl on',
      code: 'server {\n    listen 443;\n    ssl on;\n}\n',
      errors: [{ messageId: 'default', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: 'server {\n    listen 443;\n    ssl on;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
    }),
  ],
});
