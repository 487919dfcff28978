import rule from '../../../rules/nginx/security-headers';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

const ALL = [
  'add_header X-Content-Type-Options nosniff always;',
  'add_header X-Frame-Options DENY always;',
  'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
  `add_header Content-Security-Policy "default-src 'self'" always;`,
];

runRuleTests(rule, {
  valid: [
    `server {\n    listen 443 ssl;\n${ALL.map((line) => '    ' + line + '\n').join('')}}\n`,
    {
      name: 'CSP frame-ancestors replaces X-Frame-Options, inherited from http',
      code: `http {\n    add_header X-Content-Type-Options nosniff always;\n    add_header Referrer-Policy no-referrer always;\n    add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;\n    server {\n        listen 443 ssl;\n        root /srv;\n    }\n}\n`,
    },
    { name: 'pure redirects serve no content', code: 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n', inspected: [] },
    { name: 'a snippet: its includer\'s http block may send them', filename: 'conf.d/site.conf', code: 'server {\n    listen 443 ssl;\n    root /srv;\n}\n', inspected: ['server?'] },
    { name: 'headers may be set in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['server?'] },
    inHttp({
      name: 'what is declared stays declared, whatever an include adds',
      code: `server {\n    listen 443 ssl;\n    include /config/nginx/ssl.conf;\n${ALL.map((line) => '    ' + line + '\n').join('')}}\n`,
      inspected: ['server'],
    }),
  ],
  invalid: [
    {
      name: 'tab-indented, CRLF file, header inserted in the http block that declares the others',
      code: `http {\r\n\tadd_header X-Content-Type-Options nosniff always;\r\n\t${ALL[1]}\r\n\t${ALL[2]}\r\n\tserver {\r\n\t\tlisten 443 ssl;\r\n\t}\r\n}\r\n`,
      errors: [{ messageId: 'missing', line: 5, column: 2, endLine: 5, endColumn: 8 }],
      output: `http {\r\n\tadd_header X-Content-Type-Options nosniff always;\r\n\t${ALL[1]}\r\n\t${ALL[2]}\r\n\t${ALL[3]}\r\n\tserver {\r\n\t\tlisten 443 ssl;\r\n\t}\r\n}\r\n`,
    },
    inHttp({
      name: 'one finding per server, listing the missing headers, with one fix',
      code: 'server {\n    listen 443 ssl;\n    root /srv;\n}\n',
      errors: [
        {
          messageId: 'missing',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          message: 'This `server` block does not send X-Content-Type-Options, X-Frame-Options, Referrer-Policy, Content-Security-Policy; add the missing headers with add_header ... always.',
        },
      ],
      output: `server {\n    listen 443 ssl;\n    root /srv;\n${ALL.map((line) => '    ' + line + '\n').join('')}}\n`,
      inspected: ['server'],
    }),
    inHttp({
      name: 'nosniff with another value does not count; added after the last add_header',
      code: `server {\n    listen 80;\n    ${ALL[1]}\n    ${ALL[2]}\n    ${ALL[3]}\n    add_header X-Content-Type-Options "sniff";\n    location / {\n        root /srv;\n    }\n}\n`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7, message: 'This `server` block does not send X-Content-Type-Options; add the missing headers with add_header ... always.' }],
      output: `server {\n    listen 80;\n    ${ALL[1]}\n    ${ALL[2]}\n    ${ALL[3]}\n    add_header X-Content-Type-Options "sniff";\n    ${ALL[0]}\n    location / {\n        root /srv;\n    }\n}\n`,
    }),
  ],
});
