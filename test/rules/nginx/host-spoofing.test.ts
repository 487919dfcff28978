import rule from '../../../rules/nginx/host-spoofing';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'proxy_set_header Host $host;\n', inspected: ['server'] },
    { name: 'the matched name and the port', code: 'location / {\n    proxy_set_header Host $host:$server_port;\n}\n' },
    { name: 'another header may carry the raw Host', code: 'location / {\n    proxy_set_header X-Original-Host $http_host;\n}\n', inspected: [] },
  ],
  invalid: [
    {
      name: '$http_host (gixy http_host)',
      code: 'location / {\n    proxy_set_header Host $http_host;\n    proxy_pass http://app;\n}\n',
      errors: [{ messageId: 'spoofable', line: 2, column: 27, endLine: 2, endColumn: 37, message: 'The proxied Host header comes from $http_host, which the client sets freely; use $host, the name nginx matched.' }],
      output: 'location / {\n    proxy_set_header Host $host;\n    proxy_pass http://app;\n}\n',
      inspected: ['location'],
    },
    {
      name: 'any case of the header name (gixy http_host_diff_case)',
      code: 'proxy_set_header HoSt $http_host;\n',
      errors: [{ messageId: 'spoofable', line: 1, column: 23, endLine: 1, endColumn: 33 }],
      output: 'proxy_set_header HoSt $host;\n',
    },
    {
      name: 'a query argument (gixy some_arg)',
      code: 'proxy_set_header host $arg_host;\n',
      errors: [{ messageId: 'spoofable', line: 1, column: 23, endLine: 1, endColumn: 32 }],
      output: 'proxy_set_header host $host;\n',
    },
    {
      name: 'X-Forwarded-Host inside a longer value: no automatic fix',
      code: 'proxy_set_header Host "$http_x_forwarded_host.internal";\n',
      errors: [{ messageId: 'spoofable', line: 1, column: 24, endLine: 1, endColumn: 46 }],
      output: null,
    },
  ],
});
