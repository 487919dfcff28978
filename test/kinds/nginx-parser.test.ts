import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nginxSupport } from '../../server/src/kinds/nginx';
import { locationMatch, parseNginx, walkDirectives, type NginxDirective } from '../../server/src/kinds/nginx/model';

const parse = (text: string) => parseNginx(text, '/etc/nginx/nginx.conf');
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const errorsOf = (text: string) => parse(text).errors.map((error) => ({ message: error.message, at: slice(text, error.span), offset: error.span.start }));

function find(directives: NginxDirective[], name: string): NginxDirective {
  let found: NginxDirective | undefined;
  walkDirectives(directives, (directive) => {
    if (!found && directive.name === name) found = directive;
  });
  assert.ok(found, `no ${name}`);
  return found;
}

describe('nginx parser', () => {
  it('reads directives, blocks and spans', () => {
    const text = 'events {}\nhttp {\n    server {\n        listen 80;\n    }\n}\n';
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    assert.deepEqual(model.directives.map((directive) => directive.name), ['events', 'http']);
    const http = model.directives[1];
    assert.equal(slice(text, http.span), 'http {\n    server {\n        listen 80;\n    }\n}');
    assert.equal(slice(text, http.openBrace!), '{');
    assert.equal(http.closeBrace!.start, text.lastIndexOf('}'));
    const listen = find(model.directives, 'listen');
    assert.equal(slice(text, listen.nameSpan), 'listen');
    assert.equal(slice(text, listen.span), 'listen 80;');
    assert.equal(slice(text, listen.semicolon!), ';');
    assert.deepEqual(listen.args.map((arg) => [arg.value, slice(text, arg.span), arg.quoted]), [['80', '80', false]]);
    assert.equal(listen.children, undefined);
    assert.deepEqual(model.directives[0].children, []);
  });

  it('skips comments, also after a directive, and keeps # inside a word', () => {
    const text = '# top\nroot /srv; # trailing { } ;\nset $a x#y;\n';
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    assert.deepEqual(model.directives.map((directive) => [directive.name, directive.args.map((arg) => arg.value)]), [
      ['root', ['/srv']],
      ['set', ['$a', 'x#y']],
    ]);
  });

  it('reads quoted strings with escapes and keeps other backslashes', () => {
    const text = `add_header X-Test "a \\"b\\" c" always;\nreturn 200 'it\\'s';\nlog_format main "tab\\there";\nrewrite ^/(.*)\\.php$ /$1 last;\n`;
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    const [header, ret, log, rewrite] = model.directives;
    assert.deepEqual(header.args.map((arg) => [arg.value, arg.quoted]), [['X-Test', false], ['a "b" c', true], ['always', false]]);
    assert.equal(slice(text, header.args[1].span), '"a \\"b\\" c"');
    assert.equal(ret.args[1].value, "it's");
    assert.equal(log.args[1].value, 'tab\there');
    assert.equal(rewrite.args[0].value, '^/(.*)\\.php$');
  });

  it('reads ${var} inside words without opening a block', () => {
    const text = 'set $full "${scheme}://${host}";\nproxy_pass http://${backend}$request_uri;\n';
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    assert.equal(model.directives[0].args[1].value, '${scheme}://${host}');
    assert.equal(model.directives[1].args[0].value, 'http://${backend}$request_uri');
  });

  it('reads location modifiers and regexes', () => {
    const text = 'location = /exact {}\nlocation ~ \\.php$ {}\nlocation ~* \\.(jpg|png)$ {}\nlocation ^~ /static/ {}\nlocation @fallback {}\nlocation / {}\nlocation ~^/api {}\n';
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    assert.deepEqual(
      model.directives.map((directive) => {
        const match = locationMatch(directive);
        return [match.modifier, match.pattern];
      }),
      [
        ['=', '/exact'],
        ['~', '\\.php$'],
        ['~*', '\\.(jpg|png)$'],
        ['^~', '/static/'],
        ['@', 'fallback'],
        ['', '/'],
        ['~', '^/api'],
      ],
    );
  });

  it('reads if conditions with parentheses, sizes and times as plain words', () => {
    const text = 'if ($request_method = "POST") { return 405; }\nclient_max_body_size 10m;\nkeepalive_timeout 30s;\nlimit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n';
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    assert.deepEqual(model.directives[0].args.map((arg) => arg.value), ['($request_method', '=', 'POST', ')']);
    assert.equal(model.directives[0].children![0].name, 'return');
    assert.deepEqual(model.directives[1].args.map((arg) => arg.value), ['10m']);
    assert.deepEqual(model.directives[3].args.map((arg) => arg.value), ['$binary_remote_addr', 'zone=api:10m', 'rate=10r/s']);
  });

  it('keeps *_by_lua_block bodies raw as one argument, braces in Lua strings and comments included', () => {
    const body = '\n    local t = { a = "}" } -- }\n    ngx.say([[ } ]])\n';
    const text = `location / {\n  content_by_lua_block {${body}}\n  root /srv;\n}\n`;
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    const lua = find(model.directives, 'content_by_lua_block');
    assert.equal(lua.args.length, 1);
    assert.equal(lua.args[0].value, body);
    assert.equal(lua.children, undefined);
    assert.equal(slice(text, lua.closeBrace!), '}');
    assert.deepEqual(model.directives[0].children!.map((directive) => directive.name), ['content_by_lua_block', 'root']);
  });

  it('reports an unexpected "}" and keeps reading', () => {
    const text = 'http {\n}\n}\nworker_processes 1;\n';
    assert.deepEqual(errorsOf(text), [{ message: 'unexpected "}"', at: '}', offset: 9 }]);
    assert.deepEqual(parse(text).directives.map((directive) => directive.name), ['http', 'worker_processes']);
  });

  it('reports a missing ";" before "}" at the "}" and keeps the directive', () => {
    const text = 'server {\n    listen 80\n}\nuser nginx;\n';
    assert.deepEqual(errorsOf(text), [{ message: 'unexpected "}"', at: '}', offset: 23 }]);
    const model = parse(text);
    assert.equal(slice(text, model.directives[0].children![0].span), 'listen 80');
    assert.equal(model.directives[1].name, 'user');
  });

  it('reports an unexpected ";" and an unexpected "{"', () => {
    assert.deepEqual(errorsOf('user nginx;;\n'), [{ message: 'unexpected ";"', at: ';', offset: 11 }]);
    const text = '{ listen 80; }\nuser nginx;\n';
    assert.deepEqual(errorsOf(text), [{ message: 'unexpected "{"', at: '{', offset: 0 }]);
    assert.deepEqual(parse(text).directives.map((directive) => directive.name), ['user']);
  });

  it('reports a missing "}" at the end of the file and keeps the block content', () => {
    const text = 'http {\n    server {\n        listen 80;\n';
    assert.deepEqual(errorsOf(text), [{ message: 'unexpected end of file, expecting "}"', at: '', offset: text.length }]);
    const model = parse(text);
    assert.equal(find(model.directives, 'listen').args[0].value, '80');
    assert.equal(model.directives[0].span.end, text.length);
  });

  it('reports a directive cut by the end of the file', () => {
    const text = 'user nginx';
    assert.deepEqual(errorsOf(text), [{ message: 'unexpected end of file, expecting ";" or "}"', at: '', offset: 10 }]);
    assert.equal(parse(text).directives[0].name, 'user');
  });

  it('reports an unterminated string once, at its quote', () => {
    const text = 'return 200 "oops;\n';
    assert.deepEqual(errorsOf(text), [{ message: 'unexpected end of file, expecting ";" or "}"', at: '"', offset: 11 }]);
  });

  it('reports a character glued to a closing quote', () => {
    const text = 'add_header X "a"b;\nuser nginx;\n';
    assert.deepEqual(errorsOf(text), [{ message: 'unexpected "b"', at: 'b', offset: 16 }]);
    assert.deepEqual(parse(text).directives.map((directive) => directive.name), ['add_header', 'user']);
  });

  it('handles CRLF files and an empty file', () => {
    const text = 'http {\r\n    gzip on;\r\n}\r\n';
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    assert.equal(find(model.directives, 'gzip').args[0].value, 'on');
    assert.deepEqual(parse('').directives, []);
  });
});

