import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, httpServers, isTlsServer, listens, rejectsHandshakes, unknownValue } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/http2',
    kind: 'nginx',
    title: 'Enable HTTP/2 on TLS servers',
    description:
      'HTTP/2 multiplexes requests over one connection and compresses headers, which cuts page load times; every browser supports it over TLS.',
    checklistItem: 'performance/response-times',
    severity: 'information',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'This TLS `server` block does not enable HTTP/2; add http2 on (nginx 1.25.1+) or the http2 parameter of listen.',
    },
    fixTitles: {
      enable: 'Enable HTTP/2',
    },
    ptBR: {
      title: 'Habilitar HTTP/2 em servidores TLS',
      description:
        'O HTTP/2 multiplexa requisições em uma conexão e comprime cabeçalhos, o que reduz o tempo de carregamento; todo navegador o suporta sobre TLS.',
      messages: {
        missing: 'Este bloco `server` TLS não habilita HTTP/2; adicione http2 on (nginx 1.25.1+) ou o parâmetro http2 do listen.',
      },
      fixTitles: {
        enable: 'Ativar HTTP/2',
      },
    },
    examples: {
      bad: 'server {\n    listen 443 ssl;\n}',
      good: 'server {\n    listen 443 ssl;\n    http2 on;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/http2', (config, report, inspect) => {
      for (const server of httpServers(config)) {
        if (!isTlsServer(server) || rejectsHandshakes(server)) continue;
        // `http2 on` satisfies the rule; an explicit `http2 off` is a decision, not an omission.
        const inListen = listens(server).some((listen) => listen.http2);
        const declared = inListen || effective(server, 'http2').length > 0;
        const unknown = !inListen && unknownValue(config, server, 'http2');
        inspect(server, { unknown });
        if (declared || unknown) continue;
        const owner = server.owner!;
        report(owner, { span: owner.directive.nameSpan, messageId: 'missing', fixTitleId: 'enable', fix: () => insertInBlock(server, ['http2 on;'], ['listen']) });
      }
    });
  },
});
