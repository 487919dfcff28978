import rule from '../../../rules/nginx/status-page-exposed';
import { runRuleTests } from '../../helpers/rule-tester';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    { code: 'location = /nginx_status {\n    stub_status;\n    allow 127.0.0.1;\n    deny all;\n}\n', inspected: ['location'] },
    { name: 'rules inherited from the server', code: 'server {\n    allow 10.0.0.0/8;\n    deny all;\n    location /status {\n        stub_status;\n    }\n}\n' },
    { name: 'a server on loopback only', code: 'server {\n    listen 127.0.0.1:8080;\n    location /status {\n        stub_status;\n    }\n}\n' },
    { name: 'a unix socket', code: 'server {\n    listen unix:/run/nginx-status.sock;\n    location / {\n        stub_status on;\n    }\n}\n' },
    { name: 'behind a password', code: 'location /status {\n    stub_status;\n    auth_basic "status";\n    auth_basic_user_file /etc/nginx/htpasswd;\n}\n' },
    { name: 'no status page', code: 'location / {\n    root /srv;\n}\n', inspected: [] },
    inHttp({ name: 'the allow list may be in an include the workspace lacks: unknown', code: 'server {\n    location /nginx_status {\n        stub_status;\n        include /config/nginx/local-only.conf;\n    }\n}\n', inspected: ['location?'] }),
  ],
  invalid: [
    {
      name: 'reachable from anywhere: the fix allows localhost only',
      code: 'server {\n    listen 80;\n    location = /nginx_status {\n        stub_status;\n    }\n}\n',
      errors: [{ messageId: 'exposed', line: 4, column: 9, endLine: 4, endColumn: 20, message: 'This stub_status page is reachable from any address; allow only trusted addresses and deny all others.' }],
      output: 'server {\n    listen 80;\n    location = /nginx_status {\n        stub_status;\n        allow 127.0.0.1;\n        deny all;\n    }\n}\n',
      inspected: ['location'],
    },
    {
      name: 'an allow list without deny all: no automatic fix',
      code: 'location /status {\n    stub_status;\n    allow 10.0.0.0/8;\n}\n',
      errors: [{ messageId: 'exposed', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: null,
    },
  ],
});
