import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import type { NginxContext } from '../../server/src/kinds/nginx/config';
import { addInheritedEdit } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { descendants, effectiveHeaders, hasUnknownInclude, headerInheritance, httpServers, isTlsServer, own, servesContent, unknownAbove } from '../../server/src/kinds/nginx/semantics';

const MIN_MAX_AGE = 31536000;
const HSTS_LINE = 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/hsts',
    kind: 'nginx',
    title: 'Send HSTS from every TLS server',
    description:
      'A TLS server that serves content must send Strict-Transport-Security with a max-age of at least one year and `always`, so browsers never fall back to plain HTTP where traffic can be intercepted. Servers that only redirect or reject every TLS handshake (`ssl_reject_handshake on`) serve nothing and need none.',
    checklistItem: 'security/https-only',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'This `{{block}}` block serves TLS without a Strict-Transport-Security header, so browsers may still use plain HTTP; add HSTS with a max-age of at least one year and always.',
      short: 'The HSTS max-age of {{maxAge}} seconds is under one year; raise it to at least 31536000.',
      notAlways: 'Strict-Transport-Security is sent without always, so error responses omit it; append always.',
    },
    ptBR: {
      title: 'Enviar HSTS em todo servidor TLS',
      description:
        'Um servidor TLS que entrega conteúdo deve enviar Strict-Transport-Security com max-age de pelo menos um ano e `always`, para que navegadores nunca voltem ao HTTP puro, onde o tráfego pode ser interceptado. Servidores que só redirecionam ou recusam todo handshake TLS (`ssl_reject_handshake on`) não entregam nada e não precisam dele.',
      messages: {
        missing: 'Este bloco `{{block}}` serve TLS sem o cabeçalho Strict-Transport-Security, então navegadores ainda podem usar HTTP puro; adicione HSTS com max-age de pelo menos um ano e always.',
        short: 'O max-age do HSTS de {{maxAge}} segundos é menor que um ano; aumente para pelo menos 31536000.',
        notAlways: 'Strict-Transport-Security é enviado sem always, então respostas de erro não o incluem; acrescente always.',
      },
    },
    examples: {
      bad: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=3600";\n}',
      good: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/hsts', (config, report, inspect) => {
      /** Checks one level; false when its verdict depends on what the workspace cannot show. */
      const check = (block: NginxContext): boolean => {
        const hsts = effectiveHeaders(block).filter((header) => header.name === 'strict-transport-security');
        if (hsts.length === 0) {
          if (unknownAbove(config, block, 'add_header')) return false;
          const owner = block.owner!;
          report(owner, {
            span: owner.directive.nameSpan,
            messageId: 'missing',
            data: { block: block.kind },
            fix: () => addInheritedEdit(block, 'add_header', [HSTS_LINE]),
          });
          return true;
        }
        for (const header of hsts) {
          const match = /max-age\s*=\s*"?(\d+)/i.exec(header.value);
          const valueArg = header.valueArg;
          if (valueArg && (!match || Number(match[1]) < MIN_MAX_AGE)) {
            const raw = header.placed.model.text.slice(valueArg.span.start, valueArg.span.end);
            const digits = /max-age\s*=\s*"?(\d+)/i.exec(raw);
            report(header.placed, {
              span: valueArg.span,
              messageId: 'short',
              data: { maxAge: match ? match[1] : 0 },
              fix: (fixer) => {
                if (!digits) return null;
                const start = valueArg.span.start + digits.index + digits[0].length - digits[1].length;
                return fixer.replace({ start, end: start + digits[1].length }, '63072000');
              },
            });
          }
          if (!header.always && header.placed.directive.name === 'add_header') {
            const directive = header.placed.directive;
            const lastArg = directive.args[directive.args.length - 1];
            report(header.placed, { span: directive.span, messageId: 'notAlways', fix: (fixer) => fixer.insertAt(lastArg.span.end, ' always') });
          }
        }
        return true;
      };
      for (const server of httpServers(config)) {
        if (!isTlsServer(server) || !servesContent(server)) continue;
        let known = check(server);
        for (const block of descendants(server, ['location'])) {
          if (own(block, 'add_header').length || headerInheritance(block) === 'off') known = check(block) && known;
          // An include the workspace lacks could declare add_header here and drop the server's HSTS.
          else if (headerInheritance(block) !== 'merge' && hasUnknownInclude(config, block)) known = false;
        }
        inspect(server, { unknown: !known });
      }
    });
  },
});
