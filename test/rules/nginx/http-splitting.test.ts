import rule from '../../../rules/nginx/http-splitting';
import { runRuleTests } from '../../helpers/rule-tester';
import { inHttp } from './in-http';

runRuleTests(rule, {
  valid: [
    { code: 'return 301 https://$host$request_uri;\n', inspected: ['server'] },
    { name: 'a status without a URL (gixy return_403_fp)', code: 'return 403;\n', inspected: [] },
    { name: 'a body, not a Location', code: 'location / {\n    return 200 "you asked for $uri";\n}\n', inspected: [] },
    { name: 'an undefined variable makes no claim (gixy dont_report_not_resolved_var_fp)', code: 'location ~ /proxy/(a|b)/(\\W*)$ {\n    proxy_pass http://storage/$some;\n}\n' },
    { name: 'a capture of fixed words (gixy proxy_from_location_var_var_fp)', code: 'location ~ /proxy/(a|b)/(\\W*)$ {\n    set $p $1;\n    proxy_pass http://storage/$p;\n}\n' },
    { name: 'a carriage return does not split a request to the upstream (gixy proxy_pass_cr_fp)', code: 'location ~* ^/test/(.*) {\n    proxy_pass http://10.10.10.10/$1;\n}\n' },
    { name: 'rewrite captures hold no line breaks (gixy rewrite_extract_fp)', code: 'rewrite ^/proxy/(a|b)/(?<path>\\W*)$ http://storage/$path redirect;\n' },
    { name: 'a variable only an includer out of sight defines: unknown', code: 'location / {\n    return 301 https://$host$target;\n}\n', inspected: ['location?'] },
    { name: 'nginx\'s own variables are known in a snippet too', code: 'location / {\n    return 301 https://$host$request_uri;\n}\n', inspected: ['location'] },
    { name: 'a set built from a variable out of sight: unknown', code: 'location / {\n    set $to $target;\n    add_header X-To $to;\n}\n', inspected: ['location?'] },
    inHttp({ name: 'a complete config shows every definition: known', code: 'server {\n    location / {\n        return 301 https://$host$target;\n    }\n}\n', inspected: ['location'] }),
  ],
  invalid: [
    {
      name: '$uri in a redirect (gixy rewrite_uri_after_var): the fix uses $request_uri',
      code: 'location / {\n    return 301 https://$host$uri;\n}\n',
      errors: [
        {
          messageId: 'redirect',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 33,
          message: '$uri can hold a decoded \\n and it goes into the redirect Location, so a client can inject headers; use $request_uri or a capture that excludes line breaks.',
        },
      ],
      output: 'location / {\n    return 301 https://$host$request_uri;\n}\n',
      inspected: ['location'],
    },
    {
      name: 'a response header (gixy add_header_uri)',
      code: 'add_header X-Uri $uri;\n',
      errors: [{ messageId: 'responseHeader', line: 1, column: 18, endLine: 1, endColumn: 22 }],
      output: null,
    },
    {
      name: 'a capture that can hold a line feed, through set (gixy proxy_from_location_var_var)',
      code: 'location ~ /proxy/(a|b)/(\\W*)$ {\n    set $p $2;\n    proxy_pass http://storage/$p;\n}\n',
      errors: [{ messageId: 'upstream', line: 3, column: 31, endLine: 3, endColumn: 33 }],
      output: null,
    },
    {
      name: 'a named capture inside a set value (gixy proxy_from_location_var_var_var)',
      code: 'location ~ /proxy/(a|b)/(?<p>\\W*)$ {\n    set $upstream "http://$1/$p?";\n    proxy_pass $upstream;\n}\n',
      errors: [{ messageId: 'upstream', line: 3, column: 16, endLine: 3, endColumn: 25 }],
      output: null,
    },
    {
      name: 'a negated class lets a line feed through (gixy proxy_pass_lf)',
      code: 'location ~* ^/test/([^/]+)/ {\n    proxy_pass http://10.10.10.10/$1;\n}\n',
      errors: [{ messageId: 'upstream', line: 2, column: 35, endLine: 2, endColumn: 37 }],
      output: null,
    },
    {
      name: 'a header to the upstream (gixy proxy_set_header_ducument_uri)',
      code: 'proxy_set_header "X-Original-Uri" $document_uri;\n',
      errors: [{ messageId: 'upstreamHeader', line: 1, column: 35, endLine: 1, endColumn: 48 }],
      output: null,
    },
    {
      name: 'a rewrite to another host (gixy rewrite_uri)',
      code: 'rewrite ^ http://some$uri;\n',
      errors: [{ messageId: 'redirect', line: 1, column: 22, endLine: 1, endColumn: 26 }],
      output: null,
    },
  ],
});
