import rule from '../../../rules/nginx/alias-traversal';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'location /files/ {\n    alias /home/;\n}\n', inspected: ['location'] },
    { name: 'the alias is in the outer location that ends with a slash (gixy nested_fp)', code: 'location /files/ {\n    location /files/images {\n    }\n    alias /home/;\n}\n' },
    { name: 'an alias without a slash under a slashed location (gixy not_slashed_alias_fp)', code: 'location /files/ {\n    alias /home;\n}\n' },
    { name: 'exact locations match one URI only', code: 'location = /favicon.ico {\n    alias /srv/static/favicon.ico;\n}\n' },
    { name: 'regex locations are out of scope', code: 'location ~ ^/download/(.*)$ {\n    alias /srv/files/$1;\n}\n' },
    { name: 'no alias', code: 'location /files {\n    root /srv;\n}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'a prefix location without a slash aliased to a folder (gixy simple)',
      code: 'location /files {\n    alias /home/;\n}\n',
      errors: [
        {
          messageId: 'traversal',
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 16,
          message: 'This prefix location has no trailing slash while it serves files with alias, so /files../ escapes the aliased folder; end both the location and the alias with /.',
        },
      ],
      output: 'location /files/ {\n    alias /home/;\n}\n',
      inspected: ['location'],
    },
    {
      name: 'neither has a slash (gixy not_slashed_alias): both get one',
      code: 'server {\n    location ^~ /static {\n        alias /var/www/static;\n    }\n}\n',
      errors: [{ messageId: 'traversal', line: 2, column: 17, endLine: 2, endColumn: 24 }],
      output: 'server {\n    location ^~ /static/ {\n        alias /var/www/static/;\n    }\n}\n',
      inspected: ['location'],
    },
    {
      name: 'the nearest location decides (gixy nested)',
      code: 'location /files/ {\n    location /files/images {\n        alias /home/;\n    }\n}\n',
      errors: [{ messageId: 'traversal', line: 2, column: 14, endLine: 2, endColumn: 27 }],
      output: 'location /files/ {\n    location /files/images/ {\n        alias /home/;\n    }\n}\n',
    },
    {
      name: 'a quoted location path: no automatic fix',
      code: 'location "/files" {\n    alias /home/;\n}\n',
      errors: [{ messageId: 'traversal', line: 1, column: 10, endLine: 1, endColumn: 18 }],
      output: null,
    },
  ],
});
