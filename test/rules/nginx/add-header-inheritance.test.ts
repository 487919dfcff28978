import rule from '../../../rules/nginx/add-header-inheritance';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        root /srv;\n    }\n}\n',
    {
      name: 'the block repeats the security headers',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location /static/ {\n        add_header Cache-Control public;\n        add_header X-Frame-Options DENY always;\n    }\n}\n',
    },
    { name: 'only non-security headers are dropped', code: 'server {\n    add_header Cache-Control no-store;\n    location / {\n        add_header X-Debug 1;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'a location drops the server headers',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    add_header X-Content-Type-Options nosniff always;\n    location /static/ {\n        add_header Cache-Control public;\n    }\n}\n',
      errors: [
        {
          messageId: 'dropped',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 13,
          message: 'This location declares its own add_header, which drops X-Frame-Options, X-Content-Type-Options set by its parent; repeat them in this block.',
        },
      ],
      output:
        'server {\n    add_header X-Frame-Options DENY always;\n    add_header X-Content-Type-Options nosniff always;\n    location /static/ {\n        add_header Cache-Control public;\n        add_header X-Frame-Options DENY always;\n        add_header X-Content-Type-Options nosniff always;\n    }\n}\n',
    },
    {
      name: 'an if block inside a location drops headers inherited from http',
      code: 'http {\n    add_header Referrer-Policy no-referrer always;\n    server {\n        location / {\n            if ($arg_x) {\n                add_header X-Debug 1;\n            }\n        }\n    }\n}\n',
      errors: [{ messageId: 'dropped', line: 5, column: 13, endLine: 5, endColumn: 15 }],
      output:
        'http {\n    add_header Referrer-Policy no-referrer always;\n    server {\n        location / {\n            if ($arg_x) {\n                add_header X-Debug 1;\n                add_header Referrer-Policy no-referrer always;\n            }\n        }\n    }\n}\n',
    },
  ],
});
