import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { addHeaderSetting, canonicalHeaderName, isSecurityHeader, own, reportOnce } from '../../server/src/kinds/nginx/config';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/add-header-always',
    kind: 'nginx',
    title: 'Send security headers on every response',
    description:
      'Without `always`, add_header only applies to 2xx and 3xx responses, so error pages (often the ones attackers probe) go out without the security header.',
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
        'Sem `always`, o add_header só vale para respostas 2xx e 3xx, então páginas de erro (muitas vezes as que atacantes sondam) saem sem o cabeçalho de segurança.',
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
    reportOnce(context, 'nginx/add-header-always', (config, report) => {
      for (const block of config.contexts) {
        for (const placed of own(block, 'add_header')) {
          const header = addHeaderSetting(placed);
          // HSTS has its own critical rule (nginx/hsts), which also checks `always`.
          if (!header || header.always || !isSecurityHeader(header.name) || header.name === 'strict-transport-security' || !header.valueArg) continue;
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
