import rule from '../../../rules/nginx/add-header-inheritance';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    inHttp({ code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        root /srv;\n    }\n}\n', inspected: ['server'] }),
    {
      name: 'a snippet: its server headers drop whatever the includer\'s http block sends',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        root /srv;\n    }\n}\n',
      inspected: ['server?'],
    },
    {
      name: 'the block repeats the security headers',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location /static/ {\n        add_header Cache-Control public;\n        add_header X-Frame-Options DENY always;\n    }\n}\n',
      inspected: ['location', 'server?'],
    },
    { name: 'only headers without a protective role are dropped (gixy not_secure_outer_fp)', code: 'server {\n    add_header Cache-Control "public, max-age=3600";\n    location / {\n        add_header X-Frame-Options DENY;\n    }\n}\n' },
    { name: 'not a block: a second add_header at the same level', code: 'add_header X-Frame-Options DENY always;\nserver "some";\nadd_header X-Foo foo;\n' },
    {
      name: 'add_header_inherit merge appends the parent headers (nginx 1.29.3+)',
      code: 'http {\n    add_header_inherit merge;\n    add_header X-Content-Type-Options nosniff;\n    server {\n        add_header X-Frame-Options SAMEORIGIN;\n        location / {\n            add_header Cache-Control public;\n        }\n    }\n}\n',
    },
    {
      name: 'an include the workspace lacks may repeat them',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        add_header X-Foo 1;\n        include /etc/nginx/snippets/headers.conf;\n    }\n}\n',
    },
    {
      name: 'an add_header with an empty value sends nothing, so dropping it loses nothing',
      code: 'server {\n    add_header X-Frame-Options "";\n    location / {\n        add_header X-Foo 1;\n    }\n}\n',
    },
    { name: 'no add_header anywhere', code: 'http {\n    server {\n        location / {\n            root /srv;\n        }\n    }\n}\n', inspected: [] },
    {
      name: 'includes the workspace lacks, in the server and the location: both unknown',
      code: PROXY_SITE,
      inspected: ['location?', 'server?'],
    },
    inHttp({
      name: 'an include the workspace lacks in a location could declare add_header and drop the server headers: unknown',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        include /config/nginx/proxy.conf;\n    }\n}\n',
      inspected: ['location?', 'server'],
    }),
    inHttp({
      name: 'nothing protective to drop: the location is not what the rule is about',
      code: 'server {\n    location / {\n        include /config/nginx/proxy.conf;\n    }\n}\n',
      inspected: [],
    }),
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
          message:
            'This `location` block declares its own add_header, which drops X-Frame-Options, X-Content-Type-Options set above it; repeat them here or add add_header_inherit merge (nginx 1.29.3+).',
        },
      ],
      output:
        'server {\n    add_header X-Frame-Options DENY always;\n    add_header X-Content-Type-Options nosniff always;\n    location /static/ {\n        add_header Cache-Control public;\n        add_header X-Frame-Options DENY always;\n        add_header X-Content-Type-Options nosniff always;\n    }\n}\n',
      inspected: ['location', 'server?'],
    },
    {
      name: 'an if block inside a location drops headers inherited from http',
      code: 'http {\n    add_header Referrer-Policy no-referrer always;\n    server {\n        location / {\n            if ($arg_x) {\n                add_header X-Debug 1;\n            }\n        }\n    }\n}\n',
      errors: [{ messageId: 'dropped', line: 5, column: 13, endLine: 5, endColumn: 15 }],
      output:
        'http {\n    add_header Referrer-Policy no-referrer always;\n    server {\n        location / {\n            if ($arg_x) {\n                add_header X-Debug 1;\n                add_header Referrer-Policy no-referrer always;\n            }\n        }\n    }\n}\n',
    },
    {
      name: 'the fix also repeats the headers in a nested block that declares its own, which would drop them next (fuzz seed 11)',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        add_header X-Request-Id $request_id;\n        location /api/ {\n            add_header X-Request-Id $request_id;\n        }\n        location /static/ {\n            add_header X-Frame-Options SAMEORIGIN always;\n        }\n    }\n}\n',
      errors: [{ messageId: 'dropped', line: 3, column: 5, endLine: 3, endColumn: 13 }],
      output:
        'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        add_header X-Request-Id $request_id;\n        add_header X-Frame-Options DENY always;\n        location /api/ {\n            add_header X-Request-Id $request_id;\n            add_header X-Frame-Options DENY always;\n        }\n        location /static/ {\n            add_header X-Frame-Options SAMEORIGIN always;\n        }\n    }\n}\n',
    },
    {
      name: 'a protective Cache-Control value counts (gixy-ng); every dropped header is listed and repeated',
      code: 'server {\n    add_header Cache-Control no-store;\n    add_header X-Debug 1;\n    location /api/ {\n        add_header X-Request-Id $request_id;\n    }\n}\n',
      errors: [{ messageId: 'dropped', line: 4, column: 5, endLine: 4, endColumn: 13, message: 'This `location` block declares its own add_header, which drops Cache-Control, X-Debug set above it; repeat them here or add add_header_inherit merge (nginx 1.29.3+).' }],
      output: 'server {\n    add_header Cache-Control no-store;\n    add_header X-Debug 1;\n    location /api/ {\n        add_header X-Request-Id $request_id;\n        add_header Cache-Control no-store;\n        add_header X-Debug 1;\n    }\n}\n',
    },
    {
      name: 'a server drops the http headers',
      code: 'http {\n    add_header Content-Security-Policy "default-src \'self\'" always;\n    server {\n        add_header X-Served-By a;\n    }\n}\n',
      errors: [{ messageId: 'dropped', line: 3, column: 5, endLine: 3, endColumn: 11 }],
      output: 'http {\n    add_header Content-Security-Policy "default-src \'self\'" always;\n    server {\n        add_header X-Served-By a;\n        add_header Content-Security-Policy "default-src \'self\'" always;\n    }\n}\n',
      inspected: ['server'],
    },
    {
      name: 'nested locations: only the one that declares headers drops them (gixy nested_block)',
      code: 'server {\n  add_header X-Frame-Options "DENY" always;\n  location / {\n    location /some {\n      add_header X-Frame-Options "DENY" always;\n    }\n    location /another {\n      add_header X-Foo foo;\n    }\n  }\n}\n',
      errors: [{ messageId: 'dropped', line: 7, column: 5, endLine: 7, endColumn: 13 }],
      output: 'server {\n  add_header X-Frame-Options "DENY" always;\n  location / {\n    location /some {\n      add_header X-Frame-Options "DENY" always;\n    }\n    location /another {\n      add_header X-Foo foo;\n      add_header X-Frame-Options "DENY" always;\n    }\n  }\n}\n',
    },
    {
      name: 'add_header_inherit off drops the parent headers even without an own add_header',
      code: 'server {\n    add_header X-Frame-Options SAMEORIGIN always;\n    location / {\n        add_header_inherit off;\n    }\n}\n',
      errors: [{ messageId: 'dropped', line: 3, column: 5, endLine: 3, endColumn: 13 }],
      output: 'server {\n    add_header X-Frame-Options SAMEORIGIN always;\n    location / {\n        add_header_inherit off;\n        add_header X-Frame-Options SAMEORIGIN always;\n    }\n}\n',
    },
  ],
});
