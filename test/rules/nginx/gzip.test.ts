import rule from '../../../rules/nginx/gzip';
import { runRuleTests } from '../../helpers/rule-tester';

const GZIP = '    gzip on;\n    gzip_types text/css application/javascript application/json image/svg+xml;\n';

runRuleTests(rule, {
  valid: [
    'http {\n    gzip on;\n    server {\n        listen 80;\n        root /srv;\n    }\n}\n',
    { name: 'redirect-only servers', code: 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n' },
    { name: 'no servers', code: 'events {}\n' },
  ],
  invalid: [
    {
      code: 'server {\n    listen 443 ssl;\n    root /srv;\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 7 }],
      output: `server {\n    listen 443 ssl;\n    root /srv;\n${GZIP}}\n`,
    },
    {
      name: 'gzip off in effect: the value',
      code: 'http {\n    gzip off;\n    server {\n        root /srv;\n    }\n}\n',
      errors: [{ messageId: 'off', line: 2, column: 10, endLine: 2, endColumn: 13 }],
      output: 'http {\n    gzip on;\n    server {\n        root /srv;\n    }\n}\n',
    },
  ],
});
