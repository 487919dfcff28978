import rule from '../../../rules/nginx/add-header-multiline';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'add_header X-Foo foo;\n', inspected: ['server'] },
    { name: 'more_set_headers on one line (gixy more_set_headers_fp)', code: "more_set_headers -t 'text/html text/plain'\n    'X-Foo: Bar multiline';\n" },
    { name: 'a -t list over two lines is not a header (gixy more_set_headers_type_fp)', code: "more_set_headers -t 'text/html\n    text/plain' 'X-Foo: some';\n" },
    { name: 'no header at all', code: 'root /srv;\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'a CSP over several lines (gixy add_header): joined by the fix',
      code: 'add_header Content-Security-Policy "\n    default-src \'none\';\n    font-src data:";\n',
      errors: [{ messageId: 'multiline', line: 1, column: 36, endLine: 3, endColumn: 20, message: 'The value of Content-Security-Policy spans several lines, so HTTP/2 clients reject the response and proxies may answer 502; write it on one line.' }],
      output: 'add_header Content-Security-Policy "default-src \'none\'; font-src data:";\n',
      inspected: ['server'],
    },
    {
      name: 'more_set_headers, each folded header (gixy more_set_headers_multiple)',
      code: "more_set_headers 'X-Foo: some\n    multiline' 'X-Bar: one';\n",
      errors: [{ messageId: 'multiline', line: 1, column: 18, endLine: 2, endColumn: 15 }],
      output: "more_set_headers 'X-Foo: some multiline' 'X-Bar: one';\n",
    },
    {
      name: 'a replace option is skipped, its header is checked (gixy more_set_headers_replace)',
      code: "more_set_headers -r 'Foo:\n    multiline';\n",
      errors: [{ messageId: 'multiline', line: 1, column: 21, endLine: 2, endColumn: 15 }],
      output: "more_set_headers -r 'Foo: multiline';\n",
    },
  ],
});
