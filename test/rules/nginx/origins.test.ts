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
  ],
});
