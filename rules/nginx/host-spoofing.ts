import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { httpContexts, mentions, own, valueSpan } from '../../server/src/kinds/nginx/semantics';
import { compileScript } from '../../server/src/kinds/nginx/variables';

/** Request variables a client sets freely: the raw Host and X-Forwarded-Host headers, query arguments and cookies. */
const SPOOFABLE = /^(?:http_host|http_x_forwarded_host|arg_.+|cookie_.+)$/;

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/host-spoofing',
    kind: 'nginx',
    title: 'Send the backend a Host the server validated',
    description:
      'proxy_set_header Host $http_host (or $http_x_forwarded_host, an $arg_ or a $cookie_) passes whatever Host the client sent, even to a default server that matched no server_name, so the application builds password-reset links and cache keys from an attacker\'s domain; $host is the name nginx matched (gixy host_spoofing). On by default.',
    checklistItem: 'security/api-security',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      spoofable: 'The proxied Host header comes from ${{variable}}, which the client sets freely; use $host, the name nginx matched.',
    },
    fixTitles: {
      host: 'Use $host',
    },
    ptBR: {
      title: 'Enviar ao backend um Host validado pelo servidor',
      description:
        'proxy_set_header Host $http_host (ou $http_x_forwarded_host, um $arg_ ou um $cookie_) repassa qualquer Host que o cliente enviou, mesmo a um default server que não casou com nenhum server_name, e a aplicação monta links de redefinição de senha e chaves de cache com o domínio de um atacante; $host é o nome que o nginx casou (host_spoofing do gixy). Ligada por padrão.',
      messages: {
        spoofable: 'O cabeçalho Host repassado vem de ${{variable}}, que o cliente define livremente; use $host, o nome que o nginx casou.',
      },
      fixTitles: {
        host: 'Usar $host',
      },
    },
    examples: {
      bad: 'location / {\n    proxy_set_header Host $http_host;\n    proxy_pass http://app;\n}',
      good: 'location / {\n    proxy_set_header Host $host;\n    proxy_pass http://app;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/host-spoofing', (config, report, inspect) => {
      if (!mentions(config, ['proxy_set_header'])) return;
      for (const block of httpContexts(config)) {
        for (const placed of own(block, 'proxy_set_header')) {
          const [name, value] = placed.directive.args;
          if (!name || !value || name.value.toLowerCase() !== 'host') continue;
          inspect(block, { at: placed });
          for (const part of compileScript(value.value)) {
            if (!part.variable || !SPOOFABLE.test(part.variable)) continue;
            const whole = part.start === 0 && part.end === value.value.length;
            report(placed, {
              span: valueSpan(placed, value, part.start, part.end) ?? value.span,
              messageId: 'spoofable',
              data: { variable: part.variable },
              fixTitleId: 'host',
              fix: (fixer) => (whole ? fixer.replace(value.span, '$host') : null),
            });
          }
        }
      }
    });
  },
});
