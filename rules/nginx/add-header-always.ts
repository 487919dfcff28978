import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { addHeaderSetting, canonicalHeaderName, httpContexts, isSecurityHeader, mentions, own } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/add-header-always',
    kind: 'nginx',
    title: 'Send security headers on every response',
    description:
      'Without `always`, add_header only applies to 2xx and 3xx responses, so error pages (often the ones attackers probe) go out without the security header. An add_header with an empty value sends nothing and needs no `always`.',
    checklistItem: 'security/security-headers',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      notAlways: '{{header}} is added without always, so error responses go out without it; append always.',
    },
    ptBR: {
      title: 'Enviar cabeçalhos de segurança em toda resposta',
      description:
        'Sem `always`, o add_header só vale para respostas 2xx e 3xx, então páginas de erro (muitas vezes as que atacantes sondam) saem sem o cabeçalho de segurança. Um add_header com valor vazio não envia nada e dispensa o `always`.',
      messages: {
        notAlways: '{{header}} é adicionado sem always, então respostas de erro saem sem ele; acrescente always.',
      },
    },
    examples: {
      bad: 'add_header X-Content-Type-Options nosniff;',
      good: 'add_header X-Content-Type-Options nosniff always;',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/add-header-always', (config, report, inspect) => {
      if (!mentions(config, ['add_header'])) return;
      for (const block of httpContexts(config)) {
        for (const placed of own(block, 'add_header')) {
          const header = addHeaderSetting(placed);
          // HSTS has its own critical rule (nginx/hsts), which also checks `always`.
          if (!header || !isSecurityHeader(header.name) || header.name === 'strict-transport-security') continue;
          inspect(block, { at: placed });
          // An empty value sends no header at all (a deliberate way to clear one).
          if (header.always || !header.valueArg || header.value === '') continue;
          const directive = placed.directive;
          const lastArg = directive.args[directive.args.length - 1];
          report(placed, {
            span: directive.span,
            messageId: 'notAlways',
            data: { header: canonicalHeaderName(header.name) },
            fix: (fixer) => fixer.insertAt(lastArg.span.end, ' always'),
          });
        }
      }
    });
  },
});
