import rule from '../../../rules/nginx/include-unresolved';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'http {\n    include conf.d/*.conf;\n}\n', files: { 'conf.d/a.conf': 'server { listen 80; }\n' }, inspected: [] },
    { name: 'files shipped with nginx are known', code: 'http {\n    include /etc/nginx/mime.types;\n}\n', inspected: [] },
    { name: 'no include', code: 'http {\n}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'a file the workspace lacks, a path outside it, an absolute path under no known prefix',
      code: 'server {\n    include /config/nginx/proxy.conf;\n    include ../../etc/passwd;\n    include /srv/conf/site.conf;\n}\n',
      errors: [
        { messageId: 'missing', line: 2, column: 13, endLine: 2, endColumn: 37, message: 'This include names nothing the workspace has, so what it sets is unknown and checks that depend on it are skipped here.' },
        { messageId: 'outside', line: 3, column: 13, endLine: 3, endColumn: 29 },
        { messageId: 'unmapped', line: 4, column: 13, endLine: 4, endColumn: 32 },
      ],
      output: null,
      inspected: ['server?'],
    },
  ],
});
