import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, httpServers, isTlsServer, mentions, own, rejectsHandshakes, unknownValue } from '../../server/src/kinds/nginx/semantics';

const WEAK = new Set(['sslv2', 'sslv3', 'tlsv1', 'tlsv1.1']);
const MODERN = 'TLSv1.2 TLSv1.3';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/tls-protocols',
    kind: 'nginx',
    title: 'Allow only TLS 1.2 and 1.3',
    description:
      'SSLv2, SSLv3, TLS 1.0 and TLS 1.1 have known attacks (POODLE, BEAST) and are deprecated; nginx before 1.23.4 enables TLS 1.0 and 1.1 by default, so set ssl_protocols explicitly.',
    checklistItem: 'security/encryption-in-transit',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      weak: 'ssl_protocols allows {{protocol}}, which is deprecated and attackable; allow only TLSv1.2 and TLSv1.3.',
      default: 'This TLS `server` block relies on the default ssl_protocols, which still allows TLSv1 and TLSv1.1 before nginx 1.23.4; set ssl_protocols TLSv1.2 TLSv1.3.',
    },
    fixTitles: {
      modern: 'Allow only TLSv1.2 and TLSv1.3',
      set: 'Set ssl_protocols TLSv1.2 TLSv1.3',
    },
    ptBR: {
      title: 'Permitir apenas TLS 1.2 e 1.3',
      description:
        'SSLv2, SSLv3, TLS 1.0 e TLS 1.1 têm ataques conhecidos (POODLE, BEAST) e estão obsoletos; o nginx anterior a 1.23.4 habilita TLS 1.0 e 1.1 por padrão, então defina ssl_protocols explicitamente.',
      messages: {
        weak: 'ssl_protocols permite {{protocol}}, que é obsoleto e atacável; permita apenas TLSv1.2 e TLSv1.3.',
        default: 'Este bloco `server` TLS depende do ssl_protocols padrão, que ainda permite TLSv1 e TLSv1.1 antes do nginx 1.23.4; defina ssl_protocols TLSv1.2 TLSv1.3.',
      },
      fixTitles: {
        modern: 'Permitir apenas TLSv1.2 e TLSv1.3',
        set: 'Definir ssl_protocols TLSv1.2 TLSv1.3',
      },
    },
    examples: {
      bad: 'ssl_protocols TLSv1 TLSv1.1 TLSv1.2;',
      good: 'ssl_protocols TLSv1.2 TLSv1.3;',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/tls-protocols', (config, report, inspect) => {
      for (const block of mentions(config, ['ssl_protocols']) ? config.contexts : []) {
        for (const placed of own(block, 'ssl_protocols')) {
          inspect(block, { at: placed });
          const args = placed.directive.args;
          for (const arg of args) {
            if (!WEAK.has(arg.value.toLowerCase())) continue;
            report(placed, {
              span: arg.span,
              messageId: 'weak',
              data: { protocol: arg.value },
              fixTitleId: 'modern',
              fix: (fixer) => fixer.replace({ start: args[0].span.start, end: args[args.length - 1].span.end }, MODERN),
            });
          }
        }
      }
      for (const server of httpServers(config)) {
        if (!isTlsServer(server) || rejectsHandshakes(server)) continue;
        const declared = effective(server, 'ssl_protocols').length > 0;
        const unknown = unknownValue(config, server, 'ssl_protocols');
        inspect(server, { unknown });
        if (declared || unknown) continue;
        const owner = server.owner!;
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'default',
          fixTitleId: 'set',
          fix: () => insertInBlock(server, [`ssl_protocols ${MODERN};`], ['ssl_certificate_key', 'ssl_certificate']),
        });
      }
    });
  },
});
