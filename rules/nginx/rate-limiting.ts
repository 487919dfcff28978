import { defineRule } from '../../server/src/engine/rule';
import type { TextEdit } from '../../server/src/engine/types';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import type { NginxContext } from '../../server/src/kinds/nginx/config';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { ancestors, effective, isInternalLocation, mentions, own, unknownAbove } from '../../server/src/kinds/nginx/semantics';

const UPSTREAM_PASSES = ['proxy_pass', 'fastcgi_pass', 'grpc_pass', 'uwsgi_pass', 'scgi_pass'];

/** The zone names declared by `limit_req_zone ... zone=name:size` in a block. */
function zonesOf(block: NginxContext): string[] {
  return own(block, 'limit_req_zone').flatMap((placed) =>
    placed.directive.args.flatMap((arg) => {
      const match = /^zone=([^:]+):/.exec(arg.value);
      return match ? [match[1]] : [];
    }),
  );
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/rate-limiting',
    kind: 'nginx',
    title: 'Rate-limit proxied locations',
    description:
      'Locations that pass requests to an application (proxy_pass, fastcgi_pass, grpc_pass, uwsgi_pass) need a limit_req in effect, so one client cannot exhaust the backend with a flood of requests. Internal locations (`internal`, `@name`) are reached only through another location, which is the one to limit.',
    checklistItem: 'security/rate-limiting',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Requests to this `location` block reach the backend through {{pass}} without any limit_req; add limit_req with a limit_req_zone.',
    },
    fixTitles: {
      addLimit: 'Add limit_req to this location',
    },
    ptBR: {
      title: 'Limitar a taxa de locations com proxy',
      description:
        'Locations que repassam requisições a uma aplicação (proxy_pass, fastcgi_pass, grpc_pass, uwsgi_pass) precisam de um limit_req em vigor, para que um único cliente não esgote o backend com uma enxurrada de requisições. Locations internos (`internal`, `@nome`) só são alcançados por outro location, que é o que deve ser limitado.',
      messages: {
        missing: 'Requisições a este bloco `location` chegam ao backend via {{pass}} sem nenhum limit_req; adicione limit_req com um limit_req_zone.',
      },
      fixTitles: {
        addLimit: 'Adicionar limit_req a este location',
      },
    },
    examples: {
      bad: 'location /api/ {\n    proxy_pass http://backend;\n}',
      good:
        'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\nserver {\n    location /api/ {\n        limit_req zone=api burst=20 nodelay;\n        proxy_pass http://backend;\n    }\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/rate-limiting', (config, report, inspect) => {
      if (!mentions(config, UPSTREAM_PASSES)) return;
      for (const location of config.contexts) {
        if (location.kind !== 'location' || !location.owner || isInternalLocation(location)) continue;
        const pass = UPSTREAM_PASSES.find((name) => own(location, name).length > 0);
        if (!pass) continue;
        const limited = effective(location, 'limit_req').length > 0;
        const unknown = !limited && unknownAbove(config, location, 'limit_req');
        inspect(location, { unknown });
        if (limited || unknown) continue;
        const owner = location.owner;
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'missing',
          data: { pass },
          fixTitleId: 'addLimit',
          fix: () => {
            const http = ancestors(location).find((block) => block.kind === 'http');
            if (!http) return null;
            const zone = zonesOf(http)[0];
            const limit = insertInBlock(location, [`limit_req zone=${zone ?? 'api'} burst=20 nodelay;`]);
            if (!limit) return null;
            if (zone) return limit;
            if (http.owner?.path !== owner.path) return null;
            const declare = insertInBlock(http, ['limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;'], ['limit_req_zone']);
            return declare ? ([declare, limit] as TextEdit[]) : null;
          },
        });
      }
    });
  },
});
