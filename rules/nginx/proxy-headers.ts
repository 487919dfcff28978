import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock, sourceOf } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, mentions, own, unknownAbove } from '../../server/src/kinds/nginx/semantics';

const EXPECTED: { header: string; line: string }[] = [
  { header: 'Host', line: 'proxy_set_header Host $host;' },
  { header: 'X-Real-IP', line: 'proxy_set_header X-Real-IP $remote_addr;' },
  { header: 'X-Forwarded-For', line: 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;' },
  { header: 'X-Forwarded-Proto', line: 'proxy_set_header X-Forwarded-Proto $scheme;' },
];

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/proxy-headers',
    kind: 'nginx',
    title: 'Forward the client headers to the backend',
    description:
      'Behind proxy_pass the application sees nginx as its client: without Host, X-Real-IP, X-Forwarded-For and X-Forwarded-Proto it builds wrong URLs, logs the wrong IP and cannot tell HTTPS from HTTP.',
    checklistItem: 'deployment/load-balancer',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'This `location` block passes requests with proxy_pass but does not forward {{headers}}; add the missing proxy_set_header lines.',
    },
    fixTitles: {
      addHeaders: 'Add the missing proxy_set_header lines',
    },
    ptBR: {
      title: 'Repassar os cabeçalhos do cliente ao backend',
      description:
        'Atrás de proxy_pass a aplicação vê o nginx como cliente: sem Host, X-Real-IP, X-Forwarded-For e X-Forwarded-Proto ela monta URLs erradas, registra o IP errado e não distingue HTTPS de HTTP.',
      messages: {
        missing: 'Este bloco `location` repassa requisições com proxy_pass mas não repassa {{headers}}; adicione as linhas proxy_set_header que faltam.',
      },
      fixTitles: {
        addHeaders: 'Adicionar as linhas proxy_set_header que faltam',
      },
    },
    examples: {
      bad: 'location / {\n    proxy_pass http://app;\n}',
      good:
        'location / {\n    proxy_pass http://app;\n    proxy_set_header Host $host;\n    proxy_set_header X-Real-IP $remote_addr;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    proxy_set_header X-Forwarded-Proto $scheme;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/proxy-headers', (config, report, inspect) => {
      if (!mentions(config, ['proxy_pass'])) return;
      for (const location of config.contexts) {
        if (location.kind !== 'location' || !location.owner || own(location, 'proxy_pass').length === 0) continue;
        const inEffect = effective(location, 'proxy_set_header');
        const names = new Set(inEffect.map((placed) => placed.directive.args[0]?.value.toLowerCase()));
        const missing = EXPECTED.filter((expected) => !names.has(expected.header.toLowerCase()));
        const unknown = missing.length > 0 && unknownAbove(config, location, 'proxy_set_header');
        inspect(location, { unknown });
        if (missing.length === 0 || unknown) continue;
        const owner = location.owner;
        // Declaring proxy_set_header here drops the inherited ones, so they are repeated first.
        const inherited = own(location, 'proxy_set_header').length === 0 ? inEffect.map(sourceOf) : [];
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'missing',
          data: { headers: missing.map((expected) => expected.header).join(', ') },
          fixTitleId: 'addHeaders',
          fix: () => insertInBlock(location, [...inherited, ...missing.map((expected) => expected.line)], ['proxy_set_header', 'proxy_pass']),
        });
      }
    });
  },
});
