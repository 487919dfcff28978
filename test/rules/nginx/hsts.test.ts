import rule from '../../../rules/nginx/hsts';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

const HSTS = 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;';

runRuleTests(rule, {
  valid: [
    'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;\n}\n',
    { name: 'plain HTTP servers are out of scope', code: 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n', inspected: [] },
    inHttp({ name: 'a TLS server that only rejects handshakes', code: 'server {\n    listen 443 ssl default_server;\n    ssl_reject_handshake on;\n}\n', inspected: [] }),
    inHttp({ name: 'a TLS server that only redirects', code: 'server {\n    listen 443 ssl;\n    server_name example.com;\n    return 301 https://www.example.com$request_uri;\n}\n', inspected: [] }),
    { name: 'a snippet: HSTS may come from the includer\'s http block', filename: 'sites-enabled/site', code: 'server {\n    listen 443 ssl;\n    root /srv;\n}\n', inspected: ['server?'] },
    {
      name: 'add_header_inherit merge keeps the server\'s HSTS in the location',
      code: 'http {\n    server {\n        listen 443 ssl;\n        add_header Strict-Transport-Security "max-age=63072000" always;\n        location / {\n            add_header_inherit merge;\n            add_header Cache-Control no-store;\n        }\n    }\n}\n',
    },
    {
      name: 'a TLS snippet the workspace does not have may send it: unknown, so silent',
      code: 'server {\n    listen 443 ssl;\n    include /etc/letsencrypt/options-ssl-nginx.conf;\n}\n',
    },
    {
      name: 'inherited from http by a location without add_header',
      code: 'http {\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    server {\n        listen 443 ssl;\n        location / {\n            root /srv;\n        }\n    }\n}\n',
    },
    { name: 'set by headers-more', code: 'server {\n    listen 443 ssl;\n    more_set_headers "Strict-Transport-Security: max-age=63072000";\n}\n' },
    { name: 'TLS settings in an include the workspace lacks: unknown, not clean', code: PROXY_SITE, inspected: ['server?'] },
    inHttp({ name: 'the same in a complete config: still unknown', code: PROXY_SITE, inspected: ['server?'] }),
    {
      name: 'the include in the workspace: known',
      code: 'http {\n    server {\n        listen 443 ssl;\n        include snippets/ssl.conf;\n    }\n}\n',
      files: { 'snippets/ssl.conf': 'add_header Strict-Transport-Security "max-age=63072000" always;\n' },
      inspected: ['server'],
    },
    inHttp({
      name: 'an include the workspace lacks in a location could declare add_header and drop HSTS: unknown',
      code: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    location / {\n        include /config/nginx/headers.conf;\n    }\n}\n',
      inspected: ['server?'],
    }),
  ],
  invalid: [
    {
      name: 'max-age under a year: the value',
      code: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=3600" always;\n}\n',
      errors: [{ messageId: 'short', line: 3, column: 42, endLine: 3, endColumn: 56, message: 'The HSTS max-age of 3600 seconds is under one year; raise it to at least 31536000.' }],
      output: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n}\n',
    },
    inHttp({
      name: 'TLS server without HSTS',
      code: 'server {\n    listen 443 ssl;\n    server_name example.com;\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: `server {\n    listen 443 ssl;\n    server_name example.com;\n    ${HSTS}\n}\n`,
      inspected: ['server'],
    }),
    {
      name: 'without always: the directive',
      code: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000";\n}\n',
      errors: [{ messageId: 'notAlways', line: 3, column: 5, endLine: 3, endColumn: 61 }],
      output: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n}\n',
    },
    inHttp({
      name: 'a location with its own add_header drops HSTS',
      code: `server {\n    listen 443 ssl;\n    ${HSTS}\n    location /static/ {\n        add_header Cache-Control "public";\n    }\n}\n`,
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 13, message: 'This `location` block serves TLS without a Strict-Transport-Security header, so browsers may still use plain HTTP; add HSTS with a max-age of at least one year and always.' }],
      output: `server {\n    listen 443 ssl;\n    ${HSTS}\n    location /static/ {\n        add_header Cache-Control "public";\n        ${HSTS}\n    }\n}\n`,
    }),
    {
      name: 'the header goes where the inherited add_header lines are, in the same file',
      code: 'http {\n    add_header X-Frame-Options DENY always;\n    server {\n        listen 443 ssl;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 3, column: 5, endLine: 3, endColumn: 11 }],
      output: `http {\n    add_header X-Frame-Options DENY always;\n    ${HSTS}\n    server {\n        listen 443 ssl;\n    }\n}\n`,
    },
    {
      name: 'an included server inherits add_header from another file: they are repeated',
      filename: 'conf.d/site.conf',
      code: 'server {\n    listen 443 ssl;\n}\n',
      files: { '/work/nginx.conf': 'events {}\nhttp {\n    add_header X-Frame-Options DENY always;\n    include conf.d/*.conf;\n}\n' },
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: `server {\n    listen 443 ssl;\n    add_header X-Frame-Options DENY always;\n    ${HSTS}\n}\n`,
    },
  ],
});
