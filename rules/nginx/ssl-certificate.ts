import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, httpServers, isTlsServer, rejectsHandshakes, unknownAbove } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/ssl-certificate',
    kind: 'nginx',
    title: 'Give every TLS server a certificate',
    description:
      'A server that listens with ssl needs ssl_certificate and ssl_certificate_key in effect; without them nginx refuses to start or the handshake fails for every client.',
    checklistItem: 'deployment/ssl-tls',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      missing: 'This TLS `server` block has no {{directives}} in effect, so TLS handshakes fail; point them at the certificate and its private key.',
    },
    ptBR: {
      title: 'Dar um certificado a cada servidor TLS',
      description:
        'Um servidor que escuta com ssl precisa de ssl_certificate e ssl_certificate_key em vigor; sem eles o nginx não inicia ou o handshake falha para todos os clientes.',
      messages: {
        missing: 'Este bloco `server` TLS não tem {{directives}} em vigor, então os handshakes TLS falham; aponte-os para o certificado e sua chave privada.',
      },
    },
    examples: {
      bad: 'server {\n    listen 443 ssl;\n}',
      good: 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/certs/site.crt;\n    ssl_certificate_key /etc/ssl/private/site.key;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/ssl-certificate', (config, report, inspect) => {
      for (const server of httpServers(config)) {
        // A server that rejects every handshake (a catch-all default) needs no certificate.
        if (!isTlsServer(server) || rejectsHandshakes(server)) continue;
        const missing = ['ssl_certificate', 'ssl_certificate_key'].filter((name) => effective(server, name).length === 0);
        const unknown = missing.some((name) => unknownAbove(config, server, name));
        inspect(server, { unknown });
        if (missing.length === 0 || unknown) continue;
        const owner = server.owner!;
        report(owner, { span: owner.directive.nameSpan, messageId: 'missing', data: { directives: missing.join(' and ') } });
      }
    });
  },
});
