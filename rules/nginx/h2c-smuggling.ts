import { defineRule } from '../../server/src/engine/rule';
import type { NginxArg, NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, effectiveValue, mentions, own, unknownAbove, unknownValue } from '../../server/src/kinds/nginx/semantics';
import type { NginxContext, Placed } from '../../server/src/kinds/nginx/config';

const headerValue = (headers: Placed[], name: string) =>
  headers.filter((placed) => placed.directive.args[0]?.value.toLowerCase() === name).at(-1);

/** The `proxy_set_header Upgrade $http_upgrade` in effect, when a Connection header in effect can say upgrade. */
function forwardedUpgrade(location: NginxContext): { placed: Placed; arg: NginxArg } | undefined {
  const headers = effective(location, 'proxy_set_header');
  const upgrade = headerValue(headers, 'upgrade');
  const connection = headerValue(headers, 'connection');
  const arg = upgrade?.directive.args[1];
  if (!upgrade || !connection || !arg || !/\$(?:http_upgrade|\{http_upgrade\})(?![a-z0-9_])/i.test(arg.value)) return undefined;
  // "close" or an empty value never upgrades; a variable may (a map that answers "upgrade").
  return /upgrade|\$/i.test(connection.directive.args[1]?.value ?? '') ? { placed: upgrade, arg } : undefined;
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/h2c-smuggling',
    kind: 'nginx',
    title: 'Forward only WebSocket upgrades',
    description:
      'A location that passes the client\'s Upgrade header ($http_upgrade) with a Connection: upgrade over HTTP/1.1 lets a client upgrade to h2c (HTTP/2 over cleartext) and tunnel any request to the backend past nginx\'s location rules, authentication and limits (h2c smuggling). Map $http_upgrade so that only `websocket` goes through. On by default.',
    checklistItem: 'security/waf',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      smuggling: 'This passes the client\'s Upgrade header to the backend as is, so a client can upgrade to h2c and tunnel requests past this proxy\'s rules; forward only websocket (map $http_upgrade to websocket or an empty value).',
    },
    ptBR: {
      title: 'Repassar apenas upgrades para WebSocket',
      description:
        'Um location que repassa o cabeçalho Upgrade do cliente ($http_upgrade) com Connection: upgrade sobre HTTP/1.1 permite que um cliente faça upgrade para h2c (HTTP/2 em texto claro) e passe qualquer requisição ao backend por fora das regras de location, da autenticação e dos limites do nginx (h2c smuggling). Mapeie $http_upgrade para que só `websocket` passe. Ligada por padrão.',
      messages: {
        smuggling: 'Isto repassa o cabeçalho Upgrade do cliente ao backend como veio, então um cliente pode fazer upgrade para h2c e passar requisições por fora das regras deste proxy; repasse apenas websocket (mapeie $http_upgrade para websocket ou um valor vazio).',
      },
    },
    examples: {
      bad: 'location /ws/ {\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";\n    proxy_pass http://app;\n}',
      good:
        'map $http_upgrade $websocket_upgrade {\n    default "";\n    ~*^websocket$ websocket;\n}\nserver {\n    location /ws/ {\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $websocket_upgrade;\n        proxy_set_header Connection "upgrade";\n        proxy_pass http://app;\n    }\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/h2c-smuggling', (config, report, inspect) => {
      if (!mentions(config, ['proxy_pass'])) return;
      for (const location of config.contexts) {
        if (location.kind !== 'location' || !location.owner || own(location, 'proxy_pass').length === 0) continue;
        const upgrade = forwardedUpgrade(location);
        const headersUnknown = unknownAbove(config, location, 'proxy_set_header');
        // Without HTTP/1.1 to the upstream nginx cannot upgrade at all.
        const http11 = effectiveValue(location, 'proxy_http_version') === '1.1';
        const versionUnknown = unknownValue(config, location, 'proxy_http_version');
        const knownSafe = (!http11 && !versionUnknown) || (!upgrade && !headersUnknown);
        const unknown = !knownSafe && (headersUnknown || versionUnknown);
        inspect(location, { unknown });
        if (knownSafe || unknown || !upgrade) continue;
        report(upgrade.placed, { span: upgrade.arg.span, messageId: 'smuggling' });
      }
    });
  },
});