describe('nginx detection', () => {
  it('claims nginx files by name and folder, and sniffs other .conf files', () => {
    const claims = Object.fromEntries(
      [
        '/x/nginx.conf',
        '/x/site.nginx',
        '/x/nginx/default.conf',
        '/x/conf.d/app.conf',
        '/x/etc/nginx/sites-available/app.conf',
        '/x/sites-enabled/default',
        '/x/sites-enabled/example.com',
        '/x/sites-enabled/README.md',
        '/x/other/app.conf',
        '/x/app.yaml',
      ].map((path) => [path, nginxSupport.claim(path)]),
    );
    assert.deepEqual(claims, {
      '/x/nginx.conf': 'yes',
      '/x/site.nginx': 'yes',
      '/x/nginx/default.conf': 'yes',
      '/x/conf.d/app.conf': 'yes',
      '/x/etc/nginx/sites-available/app.conf': 'yes',
      '/x/sites-enabled/default': 'yes',
      '/x/sites-enabled/example.com': 'yes',
      '/x/sites-enabled/README.md': 'no',
      '/x/other/app.conf': 'sniff',
      '/x/app.yaml': 'no',
    });
    assert.equal(nginxSupport.sniff!('# site\nserver {\n  listen 80;\n}\n', '/x/a.conf'), true);
    assert.equal(nginxSupport.sniff!('http{\n}', '/x/a.conf'), true);
    assert.equal(nginxSupport.sniff!('[program:app]\ncommand=/bin/app\n', '/x/a.conf'), false);
  });
});
