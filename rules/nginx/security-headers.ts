import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { addInheritedEdit } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effectiveHeaders, httpServers, servesContent, unknownAbove, type HeaderSetting } from '../../server/src/kinds/nginx/semantics';

interface Requirement {
  header: string;
  line: string;
  satisfied(headers: HeaderSetting[]): boolean;
}

const has = (headers: HeaderSetting[], name: string) => headers.some((header) => header.name === name);

const REQUIREMENTS: Requirement[] = [
  {
    header: 'X-Content-Type-Options',
    line: 'add_header X-Content-Type-Options nosniff always;',
    satisfied: (headers) => headers.some((header) => header.name === 'x-content-type-options' && header.value.toLowerCase() === 'nosniff'),
  },
  {
    header: 'X-Frame-Options',
    line: 'add_header X-Frame-Options DENY always;',
    satisfied: (headers) =>
      has(headers, 'x-frame-options') || headers.some((header) => header.name === 'content-security-policy' && /frame-ancestors/i.test(header.value)),
  },
  {
    header: 'Referrer-Policy',
    line: 'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
    satisfied: (headers) => has(headers, 'referrer-policy'),
  },
  {
    header: 'Content-Security-Policy',
    line: `add_header Content-Security-Policy "default-src 'self'" always;`,
    satisfied: (headers) => has(headers, 'content-security-policy'),
  },
];

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/security-headers',
    kind: 'nginx',
    title: 'Send the basic security headers',
    description:
      'Servers that serve content should send X-Content-Type-Options, X-Frame-Options (or a CSP frame-ancestors), Referrer-Policy and Content-Security-Policy, which block MIME sniffing, clickjacking, referrer leaks and injected scripts.',
    checklistItem: 'security/security-headers',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'This `server` block does not send {{headers}}; add the missing headers with add_header ... always.',
    },
    fixTitles: {
      add: 'Add {{headers}}',
    },
    ptBR: {
      title: 'Enviar os cabeçalhos básicos de segurança',
      description:
        'Servidores que entregam conteúdo devem enviar X-Content-Type-Options, X-Frame-Options (ou frame-ancestors na CSP), Referrer-Policy e Content-Security-Policy, que bloqueiam MIME sniffing, clickjacking, vazamento de referrer e scripts injetados.',
      messages: {
        missing: 'Este bloco `server` não envia {{headers}}; adicione os cabeçalhos que faltam com add_header ... always.',
      },
      fixTitles: {
        add: 'Adicionar {{headers}}',
      },
    },
    examples: {
      bad: 'server {\n    listen 443 ssl;\n    root /srv/www;\n}',
      good:
        'server {\n    listen 443 ssl;\n    root /srv/www;\n    add_header X-Content-Type-Options nosniff always;\n    add_header X-Frame-Options DENY always;\n    add_header Referrer-Policy "strict-origin-when-cross-origin" always;\n    add_header Content-Security-Policy "default-src \'self\'" always;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/security-headers', (config, report, inspect) => {
      for (const server of httpServers(config)) {
        if (!servesContent(server)) continue;
        const headers = effectiveHeaders(server);
        const missing = REQUIREMENTS.filter((requirement) => !requirement.satisfied(headers));
        // What is declared stays declared; what is missing may be set where the workspace cannot show.
        const unknown = missing.length > 0 && unknownAbove(config, server, 'add_header');
        inspect(server, { unknown });
        if (missing.length === 0 || unknown) continue;
        const owner = server.owner!;
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'missing',
          data: { headers: missing.map((requirement) => requirement.header).join(', ') },
          fixTitleId: 'add',
          fix: () => addInheritedEdit(server, 'add_header', missing.map((requirement) => requirement.line)),
        });
      }
    });
  },
});
