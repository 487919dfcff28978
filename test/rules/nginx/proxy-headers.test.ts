import rule from '../../../rules/nginx/proxy-headers';
import { runRuleTests } from '../../helpers/rule-tester';
import { PROXY_SITE } from './out-of-sight';
import { inHttp } from './in-http';

const FOUR =
  '        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        proxy_set_header X-Forwarded-Proto $scheme;\n';

runRuleTests(rule, {
  valid: [
    { code: `server {\n    location / {\n        proxy_pass http://app;\n${FOUR}    }\n}\n`, inspected: ['location'] },
    { name: 'inherited from the server', code: `server {\n${FOUR.replace(/^    /gm, '')}    location / {\n        proxy_pass http://app;\n    }\n}\n` },
    { name: 'no proxy_pass', code: 'server {\n    location / {\n        root /srv;\n    }\n}\n', inspected: [] },
    { name: 'a snippet: its includer may set them in http', filename: 'conf.d/app.conf', code: 'server {\n    location / {\n        proxy_pass http://app;\n    }\n}\n', inspected: ['location?'] },
    {
      name: 'an include the workspace does not have may set them: unknown, so silent',
      code: 'server {\n    location / {\n        include /config/nginx/proxy.conf;\n        proxy_pass http://app;\n    }\n}\n',
    },
    { name: 'the headers may be set in an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['location?'] },
    inHttp({
      name: 'every header declared: known, whatever an include adds',
      code: 'server {\n    location / {\n        include /config/nginx/proxy.conf;\n        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_pass http://app;\n    }\n}\n',
      inspected: ['location'],
    }),
  ],
  invalid: [
    {
      name: 'includes of known content (mime.types) do not hide a gap',
      code: 'http {\n    include /etc/nginx/mime.types;\n    server {\n        location / {\n            proxy_pass http://app;\n            proxy_set_header X-Real-IP $remote_addr;\n            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n            proxy_set_header X-Forwarded-Proto $scheme;\n        }\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 17, message: 'This `location` block passes requests with proxy_pass but does not forward Host; add the missing proxy_set_header lines.' }],
      output:
        'http {\n    include /etc/nginx/mime.types;\n    server {\n        location / {\n            proxy_pass http://app;\n            proxy_set_header X-Real-IP $remote_addr;\n            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n            proxy_set_header X-Forwarded-Proto $scheme;\n            proxy_set_header Host $host;\n        }\n    }\n}\n',
    },
    inHttp({
      name: 'none forwarded',
      code: 'server {\n    location / {\n        proxy_pass http://app;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 13, message: 'This `location` block passes requests with proxy_pass but does not forward Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto; add the missing proxy_set_header lines.' }],
      output: `server {\n    location / {\n        proxy_pass http://app;\n${FOUR}    }\n}\n`,
      inspected: ['location'],
    }),
    inHttp({
      name: 'some forwarded: only the missing ones are added, after them',
      code: 'server {\n    location / {\n        proxy_pass http://app;\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 13 }],
      output:
        'server {\n    location / {\n        proxy_pass http://app;\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n}\n',
    }),
    inHttp({
      name: 'partly inherited: the inherited lines are repeated so they are not dropped',
      code: 'server {\n    proxy_set_header Host $host;\n    location / {\n        proxy_pass http://app;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 3, column: 5, endLine: 3, endColumn: 13 }],
      output: `server {\n    proxy_set_header Host $host;\n    location / {\n        proxy_pass http://app;\n${FOUR}    }\n}\n`,
    }),
  ],
});
