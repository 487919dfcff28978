import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { effective, httpBlocks, httpServers, insertInBlock, own, type NginxContext, reportOnce, hasUnknownInclude } from '../../server/src/kinds/nginx/config';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/server-tokens',
    kind: 'nginx',
    title: 'Hide the nginx version',
    description:
      'With server_tokens on, nginx prints its exact version in the Server header and on error pages, which tells attackers which known vulnerabilities to try; set server_tokens off in the http block.',
    checklistItem: 'security/security-headers',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'This {{block}} does not set server_tokens, so nginx advertises its version; add server_tokens off.',
      value: 'server_tokens {{value}} advertises the nginx version; set it to off.',
    },
    ptBR: {
      title: 'Ocultar a versão do nginx',
      description:
        'Com server_tokens ligado, o nginx exibe sua versão exata no cabeçalho Server e nas páginas de erro, o que indica aos atacantes quais vulnerabilidades conhecidas tentar; defina server_tokens off no bloco http.',
      messages: {
        missing: 'Este {{block}} não define server_tokens, então o nginx anuncia sua versão; adicione server_tokens off.',
        value: 'server_tokens {{value}} anuncia a versão do nginx; defina-o como off.',
      },
    },
    examples: {
      bad: 'http {\n    server_tokens on;\n}',
      good: 'http {\n    server_tokens off;\n}',
    },
  },
  check(_model, context) {
    reportOnce(context, 'nginx/server-tokens', (config, report) => {
      for (const block of config.contexts) {
        for (const placed of own(block, 'server_tokens')) {
          const arg = placed.directive.args[0];
          if (!arg || arg.value.toLowerCase() === 'off') continue;
          report(placed, { span: arg.span, messageId: 'value', data: { value: arg.value }, fix: (fixer) => fixer.replace(arg.span, 'off') });
        }
      }
      const missingIn = (block: NginxContext) => {
        if (hasUnknownInclude(config, block)) return;
        const owner = block.owner!;
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'missing',
          data: { block: block.kind },
          fix: () => insertInBlock(block, ['server_tokens off;']),
        });
      };
      const http = httpBlocks(config);
      if (http.length) {
        for (const block of http) if (own(block, 'server_tokens').length === 0) missingIn(block);
        return;
      }
      // A fragment (conf.d, sites-enabled) whose http block is not in the workspace: check its servers.
      for (const server of httpServers(config)) if (effective(server, 'server_tokens').length === 0) missingIn(server);
    });
  },
});
