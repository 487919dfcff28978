import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, httpServers, servesContent, unknownValue } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/gzip',
    kind: 'nginx',
    title: 'Compress text responses',
    description:
      'Without gzip, HTML, CSS, JavaScript and JSON go out uncompressed, often three to five times larger, which slows every page and API call on slow networks.',
    checklistItem: 'performance/response-times',
    severity: 'information',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Responses of this `server` block are not compressed; add gzip on with gzip_types for CSS, JavaScript and JSON.',
      off: 'gzip is off here, so text responses go out uncompressed; set gzip on.',
    },
    fixTitles: {
      enable: 'Enable gzip for text responses',
    },
    ptBR: {
      title: 'Comprimir respostas de texto',
      description:
        'Sem gzip, HTML, CSS, JavaScript e JSON saem sem compressão, muitas vezes de três a cinco vezes maiores, o que deixa cada página e chamada de API mais lenta em redes lentas.',
      messages: {
        missing: 'As respostas deste bloco `server` não são comprimidas; adicione gzip on com gzip_types para CSS, JavaScript e JSON.',
        off: 'O gzip está desligado aqui, então respostas de texto saem sem compressão; defina gzip on.',
      },
      fixTitles: {
        enable: 'Ativar gzip para respostas de texto',
      },
    },
    examples: {
      bad: 'server {\n    root /srv/www;\n}',
      good: 'server {\n    root /srv/www;\n    gzip on;\n    gzip_types text/css application/javascript application/json image/svg+xml;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/gzip', (config, report, inspect) => {
      for (const server of httpServers(config)) {
        if (!servesContent(server)) continue;
        const setting = effective(server, 'gzip');
        const last = setting[setting.length - 1];
        const unknown = unknownValue(config, server, 'gzip');
        inspect(server, { unknown });
        if (unknown) continue;
        const value = last?.directive.args[0];
        if (value?.value.toLowerCase() === 'on') continue;
        if (last && value) {
          report(last, { span: value.span, messageId: 'off', fix: (fixer) => fixer.replace(value.span, 'on') });
          continue;
        }
        const owner = server.owner!;
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'missing',
          fixTitleId: 'enable',
          fix: () => insertInBlock(server, ['gzip on;', 'gzip_types text/css application/javascript application/json image/svg+xml;']),
        });
      }
    });
  },
});
