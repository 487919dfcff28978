import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { acceptsPlainHttp, descendants, hasUnknownInclude, httpServers, isAcmeLocation, isRedirectOnly, isTlsServer } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/https-redirect',
    kind: 'nginx',
    title: 'Redirect plain HTTP to HTTPS',
    description:
      'A server listening for plain HTTP on port 80 should only redirect to HTTPS (ACME challenges aside); serving content over HTTP exposes it and its cookies to anyone on the network.',
    checklistItem: 'security/https-only',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      servesHttp: 'This `server` block serves content over plain HTTP; redirect it to HTTPS with return 301 https://$host$request_uri.',
    },
    fixTitles: {
      redirect: 'Redirect to HTTPS',
    },
    ptBR: {
      title: 'Redirecionar HTTP puro para HTTPS',
      description:
        'Um servidor que escuta HTTP puro na porta 80 deve apenas redirecionar para HTTPS (exceto desafios ACME); servir conteúdo por HTTP expõe o conteúdo e seus cookies a qualquer um na rede.',
      messages: {
        servesHttp: 'Este bloco `server` entrega conteúdo por HTTP puro; redirecione-o para HTTPS com return 301 https://$host$request_uri.',
      },
      fixTitles: {
        redirect: 'Redirecionar para HTTPS',
      },
    },
    examples: {
      bad: 'server {\n    listen 80;\n    root /srv/www;\n}',
      good: 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/https-redirect', (config, report, inspect) => {
      for (const server of httpServers(config)) {
        if (!acceptsPlainHttp(server)) continue;
        if (isRedirectOnly(server)) {
          inspect(server);
          continue;
        }
        // A server-level include the workspace lacks may hold the redirect itself.
        const unknown = hasUnknownInclude(config, server);
        inspect(server, { unknown });
        if (unknown) continue;
        const owner = server.owner!;
        // A server-level return would also catch the ACME challenge and the HTTPS side of a mixed server.
        const fixable = !isTlsServer(server) && !descendants(server, ['location']).some(isAcmeLocation);
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'servesHttp',
          fixTitleId: 'redirect',
          fix: () => (fixable ? insertInBlock(server, ['return 301 https://$host$request_uri;'], ['server_name', 'listen']) : null),
        });
      }
    });
  },
});
