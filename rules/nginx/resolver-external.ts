import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { mentions, own } from '../../server/src/kinds/nginx/semantics';

/** Addresses that stay inside the machine or a private network (RFC 1918, CGNAT, loopback, link-local, ULA). */
const PRIVATE_V4 = /^(?:10\.|127\.|169\.254\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|0\.)/;
const PRIVATE_V6 = /^(?:::1$|f[cd][0-9a-f]{2}:|fe[89ab][0-9a-f]:)/i;

/** The public address of a resolver argument (`8.8.8.8`, `[2001:4860:4860::8888]:53`), or undefined for names and private addresses. */
function publicAddress(value: string): string | undefined {
  const v6 = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(value) ?? (/^[0-9a-f]*:[0-9a-f:.]+$/i.test(value) ? [value, value] : null);
  if (v6) return PRIVATE_V6.test(v6[1]) ? undefined : v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(value);
  if (v4) return PRIVATE_V4.test(v4[1]) ? undefined : v4[1];
  return undefined;
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/resolver-external',
    kind: 'nginx',
    title: 'Resolve upstream names through a local DNS server',
    description:
      'nginx\'s resolver talks plain DNS over UDP; pointed at a public server (8.8.8.8, 1.1.1.1), its answers cross the internet and can be spoofed to poison the cache, so nginx proxies requests to a host of the attacker\'s choice (gixy-ng resolver_external). Use a resolver on the machine or in the private network (127.0.0.53, the VPC resolver, kube-dns). Host names are not judged. On by default.',
    checklistItem: 'deployment/vpc-network',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      external: 'The resolver {{address}} is a public DNS server, whose plain UDP answers can be spoofed to send proxied requests elsewhere; use a resolver on this machine or in the private network.',
    },
    ptBR: {
      title: 'Resolver nomes de upstream por um DNS local',
      description:
        'O resolver do nginx fala DNS puro sobre UDP; apontado para um servidor público (8.8.8.8, 1.1.1.1), suas respostas atravessam a internet e podem ser forjadas para envenenar o cache, e o nginx passa a repassar requisições a um host escolhido pelo atacante (resolver_external do gixy-ng). Use um resolver na máquina ou na rede privada (127.0.0.53, o resolver da VPC, o kube-dns). Nomes de host não são avaliados. Ligada por padrão.',
      messages: {
        external: 'O resolver {{address}} é um servidor DNS público, cujas respostas UDP sem proteção podem ser forjadas para desviar requisições repassadas; use um resolver nesta máquina ou na rede privada.',
      },
    },
    examples: {
      bad: 'resolver 8.8.8.8 valid=30s;',
      good: 'resolver 127.0.0.53 valid=30s;',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/resolver-external', (config, report, inspect) => {
      if (!mentions(config, ['resolver'])) return;
      for (const block of config.contexts) {
        for (const placed of own(block, 'resolver')) {
          inspect(block, { at: placed });
          for (const arg of placed.directive.args) {
            if (arg.value.includes('=')) continue;
            const address = publicAddress(arg.value);
            if (address) report(placed, { span: arg.span, messageId: 'external', data: { address } });
          }
        }
      }
    });
  },
});
