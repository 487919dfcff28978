import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { analyzeModel } from '../../server/src/engine/analyze';
import type { BaseModel } from '../../server/src/engine/types';
import { nginxConfigOf } from '../../server/src/kinds/nginx/config';
import { effective, effectiveHeaders, httpServers, isTlsServer } from '../../server/src/kinds/nginx/semantics';
import { parseNginx, type NginxModel } from '../../server/src/kinds/nginx/model';
import { nginxRules } from '../../rules/nginx';
import { workspaceOf } from '../helpers/rule-tester';

function workspace(files: Record<string, string>) {
  const models: Record<string, BaseModel> = {};
  for (const [path, text] of Object.entries(files)) models[path] = parseNginx(text, path);
  return { models: models as Record<string, NginxModel>, view: workspaceOf(models) };
}

const ROOT = 'events {}\nhttp {\n    server_tokens off;\n    add_header X-Frame-Options DENY always;\n    include conf.d/*.conf;\n    include /etc/nginx/snippets/extra.conf;\n}\n';

describe('nginx includes', () => {
  it('expands globs relative to the including file, in path order, inside the including block', () => {
    const { models, view } = workspace({
      '/w/nginx.conf': ROOT,
      '/w/conf.d/b.conf': 'server { listen 443 ssl; server_name b; }\n',
      '/w/conf.d/a.conf': 'server { listen 80; server_name a; }\n',
    });
    const config = nginxConfigOf(models['/w/nginx.conf'], view);
    const glob = config.includes.find((include) => include.pattern === 'conf.d/*.conf')!;
    assert.deepEqual(glob.paths, ['/w/conf.d/a.conf', '/w/conf.d/b.conf']);
    const servers = httpServers(config);
    assert.deepEqual(servers.map((server) => server.owner!.path), ['/w/conf.d/a.conf', '/w/conf.d/b.conf']);
    assert.equal(servers[0].parent!.kind, 'http');
    assert.deepEqual(servers.map(isTlsServer), [false, true]);
    assert.deepEqual(effectiveHeaders(servers[1]).map((header) => header.name), ['x-frame-options']);
  });

  it('analyzes an included file in its includer\'s context', () => {
    const { models, view } = workspace({
      '/w/nginx.conf': ROOT,
      '/w/conf.d/a.conf': 'server { listen 80; server_name a; }\n',
    });
    const config = nginxConfigOf(models['/w/conf.d/a.conf'], view);
    assert.equal(config.root.path, '/w/nginx.conf');
    const [server] = httpServers(config);
    assert.equal(effective(server, 'server_tokens')[0].path, '/w/nginx.conf');
  });

  it('finds the outermost includer through a chain of differently named files', () => {
    const { models, view } = workspace({
      '/w/nginx.conf': 'events {}\nhttp {\n    server_tokens off;\n    include sites-enabled/*;\n}\n',
      '/w/sites-enabled/example.com': 'server {\n    listen 443 ssl;\n    include snippets/tls.conf;\n}\n',
      '/w/snippets/tls.conf': 'ssl_protocols TLSv1.2 TLSv1.3;\n',
      '/w/unrelated.conf': 'http { include other/*.types; }\n',
    });
    const config = nginxConfigOf(models['/w/snippets/tls.conf'], view);
    assert.equal(config.root.path, '/w/nginx.conf');
    assert.deepEqual([...config.files.keys()].sort(), ['/w/nginx.conf', '/w/sites-enabled/example.com', '/w/snippets/tls.conf']);
  });

  it('finds includers by folders as nginx resolves them: mapped absolute paths, climbing patterns, never another project\'s folder', () => {
    const { models, view } = workspace({
      '/w/a/nginx.conf': 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      '/w/a/conf.d/site.conf': 'server {\n    include ../shared/*.inc;\n}\n',
      '/w/a/shared/tls.inc': 'ssl_protocols TLSv1.3;\n',
      '/w/b/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n    include *.inc;\n}\n',
      '/w/b/conf.d/other.conf': 'server { listen 80; }\n',
    });
    assert.equal(nginxConfigOf(models['/w/a/conf.d/site.conf'], view).root.path, '/w/a/nginx.conf');
    assert.equal(nginxConfigOf(models['/w/a/shared/tls.inc'], view).root.path, '/w/a/nginx.conf');
    assert.equal(nginxConfigOf(models['/w/b/conf.d/other.conf'], view).root.path, '/w/b/nginx.conf');
  });

  it('resolves relative to the root file\'s folder and by trailing segments of absolute paths', () => {
    const { models, view } = workspace({
      '/w/nginx.conf': ROOT,
      '/w/snippets/extra.conf': 'gzip on;\n',
      '/w/conf.d/a.conf': 'include snippets/extra.conf;\n',
    });
    const config = nginxConfigOf(models['/w/nginx.conf'], view);
    assert.deepEqual(
      config.includes.map((include) => [include.pattern, include.paths]),
      [
        ['conf.d/*.conf', ['/w/conf.d/a.conf']],
        ['snippets/extra.conf', ['/w/snippets/extra.conf']],
        ['/etc/nginx/snippets/extra.conf', ['/w/snippets/extra.conf']],
      ],
    );
  });

  it('reads files that are not parsed workspace models through readText', () => {
    const models: Record<string, BaseModel> = { '/w/nginx.conf': parseNginx('http { include mime.types; }\n', '/w/nginx.conf') };
    const view = { ...workspaceOf(models), readText: (path: string) => (path === '/w/mime.types' ? 'types { text/html html; }\n' : undefined) };
    const config = nginxConfigOf(models['/w/nginx.conf'] as NginxModel, view);
    assert.deepEqual(config.includes[0].paths, ['/w/mime.types']);
    assert.ok(config.contexts.some((context) => context.kind === 'types'));
  });

  it('marks a missing file and a glob whose folder is missing as unknown, an empty glob in an existing folder as known', () => {
    const { models, view } = workspace({
      '/w/nginx.conf': 'http { include missing.conf; include none/*.conf; include conf.d/*.conf; }\n',
      '/w/conf.d/readme.txt': '# not a .conf file\n',
    });
    const config = nginxConfigOf(models['/w/nginx.conf'], view);
    assert.deepEqual(
      config.includes.map((include) => [include.pattern, include.unknown, include.paths]),
      [
        ['missing.conf', 'missing', []],
        ['none/*.conf', 'missing', []],
        ['conf.d/*.conf', undefined, []],
      ],
    );
  });

  it('stops at include cycles', () => {
    const { models, view } = workspace({
      '/w/nginx.conf': 'http { include a.conf; }\n',
      '/w/a.conf': 'include b.conf;\nserver { listen 80; }\n',
      '/w/b.conf': 'include a.conf;\ninclude nginx.conf;\n',
    });
    const config = nginxConfigOf(models['/w/nginx.conf'], view);
    assert.deepEqual(
      config.includes.map((include) => [include.pattern, include.paths, include.cycles]),
      [
        ['a.conf', ['/w/a.conf'], []],
        ['b.conf', ['/w/b.conf'], []],
        ['a.conf', [], ['/w/a.conf']],
        ['nginx.conf', [], ['/w/nginx.conf']],
      ],
    );
    assert.equal(httpServers(config).length, 1);
    for (const model of Object.values(models)) {
      const findings = analyzeModel({ model, rules: nginxRules, workspace: view });
      assert.deepEqual(findings.filter((finding) => finding.ruleId === 'readiness/rule-error'), []);
    }
  });

  it('reports each finding in the file that holds its span', () => {
    const { models, view } = workspace({
      '/w/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n',
      '/w/conf.d/site.conf': 'server {\n    listen 80;\n    root /srv;\n}\n',
    });
    const ids = (path: string) =>
      analyzeModel({ model: models[path], rules: nginxRules, workspace: view })
        .map((finding) => `${finding.ruleId}@${finding.range.start.line + 1}`)
        .sort();
    assert.deepEqual(ids('/w/nginx.conf'), ['nginx/server-tokens@2']);
    assert.deepEqual(ids('/w/conf.d/site.conf'), [
      'nginx/gzip@1',
      'nginx/https-redirect@1',
      'nginx/security-headers@1',
    ]);
  });

  const resolve = (files: Record<string, string>, path: string) => {
    const { models, view } = workspace(files);
    return nginxConfigOf(models[path], view).includes.map((include) => [include.pattern, include.paths, include.unknown]);
  };

  it('maps absolute paths by their install prefix onto the workspace, never onto the machine or a wider folder', () => {
    assert.deepEqual(
      resolve(
        {
          '/w/nginx/nginx.conf':
            'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n    include /etc/nginx/modules-enabled/*;\n    include /usr/local/etc/nginx/snippets/tls.conf;\n    include /srv/www/site.conf;\n    include /etc/passwd;\n}\n',
          '/w/nginx/conf.d/a.conf': 'server { listen 80; }\n',
          '/w/nginx/snippets/tls.conf': 'ssl_protocols TLSv1.2;\n',
          '/w/other.conf': 'server { listen 81; }\n',
        },
        '/w/nginx/nginx.conf',
      ),
      [
        ['/etc/nginx/conf.d/*.conf', ['/w/nginx/conf.d/a.conf'], undefined],
        ['/etc/nginx/modules-enabled/*', [], 'missing'],
        ['/usr/local/etc/nginx/snippets/tls.conf', ['/w/nginx/snippets/tls.conf'], undefined],
        ['/srv/www/site.conf', [], 'unmapped'],
        ['/etc/passwd', [], 'unmapped'],
      ],
    );
  });

  it('never leaves the workspace, however many ../ an include climbs', () => {
    const read: string[] = [];
    const models = { '/w/nginx.conf': parseNginx('http { include ../../../../etc/passwd; include ../outside/*.conf; }\n', '/w/nginx.conf') };
    const base = workspaceOf(models, '/w');
    const view = {
      ...base,
      readText: (path: string) => (read.push(path), base.readText!(path)),
      glob: (pattern: string) => (read.push(pattern), base.glob!(pattern)),
    };
    const config = nginxConfigOf(models['/w/nginx.conf'], view);
    assert.deepEqual(
      config.includes.map((include) => include.unknown),
      ['outside', 'outside'],
    );
    assert.deepEqual(read.filter((path) => !path.startsWith('/w/')), []);
  });

  it('resolves a snippet\'s includes against the folder conf.d or sites-enabled lives in when no nginx.conf includes it', () => {
    assert.deepEqual(
      resolve(
        {
          '/w/sites-enabled/example.com': 'server {\n    include snippets/ssl.conf;\n    include /etc/nginx/snippets/headers.conf;\n}\n',
          '/w/snippets/ssl.conf': 'ssl_protocols TLSv1.3;\n',
          '/w/snippets/headers.conf': 'add_header X-Frame-Options DENY always;\n',
        },
        '/w/sites-enabled/example.com',
      ),
      [
        ['snippets/ssl.conf', ['/w/snippets/ssl.conf'], undefined],
        ['/etc/nginx/snippets/headers.conf', ['/w/snippets/headers.conf'], undefined],
      ],
    );
  });

  it('matches a hostile glob in linear time and never includes dot files', () => {
    const name = 'a'.repeat(40);
    const { models, view: base } = workspace({
      '/w/nginx.conf': 'http { include a*a*a*a*a*a*a*a*a*a*a*a*b; include conf.d/*.conf; }\n',
      [`/w/${name}`]: '# not matched\n',
      '/w/conf.d/.hidden.conf': 'server { listen 80; }\n',
    });
    const asked: string[] = [];
    const view = { ...base, glob: (pattern: string) => (asked.push(pattern), base.glob!(pattern)) };
    const started = performance.now();
    const config = nginxConfigOf(models['/w/nginx.conf'], view);
    // The workspace's glob engine only ever lists folders: the hostile pattern never reaches it.
    assert.deepEqual(asked.filter((pattern) => pattern.split('/').some((part) => /[*?[]/.test(part) && part !== '*')), []);
    assert.ok(performance.now() - started < 1000, 'the glob is matched without backtracking');
    assert.deepEqual(
      config.includes.map((include) => [include.pattern, include.paths, include.unknown]),
      [
        ['a*a*a*a*a*a*a*a*a*a*a*a*b', [], undefined],
        ['conf.d/*.conf', [], undefined],
      ],
    );
  });

  it('caps the include depth and the number of inclusions', () => {
    const files: Record<string, string> = { '/w/nginx.conf': 'http { include l1.conf; }\n' };
    for (let level = 1; level <= 20; level++) files[`/w/l${level}.conf`] = `include l${level + 1}.conf;\ninclude l${level + 1}.conf;\n`;
    const { models, view } = workspace(files);
    const config = nginxConfigOf(models['/w/nginx.conf'], view);
    assert.ok(config.includes.some((include) => include.unknown === 'limit'));
    assert.ok(config.includes.filter((include) => include.paths.length).length <= 512 + 1);
  });

  it('keeps the first directive of a file that starts with a byte order mark, at its offset', () => {
    const model = parseNginx('\uFEFFserver_tokens on;\nhttp {}\n', '/w/nginx.conf');
    assert.deepEqual(model.errors, []);
    assert.equal(model.directives[0].name, 'server_tokens');
    assert.deepEqual(model.directives[0].nameSpan, { start: 1, end: 14 });
  });
});
