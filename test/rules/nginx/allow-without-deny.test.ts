import rule from '../../../rules/nginx/allow-without-deny';
import { runRuleTests } from '../../helpers/rule-tester';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    { code: 'location /admin/ {\n    allow 10.0.0.0/8;\n    deny all;\n}\n', inspected: ['location'] },
    { name: 'allow all reopens a location under a denied server', code: 'server {\n    deny all;\n    location /public/ {\n        allow all;\n    }\n}\n' },
    { name: 'satisfy any with a password: the allow list skips the login', code: 'location /admin/ {\n    satisfy any;\n    allow 10.0.0.0/8;\n    auth_basic "admin";\n    auth_basic_user_file /etc/nginx/htpasswd;\n}\n' },
    { name: 'no allow', code: 'location / {\n    root /srv;\n}\n', inspected: [] },
    inHttp({ name: 'the deny may be in an include the workspace lacks: unknown', code: 'server {\n    location /admin/ {\n        allow 10.0.0.0/8;\n        include /config/nginx/deny.conf;\n    }\n}\n', inspected: ['location?'] }),
    inHttp({
      name: 'a login in effect, and satisfy may be set in an include the workspace lacks: unknown',
      code: 'server {\n    include /config/nginx/auth.conf;\n    auth_basic "admin";\n    location /admin/ {\n        allow 10.0.0.0/8;\n    }\n}\n',
      inspected: ['location?'],
    }),
  ],
  invalid: [
    {
      name: 'an allow list that denies nothing',
      code: 'server {\n    location /admin/ {\n        allow 10.0.0.0/8;\n        allow 192.168.0.0/16;\n        proxy_pass http://admin;\n    }\n}\n',
      errors: [{ messageId: 'noDeny', line: 3, column: 9, endLine: 3, endColumn: 26, message: 'This `location` block allows some addresses but denies none, so every other address is allowed too; add deny all after the allow rules.' }],
      output: 'server {\n    location /admin/ {\n        allow 10.0.0.0/8;\n        allow 192.168.0.0/16;\n        deny all;\n        proxy_pass http://admin;\n    }\n}\n',
      inspected: ['location'],
    },
    {
      name: 'the server\'s deny is not inherited by a location with its own rules',
      code: 'server {\n    deny all;\n    location /metrics {\n        allow 10.1.2.3;\n    }\n}\n',
      errors: [{ messageId: 'noDeny', line: 4, column: 9, endLine: 4, endColumn: 24 }],
      output: 'server {\n    deny all;\n    location /metrics {\n        allow 10.1.2.3;\n        deny all;\n    }\n}\n',
    },
    {
      name: 'satisfy any without an authentication module',
      code: 'location / {\n    satisfy any;\n    allow 127.0.0.1;\n}\n',
      errors: [{ messageId: 'noDeny', line: 3, column: 5, endLine: 3, endColumn: 21 }],
      output: 'location / {\n    satisfy any;\n    allow 127.0.0.1;\n    deny all;\n}\n',
    },
  ],
});
