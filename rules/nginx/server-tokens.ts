import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { httpBlocks, httpContexts, mentions, own, unknownValue } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/server-tokens',
    kind: 'nginx',
    title: 'Hide the nginx version',
    description:
      'With server_tokens on (the default), nginx prints its exact version in the Server header and on error pages, which tells attackers which known vulnerabilities to try; set server_tokens off in the http block. A snippet without an http block is silent about a missing server_tokens: its includer decides.',
    checklistItem: 'security/security-headers',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'This `http` block does not set server_tokens, so nginx advertises its version; add server_tokens off.',
      value: 'server_tokens {{value}} advertises the nginx version; set it to off.',
    },
    ptBR: {
      title: 'Ocultar a versão do nginx',
      description:
        'Com server_tokens ligado (o padrão), o nginx exibe sua versão exata no cabeçalho Server e nas páginas de erro, o que indica aos atacantes quais vulnerabilidades conhecidas tentar; defina server_tokens off no bloco http. Um trecho sem bloco http não acusa a falta de server_tokens: quem o inclui decide.',
      messages: {
        missing: 'Este bloco `http` não define server_tokens, então o nginx anuncia sua versão; adicione server_tokens off.',
        value: 'server_tokens {{value}} anuncia a versão do nginx; defina-o como off.',
      },
    },
    examples: {
      bad: 'http {\n    server_tokens on;\n}',
      good: 'http {\n    server_tokens off;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/server-tokens', (config, report, inspect) => {
      for (const block of mentions(config, ['server_tokens']) ? httpContexts(config) : []) {
        for (const placed of own(block, 'server_tokens')) {
          inspect(block, { at: placed });
          const arg = placed.directive.args[0];
          if (!arg || arg.value.toLowerCase() === 'off') continue;
          report(placed, { span: arg.span, messageId: 'value', data: { value: arg.value }, fix: (fixer) => fixer.replace(arg.span, 'off') });
        }
      }
      // A snippet (conf.d, sites-enabled) is read inside an http block the workspace does not show: unknown.
      for (const http of httpBlocks(config)) {
        const declared = own(http, 'server_tokens').length > 0;
        const unknown = unknownValue(config, http, 'server_tokens');
        inspect(http, { unknown });
        if (declared || unknown) continue;
        const owner = http.owner!;
        report(owner, { span: owner.directive.nameSpan, messageId: 'missing', fix: () => insertInBlock(http, ['server_tokens off;']) });
      }
    });
  },
});
