import rule from '../../../rules/nginx/tls-ciphers';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    'ssl_ciphers ECDHE-RSA-AES256-GCM-SHA512:DHE-RSA-AES256-GCM-SHA512:ECDHE-RSA-AES256-GCM-SHA384;',
    { name: 'weak ones excluded with !', code: "server {\n    ssl_ciphers 'HIGH:!aNULL:!MD5:!RC4:!3DES';\n}\n" },
    inHttp({ name: 'no ssl_ciphers at all: nginx\'s strong default', code: 'server {\n    listen 443 ssl;\n}\n', inspected: ['server'] }),
    { name: 'a snippet: its includer may set weak ciphers', filename: 'conf.d/a.conf', code: 'server {\n    listen 443 ssl;\n}\n', inspected: ['server?'] },
    { name: 'ssl_ciphers does not apply to TLSv1.3 only', code: 'http {\n    ssl_protocols TLSv1.3;\n    ssl_ciphers RC4-SHA;\n}\n', inspected: ['http'] },
    {
      name: 'server preference with a list that still has CBC suites keeps the strong ones first',
      code: 'http {\n    ssl_ciphers HIGH:!aNULL:!MD5;\n    ssl_prefer_server_ciphers on;\n}\n',
    },
    {
      name: 'server preference that defers to ChaCha20 clients',
      code: 'http {\n    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305;\n    ssl_prefer_server_ciphers on;\n    ssl_conf_command Options PrioritizeChaCha;\n}\n',
    },
    { name: 'nothing TLS at all', code: 'http {\n    server {\n        listen 80;\n    }\n}\n', inspected: [] },
    { name: 'ciphers may be set in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['server?'] },
  ],
  invalid: [
    {
      name: 'each weak cipher is reported at its place; the fix removes them',
      code: 'server {\n    ssl_ciphers "HIGH:RC4-SHA:DES-CBC3-SHA:!aNULL";\n}\n',
      errors: [
        { messageId: 'weak', line: 2, column: 23, endLine: 2, endColumn: 30, message: 'ssl_ciphers admits RC4-SHA, a broken or unauthenticated cipher; remove it or exclude it with !.' },
        { messageId: 'weak', line: 2, column: 31, endLine: 2, endColumn: 43 },
      ],
      output: 'server {\n    ssl_ciphers "HIGH:!aNULL";\n}\n',
    },
    {
      name: 'anonymous and export suites',
      code: 'ssl_ciphers aNULL:EXPORT:AES128-SHA;\n',
      errors: [
        { messageId: 'weak', line: 1, column: 13, endLine: 1, endColumn: 18 },
        { messageId: 'weak', line: 1, column: 19, endLine: 1, endColumn: 25 },
      ],
      output: 'ssl_ciphers AES128-SHA;\n',
    },
    {
      name: 'server preference over a list of only strong AEAD suites (gixy-ng weak_ssl_tls)',
      code: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305;\n    ssl_prefer_server_ciphers on;\n}\n',
      errors: [{ messageId: 'preferServer', line: 4, column: 31, endLine: 4, endColumn: 33 }],
      output: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305;\n    ssl_prefer_server_ciphers off;\n}\n',
      inspected: ['http'],
    },
    {
      name: 'nothing left after removal: no fix',
      code: 'ssl_ciphers RC4-MD5;\n',
      errors: [{ messageId: 'weak', line: 1, column: 13, endLine: 1, endColumn: 20 }],
      output: null,
    },
  ],
});
