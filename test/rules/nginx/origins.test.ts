import rule from '../../../rules/nginx/origins';
import { runRuleTests } from '../../helpers/rule-tester';

const ifOrigin = (regex: string, variable = '$http_origin') => `location / {\n    if (${variable} !~ '${regex}') {\n        return 403;\n    }\n}\n`;

runRuleTests(rule, {
  valid: [
    { code: ifOrigin('^https?:\\/\\/yandex\\.ru\\/'), inspected: ['location'] },
    { name: 'anchored at the end (gixy origin_w_slash_anchored_fp)', code: ifOrigin('^https?:\\/\\/yandex\\.ru/$') },
    { name: 'a subdomain, escaped (gixy referer_subdomain_fp)', code: ifOrigin('^https?:\\/\\/some\\.yandex\\.ru\\/', '$http_referer') },
    { name: 'https only when asked (gixy origin_https_fp)', code: ifOrigin('^https:\\/\\/yandex\\.ru\\/'), options: { domains: ['yandex.ru'], httpsOnly: true } },
    { name: 'valid_referers without none (gixy wo_none_fp)', code: 'valid_referers server_names foo.com bar.com *.none.com none.ru;\n', inspected: ['server'] },
    { name: 'a routing check that names no host', code: 'if ($http_referer ~* /ombi) {\n    rewrite ^/swagger/(.*) /ombi/swagger/$1? redirect;\n}\n', inspected: ['server'] },
    { name: 'another header', code: ifOrigin('^https://a.example', '$http_x_origin'), inspected: [] },
    { name: 'a fixed CORS origin (Gixy-Next fixed_origin_fp)', code: 'server {\n    add_header Access-Control-Allow-Origin https://app.example.com always;\n}\n', inspected: ['server'] },
    {
      name: 'a map of anchored, escaped origins with an empty default',
      code: 'map $http_origin $cors {\n    default "";\n    ~^https://(www\\.)?example\\.com$ $http_origin;\n    https://app.example.org $http_origin;\n}\nserver {\n    add_header Access-Control-Allow-Origin $cors always;\n}\n',
      inspected: ['server'],
    },
    { name: 'a subdomain wildcard that keeps the dot boundary', code: ifOrigin('^https://([^/]+\\.)?yandex\\.ru$') },
  ],
  invalid: [
    {
      name: 'an unescaped dot (gixy origin)',
      code: ifOrigin('^https?:\\/\\/yandex.ru\\/'),
      errors: [
        {
          messageId: 'untrusted',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 50,
          message: 'This Origin check accepts http://yandexxru/, an origin the regex does not mean to trust; anchor it with ^ and $ (or a final /) and escape its dots.',
        },
      ],
      output: null,
      inspected: ['location'],
    },
    {
      name: 'not anchored at the end (gixy origin_wo_slash)',
      code: ifOrigin('^https?:\\/\\/yandex\\.ru'),
      errors: [{ messageId: 'untrusted', line: 2, column: 25, endLine: 2, endColumn: 49 }],
      output: null,
    },
    {
      name: 'not anchored at the start (gixy structure_prefix)',
      code: 'if ($http_referer !~ "https://example\\.com/"){\n    add_header X-Frame-Options SAMEORIGIN;\n}\n',
      errors: [{ messageId: 'untrusted', line: 1, column: 22, endLine: 1, endColumn: 45, message: 'This Referer check accepts http://evil.com/https://example.com/, an origin the regex does not mean to trust; anchor it with ^ and $ (or a final /) and escape its dots.' }],
      output: null,
    },
    {
      name: 'plain http accepted when only https is trusted (gixy origin_https)',
      code: ifOrigin('^https?:\\/\\/yandex\\.ru\\/'),
      options: { domains: ['yandex.ru'], httpsOnly: true },
      errors: [{ messageId: 'untrusted', line: 2, column: 25, endLine: 2, endColumn: 51 }],
      output: null,
    },
    {
      name: 'the misspelled header is always empty',
      code: ifOrigin('^https://example\\.com/', '$http_referrer'),
      errors: [{ messageId: 'misspelled', line: 2, column: 9, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      name: 'valid_referers none (gixy none_middle)',
      code: 'valid_referers server_names foo.com\n               none bar.com;\n',
      errors: [{ messageId: 'noneReferer', line: 2, column: 16, endLine: 2, endColumn: 20 }],
      output: null,
      inspected: ['server'],
    },
    {
      name: 'Access-Control-Allow-Origin echoes the Origin (Gixy-Next reflect_add_header)',
      code: 'server {\n    add_header Access-Control-Allow-Origin $http_origin always;\n}\n',
      errors: [{ messageId: 'reflected', line: 2, column: 44, endLine: 2, endColumn: 56 }],
      output: null,
      inspected: ['server'],
    },
    {
      name: 'through set, upper case (Gixy-Next reflect_set)',
      code: 'server {\n    set $cors $HTTP_ORIGIN;\n    add_header Access-Control-Allow-Origin $cors;\n}\n',
      errors: [{ messageId: 'reflected', line: 3, column: 44, endLine: 3, endColumn: 49 }],
      output: null,
    },
    {
      name: 'a map whose default is the Origin (Gixy-Next reflect_map_default)',
      code: 'map $http_origin $cors {\n    default $http_origin;\n    https://trusted.example "";\n}\nserver {\n    add_header Access-Control-Allow-Origin $cors always;\n}\n',
      errors: [{ messageId: 'reflected', line: 6, column: 44, endLine: 6, endColumn: 49 }],
      output: null,
    },
    {
      name: 'a map key that is not anchored (Gixy-Next map_origin_uppercase_dest)',
      code: 'map $http_origin $cors {\n    ~example\\.com $http_origin;\n    default "";\n}\nserver {\n    add_header Access-Control-Allow-Origin $CORS always;\n}\n',
      errors: [{ messageId: 'untrusted', line: 6, column: 44, endLine: 6, endColumn: 49, message: 'This Origin check accepts http://evil.com/example.com.evil.com, an origin the regex does not mean to trust; anchor it with ^ and $ (or a final /) and escape its dots.' }],
      output: null,
    },
    {
      name: 'letters the client chooses right before the domain (Gixy-Next origin_uppercase_var)',
      code: ifOrigin('^https://([^/]+)?yandex\\.ru$', '$HTTP_ORIGIN'),
      errors: [{ messageId: 'untrusted', line: 2, column: 25, endLine: 2, endColumn: 55, message: 'This Origin check accepts https://xxxxxyandex.ru, an origin the regex does not mean to trust; anchor it with ^ and $ (or a final /) and escape its dots.' }],
      output: null,
    },
  ],
});
