import rule from '../../../rules/nginx/tls-ciphers';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'ssl_ciphers ECDHE-RSA-AES256-GCM-SHA512:DHE-RSA-AES256-GCM-SHA512:ECDHE-RSA-AES256-GCM-SHA384;',
    { name: 'weak ones excluded with !', code: "server {\n    ssl_ciphers 'HIGH:!aNULL:!MD5:!RC4:!3DES';\n}\n" },
    { name: 'no ssl_ciphers at all', code: 'server {\n    listen 443 ssl;\n}\n' },
  ],
  invalid: [
    {
      name: 'each weak cipher is reported at its place; the fix removes them',
      code: 'server {\n    ssl_ciphers "HIGH:RC4-SHA:DES-CBC3-SHA:!aNULL";\n}\n',
      errors: [
        { messageId: 'weak', line: 2, column: 23, endLine: 2, endColumn: 30, message: 'ssl_ciphers admits RC4-SHA, a broken or unauthenticated cipher; remove it or exclude it with !.' },
        { messageId: 'weak', line: 2, column: 31, endLine: 2, endColumn: 43 },
      ],
      output: 'server {\n    ssl_ciphers "HIGH:!aNULL";\n}\n',
    },
    {
      name: 'anonymous and export suites',
      code: 'ssl_ciphers aNULL:EXPORT:AES128-SHA;\n',
      errors: [
        { messageId: 'weak', line: 1, column: 13, endLine: 1, endColumn: 18 },
        { messageId: 'weak', line: 1, column: 19, endLine: 1, endColumn: 25 },
      ],
      output: 'ssl_ciphers AES128-SHA;\n',
    },
    {
      name: 'nothing left after removal: no fix',
      code: 'ssl_ciphers RC4-MD5;\n',
      errors: [{ messageId: 'weak', line: 1, column: 13, endLine: 1, endColumn: 20 }],
      output: null,
    },
  ],
});
