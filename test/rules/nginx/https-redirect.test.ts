import rule from '../../../rules/nginx/https-redirect';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'server {\n    listen 80;\n    server_name example.com;\n    return 301 https://$host$request_uri;\n}\n',
    {
      name: 'ACME challenge served, everything else redirected',
      code: 'server {\n    listen 80;\n    location /.well-known/acme-challenge/ {\n        root /var/www/certbot;\n    }\n    location / {\n        return 301 https://$host$request_uri;\n    }\n}\n',
    },
    { name: 'TLS only', code: 'server {\n    listen 443 ssl;\n    root /srv;\n}\n', inspected: [] },
    { name: 'an include the workspace lacks may hold the redirect', code: 'server {\n    listen 80;\n    include /config/nginx/redirect.conf;\n}\n', inspected: ['server?'] },
    { name: 'an internal port', code: 'server {\n    listen 127.0.0.1:80;\n    location /status { stub_status; }\n}\n' },
    { name: 'rewrite to https', code: 'server {\n    listen 80;\n    rewrite ^ https://$host$request_uri permanent;\n}\n' },
  ],
  invalid: [
    {
      code: 'server {\n    listen 80;\n    server_name example.com;\n    root /srv;\n    location / {\n        try_files $uri =404;\n    }\n}\n',
      errors: [{ messageId: 'servesHttp', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      inspected: ['server'],
      output: 'server {\n    listen 80;\n    server_name example.com;\n    return 301 https://$host$request_uri;\n    root /srv;\n    location / {\n        try_files $uri =404;\n    }\n}\n',
    },
    {
      name: 'no listen at all means port 80',
      code: 'http {\n  server {\n    location / {\n      proxy_pass http://app;\n    }\n  }\n}\n',
      errors: [{ messageId: 'servesHttp', line: 2, column: 3, endLine: 2, endColumn: 9 }],
      output: 'http {\n  server {\n    return 301 https://$host$request_uri;\n    location / {\n      proxy_pass http://app;\n    }\n  }\n}\n',
    },
    {
      name: 'mixed 80 and 443 server: no automatic fix',
      code: 'server {\n    listen 80;\n    listen 443 ssl;\n    root /srv;\n}\n',
      errors: [{ messageId: 'servesHttp', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: null,
    },
  ],
});
