import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { httpContexts, isInternalLocation, mentions, own, valueSpan } from '../../server/src/kinds/nginx/semantics';
import { definedOutOfSight, scriptVariables } from '../../server/src/kinds/nginx/variables';

const PASSES = ['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass'];
/** The scheme and host of an upstream address, as gixy reads them. */
const SCHEME_AND_HOST = /^(?<scheme>[^?#/)]+:\/\/)?(?<host>[^?#/)]+)/;

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/ssrf',
    kind: 'nginx',
    title: 'Never build the upstream host from the request',
    description:
      'When the scheme or host of proxy_pass (or fastcgi_pass, grpc_pass ...) comes from a request variable or a capture that can hold a dot (`proxy_pass http://$arg_host;`), any client makes nginx send requests to hosts of its choice, internal services included: server-side request forgery (gixy ssrf). Internal locations are reached only through another location and are skipped. On by default.',
    checklistItem: 'security/authorization',
    severity: 'error',
    fixable: false,
    crossFile: true,
    messages: {
      ssrf: 'The upstream {{part}} comes from ${{variable}}, which a client controls, so nginx can be made to request any host; use a fixed host or an upstream block, or mark the location internal.',
    },
    ptBR: {
      title: 'Nunca montar o host do upstream a partir da requisição',
      description:
        'Quando o esquema ou o host do proxy_pass (ou fastcgi_pass, grpc_pass ...) vem de uma variável da requisição ou de uma captura que pode conter um ponto (`proxy_pass http://$arg_host;`), qualquer cliente faz o nginx enviar requisições a hosts de sua escolha, serviços internos inclusive: server-side request forgery (ssrf do gixy). Locations internos só são alcançados por outro location e ficam de fora. Ligada por padrão.',
      messages: {
        ssrf: 'O {{part}} do upstream vem de ${{variable}}, que um cliente controla, então o nginx pode ser levado a requisitar qualquer host; use um host fixo ou um bloco upstream, ou marque o location como internal.',
      },
    },
    examples: {
      bad: 'location /proxy/ {\n    proxy_pass http://$arg_host;\n}',
      good: 'location /proxy/ {\n    proxy_pass http://backend;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/ssrf', (config, report, inspect) => {
      if (!mentions(config, PASSES)) return;
      for (const block of httpContexts(config)) {
        for (const name of PASSES) {
          for (const placed of own(block, name)) {
            const arg = placed.directive.args[0];
            if (!arg) continue;
            let location = block;
            while (location.kind !== 'location' && location.parent) location = location.parent;
            if (isInternalLocation(location)) continue;
            const parsed = SCHEME_AND_HOST.exec(arg.value);
            if (!parsed?.groups) {
              inspect(block, { at: placed });
              continue;
            }
            const scheme = parsed.groups.scheme ?? '';
            const sections: [string, number, string][] = [
              ['scheme', 0, scheme],
              ['host', scheme.length, parsed.groups.host],
            ];
            let reported = false;
            let unknown = false;
            for (const [part, offset, text] of sections) {
              if (!text) continue;
              const pieces = scriptVariables(config, placed, text);
              for (let index = 0; index < pieces.length; index++) {
                const { part: piece, value } = pieces[index];
                // A part that always holds a slash ends this section: what follows is not the host.
                if (value ? value.mustContain('/') : piece.text.includes('/')) break;
                if (definedOutOfSight(config, [pieces[index]])) unknown = true;
                if (!value?.canContain('.')) continue;
                report(placed, {
                  span: valueSpan(placed, arg, offset + piece.start, offset + piece.end) ?? arg.span,
                  messageId: 'ssrf',
                  data: { part, variable: piece.variable! },
                });
                reported = true;
                break;
              }
              if (reported) break;
            }
            inspect(block, { at: placed, unknown: !reported && unknown });
          }
        }
      }
    });
  },
});
