import rule from '../../../rules/nginx/add-header-always';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'server {\n    add_header X-Frame-Options DENY always;\n}\n',
    { name: 'not a security header', code: 'server {\n    add_header Cache-Control "public";\n}\n' },
    { name: 'HSTS is left to nginx/hsts', code: 'server {\n    add_header Strict-Transport-Security "max-age=63072000";\n}\n', inspected: [] },
    { name: 'an empty value sends nothing', code: 'server {\n    location /embed/ {\n        add_header X-Frame-Options "";\n    }\n}\n', inspected: ['location'] },
  ],
  invalid: [
    {
      code: 'server {\n    add_header X-Content-Type-Options nosniff;\n}\n',
      inspected: ['server'],
      errors: [{ messageId: 'notAlways', line: 2, column: 5, endLine: 2, endColumn: 47, message: 'X-Content-Type-Options is added without always, so error responses go out without it; append always.' }],
      output: 'server {\n    add_header X-Content-Type-Options nosniff always;\n}\n',
    },
    {
      name: 'case-insensitive header names, quoted values, in http and location',
      code: `http {\n    add_header content-security-policy "default-src 'self'";\n    server {\n        location / {\n            add_header Referrer-Policy "no-referrer";\n        }\n    }\n}\n`,
      errors: [
        { messageId: 'notAlways', line: 2, column: 5, endLine: 2, endColumn: 61, message: 'Content-Security-Policy is added without always, so error responses go out without it; append always.' },
        { messageId: 'notAlways', line: 5, column: 13, endLine: 5, endColumn: 54 },
      ],
      output: `http {\n    add_header content-security-policy "default-src 'self'" always;\n    server {\n        location / {\n            add_header Referrer-Policy "no-referrer" always;\n        }\n    }\n}\n`,
    },
  ],
});
