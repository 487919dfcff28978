import { defineRule } from '../../server/src/engine/rule';
import type { NginxArg, NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { httpContexts, mentions, moreSetHeaderValues, own, valueSpan } from '../../server/src/kinds/nginx/semantics';

/** A line break followed by a space or tab: nginx sends it as an obsolete folded header line. */
const FOLDED = /\n[ \t]/;

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/add-header-multiline',
    kind: 'nginx',
    title: 'Write each header value on one line',
    description:
      'A header value that spans lines (a long Content-Security-Policy written over several lines) goes out with its line breaks: over HTTP/2 a browser rejects the whole response as malformed (RFC 9113 forbids line breaks in field values), and over HTTP/1.1 it is an obsolete folded header (RFC 7230) that a proxy in front may answer with 502 (nginx does) and some clients drop (gixy add_header_multiline). A defect, not a decision: a warning, on the checklist.',
    checklistItem: 'security/security-headers',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      multiline: 'The value of {{header}} spans several lines, so HTTP/2 clients reject the response and proxies may answer 502; write it on one line.',
    },
    fixTitles: {
      join: 'Join the header value into one line',
    },
    ptBR: {
      title: 'Escrever cada valor de cabeçalho em uma linha',
      description:
        'Um valor de cabeçalho que ocupa várias linhas (uma Content-Security-Policy longa escrita em várias linhas) sai com suas quebras de linha: sobre HTTP/2 o navegador rejeita a resposta inteira como malformada (a RFC 9113 proíbe quebras de linha em valores de campo), e sobre HTTP/1.1 é um cabeçalho dobrado obsoleto (RFC 7230) que um proxy à frente pode responder com 502 (o nginx responde) e alguns clientes descartam (add_header_multiline do gixy). Um defeito, não uma decisão: um aviso, no checklist.',
      messages: {
        multiline: 'O valor de {{header}} ocupa várias linhas, então clientes HTTP/2 rejeitam a resposta e proxies podem responder 502; escreva-o em uma linha.',
      },
      fixTitles: {
        join: 'Juntar o valor do cabeçalho em uma linha',
      },
    },
    examples: {
      bad: 'add_header Content-Security-Policy "\n    default-src \'self\';\n    img-src data:";',
      good: 'add_header Content-Security-Policy "default-src \'self\'; img-src data:";',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/add-header-multiline', (config, report, inspect) => {
      if (!mentions(config, ['add_header', 'more_set_headers'])) return;
      for (const block of httpContexts(config)) {
        const values: { placed: (typeof block.directives)[number]; header: string; arg: NginxArg; start: number }[] = [];
        for (const placed of own(block, 'add_header')) {
          const [name, value] = placed.directive.args;
          if (name && value) values.push({ placed, header: name.value, arg: value, start: 0 });
        }
        for (const placed of own(block, 'more_set_headers')) {
          for (const { name, arg } of moreSetHeaderValues(placed)) values.push({ placed, header: name, arg, start: arg.value.indexOf(':') + 1 });
        }
        for (const { placed, header, arg, start } of values) {
          inspect(block, { at: placed });
          if (!FOLDED.test(arg.value.slice(start))) continue;
          const inner = valueSpan(placed, arg, 0, arg.value.length);
          report(placed, {
            span: arg.span,
            messageId: 'multiline',
            data: { header },
            fixTitleId: 'join',
            fix: (fixer) => {
              if (!inner) return null;
              const head = arg.value.slice(0, start);
              const joined = arg.value.slice(start).replace(/\s*[\r\n]\s*/g, ' ').trim();
              return fixer.replace(inner, head + (head ? ' ' : '') + joined);
            },
          });
        }
      }
    });
  },
});
