import { defineRule } from '../../server/src/engine/rule';
import type { NginxArg, NginxModel } from '../../server/src/kinds/nginx/model';
import type { Placed } from '../../server/src/kinds/nginx/config';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { httpContexts, mentions, own, valueSpan } from '../../server/src/kinds/nginx/semantics';
import { definedOutOfSight, scriptVariables } from '../../server/src/kinds/nginx/variables';

const DIRECTIVES = ['rewrite', 'return', 'add_header', 'proxy_set_header', 'proxy_pass'];
const REDIRECT_STATUSES = new Set(['301', '302', '303', '307', '308']);

/** The argument that ends up in a header or request line: a redirect's Location, a header value, the upstream URL. */
function headerArgument(placed: Placed): NginxArg | undefined {
  const args = placed.directive.args;
  switch (placed.directive.name) {
    case 'proxy_pass':
      return args[0];
    case 'return':
      // A lone URL redirects; with a status, only 3xx statuses put the text in Location (else it is the body).
      if (args.length === 1) return /^(?:https?:\/\/|\$scheme)/.test(args[0].value) ? args[0] : undefined;
      return REDIRECT_STATUSES.has(args[0]?.value ?? '') ? args[1] : undefined;
    default:
      return args[1];
  }
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/http-splitting',
    kind: 'nginx',
    title: 'Keep line breaks out of headers and redirects',
    description:
      '$uri, $document_uri and regex captures such as `([^/]+)` hold the decoded URI, so `%0d%0a` in a request becomes a real line break; put in a redirect, a response header or the request to the upstream, it lets a client inject headers or split the response (gixy http_splitting). $request_uri keeps the encoding. Requests to the upstream count only line feeds, as gixy-ng does. On by default.',
    checklistItem: 'security/api-security',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      redirect: '${{variable}} can hold a decoded {{char}} and it goes into the redirect Location, so a client can inject headers; use $request_uri or a capture that excludes line breaks.',
      responseHeader: '${{variable}} can hold a decoded {{char}} and it goes into a response header, so a client can inject headers; use $request_uri or a capture that excludes line breaks.',
      upstreamHeader: '${{variable}} can hold a decoded {{char}} and it goes into a header sent to the upstream, so a client can inject headers; use $request_uri or a capture that excludes line breaks.',
      upstream: '${{variable}} can hold a decoded {{char}} and it goes into the request line sent to the upstream, so a client can inject headers; use $request_uri or a capture that excludes line breaks.',
    },
    fixTitles: {
      requestUri: 'Use $request_uri',
    },
    ptBR: {
      title: 'Manter quebras de linha fora de cabeçalhos e redirecionamentos',
      description:
        '$uri, $document_uri e capturas de regex como `([^/]+)` guardam a URI decodificada, então `%0d%0a` numa requisição vira uma quebra de linha real; posta num redirecionamento, num cabeçalho de resposta ou na requisição ao upstream, permite que um cliente injete cabeçalhos ou divida a resposta (http_splitting do gixy). $request_uri mantém a codificação. Requisições ao upstream contam só quebras de linha LF, como faz o gixy-ng. Ligada por padrão.',
      messages: {
        redirect: '${{variable}} pode conter um {{char}} decodificado e vai para o Location do redirecionamento, então um cliente pode injetar cabeçalhos; use $request_uri ou uma captura que exclua quebras de linha.',
        responseHeader: '${{variable}} pode conter um {{char}} decodificado e vai para um cabeçalho de resposta, então um cliente pode injetar cabeçalhos; use $request_uri ou uma captura que exclua quebras de linha.',
        upstreamHeader: '${{variable}} pode conter um {{char}} decodificado e vai para um cabeçalho enviado ao upstream, então um cliente pode injetar cabeçalhos; use $request_uri ou uma captura que exclua quebras de linha.',
        upstream: '${{variable}} pode conter um {{char}} decodificado e vai para a linha de requisição enviada ao upstream, então um cliente pode injetar cabeçalhos; use $request_uri ou uma captura que exclua quebras de linha.',
      },
      fixTitles: {
        requestUri: 'Usar $request_uri',
      },
    },
    examples: {
      bad: 'location / {\n    return 301 https://$host$uri;\n}',
      good: 'location / {\n    return 301 https://$host$request_uri;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/http-splitting', (config, report, inspect) => {
      if (!mentions(config, DIRECTIVES)) return;
      for (const block of httpContexts(config)) {
        for (const name of DIRECTIVES) {
          for (const placed of own(block, name)) {
            const arg = headerArgument(placed);
            if (!arg || !arg.value.includes('$')) continue;
            // nginx rejects a carriage return nowhere, but upstreams split requests on line feeds only.
            const serverSide = name.startsWith('proxy_');
            const messageId = name === 'proxy_pass' ? 'upstream' : name === 'proxy_set_header' ? 'upstreamHeader' : name === 'add_header' ? 'responseHeader' : 'redirect';
            const parts = scriptVariables(config, placed, arg.value);
            let reported = false;
            for (const { part, value } of parts) {
              if (!value) continue;
              const char = value.canContain('\n') ? '\\n' : !serverSide && value.canContain('\r') ? '\\r' : undefined;
              if (!char) continue;
              reported = true;
              const span = valueSpan(placed, arg, part.start, part.end);
              const uri = part.variable === 'uri' || part.variable === 'document_uri';
              report(placed, {
                span: span ?? arg.span,
                messageId,
                data: { variable: part.variable!, char },
                fixTitleId: 'requestUri',
                // $request_uri also carries the query string, which a return passes on anyway.
                fix: (fixer) => (uri && span && name === 'return' && part.end === arg.value.length ? fixer.replace(span, '$request_uri') : null),
              });
            }
            inspect(block, { at: placed, unknown: !reported && definedOutOfSight(config, parts) });
          }
        }
      }
    });
  },
});
