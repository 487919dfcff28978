import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, effectiveValue, httpContexts, isInternalLocation, isUnknownInclude, listens, mentions, own } from '../../server/src/kinds/nginx/semantics';
import type { NginxConfig, NginxContext } from '../../server/src/kinds/nginx/config';

/** Status pages: stub_status, and the VTS and NGINX Plus API pages. */
const STATUS_DIRECTIVES = ['stub_status', 'vhost_traffic_status_display', 'api', 'status'];

const LOCAL = /^(?:unix:|127\.|\[::1\]|localhost(?::|$))/;

/** A server reachable only from the machine: every listen on a unix socket or a loopback address. */
function localOnly(block: NginxContext): boolean {
  let server: NginxContext | undefined = block;
  while (server && server.kind !== 'server') server = server.parent;
  if (!server) return false;
  const all = listens(server);
  return all.length > 0 && all.every((listen) => LOCAL.test(listen.placed.directive.args[0]?.value ?? ''));
}

/** An allow list closed by `deny all`, or a login in front of the page. */
function restricted(block: NginxContext): boolean {
  const allows = effective(block, 'allow').filter((rule) => rule.directive.args[0]?.value !== 'all');
  const denyAll = effective(block, 'deny').some((rule) => rule.directive.args[0]?.value === 'all');
  if (allows.length && denyAll) return true;
  return (effectiveValue(block, 'auth_basic') ?? 'off') !== 'off' || own(block, 'auth_request').length > 0;
}

function unknownIncludeAbove(config: NginxConfig, block: NginxContext): boolean {
  for (let current: NginxContext | undefined = block; current; current = current.parent) {
    if (current.directives.some((placed) => isUnknownInclude(config, placed))) return true;
    if (own(current, 'allow').length || own(current, 'deny').length) return false;
  }
  return false;
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/status-page-exposed',
    kind: 'nginx',
    title: 'Restrict the status page to trusted addresses',
    description:
      'stub_status (and the VTS or NGINX Plus status pages) shows live connection and request counts; reachable from anywhere, it helps an attacker time and size an attack (gixy-ng status_page_exposed). It needs an allow list closed with `deny all`, a password, or a server that listens only on loopback or a unix socket. An http-wide allow list in the includer of a snippet is not assumed. On by default.',
    checklistItem: 'security/ip-whitelisting',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      exposed: 'This {{directive}} page is reachable from any address; allow only trusted addresses and deny all others.',
    },
    fixTitles: {
      restrict: 'Allow only localhost',
    },
    ptBR: {
      title: 'Restringir a página de status a endereços confiáveis',
      description:
        'stub_status (e as páginas de status do VTS ou do NGINX Plus) mostra contagens de conexões e requisições ao vivo; acessível de qualquer lugar, ajuda um atacante a cronometrar e dimensionar um ataque (status_page_exposed do gixy-ng). Precisa de uma lista de allow fechada com `deny all`, de uma senha, ou de um server que só escute em loopback ou num socket unix. Uma lista de allow para todo o http no arquivo que inclui um trecho não é presumida. Ligada por padrão.',
      messages: {
        exposed: 'Esta página {{directive}} é acessível de qualquer endereço; permita só endereços confiáveis e negue todos os outros.',
      },
      fixTitles: {
        restrict: 'Permitir apenas localhost',
      },
    },
    examples: {
      bad: 'location = /nginx_status {\n    stub_status;\n}',
      good: 'location = /nginx_status {\n    stub_status;\n    allow 127.0.0.1;\n    deny all;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/status-page-exposed', (config, report, inspect) => {
      if (!mentions(config, STATUS_DIRECTIVES)) return;
      for (const block of httpContexts(config)) {
        for (const name of STATUS_DIRECTIVES) {
          for (const placed of own(block, name)) {
            // `status` and `api` are NGINX Plus location directives; elsewhere the words mean other things.
            if ((name === 'api' || name === 'status') && block.kind !== 'location') continue;
            const guarded = isInternalLocation(block) || localOnly(block) || restricted(block);
            // An include the workspace lacks may hold the rules; an http-wide allow list in a snippet's includer is not assumed.
            const unknown = !guarded && unknownIncludeAbove(config, block);
            inspect(block, { at: placed, unknown });
            if (guarded || unknown) continue;
            report(placed, {
              span: placed.directive.nameSpan,
              messageId: 'exposed',
              data: { directive: name },
              fixTitleId: 'restrict',
              fix: () => (own(block, 'allow').length || own(block, 'deny').length ? null : insertInBlock(block, ['allow 127.0.0.1;', 'deny all;'], [name])),
            });
          }
        }
      }
    });
  },
});
