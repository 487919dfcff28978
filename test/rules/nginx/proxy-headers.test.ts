import rule from '../../../rules/nginx/proxy-headers';
import { runRuleTests } from '../../helpers/rule-tester';

const FOUR =
  '        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        proxy_set_header X-Forwarded-Proto $scheme;\n';

runRuleTests(rule, {
  valid: [
    `server {\n    location / {\n        proxy_pass http://app;\n${FOUR}    }\n}\n`,
    { name: 'inherited from the server', code: `server {\n${FOUR.replace(/^    /gm, '')}    location / {\n        proxy_pass http://app;\n    }\n}\n` },
    { name: 'no proxy_pass', code: 'server {\n    location / {\n        root /srv;\n    }\n}\n' },
    {
      name: 'an include the workspace does not have may set them: unknown, so silent',
      code: 'server {\n    location / {\n        include /config/nginx/proxy.conf;\n        proxy_pass http://app;\n    }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'includes of known content (mime.types) do not hide a gap',
      code: 'http {\n    include /etc/nginx/mime.types;\n    server {\n        location / {\n            proxy_pass http://app;\n            proxy_set_header X-Real-IP $remote_addr;\n            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n            proxy_set_header X-Forwarded-Proto $scheme;\n        }\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 17, message: 'This proxy_pass location does not forward Host; add the missing proxy_set_header lines.' }],
      output:
        'http {\n    include /etc/nginx/mime.types;\n    server {\n        location / {\n            proxy_pass http://app;\n            proxy_set_header X-Real-IP $remote_addr;\n            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n            proxy_set_header X-Forwarded-Proto $scheme;\n            proxy_set_header Host $host;\n        }\n    }\n}\n',
    },
    {
      name: 'none forwarded',
      code: 'server {\n    location / {\n        proxy_pass http://app;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 13, message: 'This proxy_pass location does not forward Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto; add the missing proxy_set_header lines.' }],
      output: `server {\n    location / {\n        proxy_pass http://app;\n${FOUR}    }\n}\n`,
    },
    {
      name: 'some forwarded: only the missing ones are added, after them',
      code: 'server {\n    location / {\n        proxy_pass http://app;\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 13 }],
      output:
        'server {\n    location / {\n        proxy_pass http://app;\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n}\n',
    },
    {
      name: 'partly inherited: the inherited lines are repeated so they are not dropped',
      code: 'server {\n    proxy_set_header Host $host;\n    location / {\n        proxy_pass http://app;\n    }\n}\n',
      errors: [{ messageId: 'missing', line: 3, column: 5, endLine: 3, endColumn: 13 }],
      output: `server {\n    proxy_set_header Host $host;\n    location / {\n        proxy_pass http://app;\n${FOUR}    }\n}\n`,
    },
  ],
});
