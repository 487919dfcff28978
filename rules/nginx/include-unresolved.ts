import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { isUnknownInclude } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/include-unresolved',
    kind: 'nginx',
    title: 'Say which includes could not be followed',
    description:
      'An include is followed only inside the workspace: an absolute path is mapped onto it by its install prefix (`/etc/nginx/conf.d/*.conf` -> `conf.d/*.conf` next to nginx.conf), and a file the workspace does not have, a path outside it or past the caps (10 levels, 512 inclusions) is not read. What such an include sets is unknown, so the rules that depend on it stay silent there and what they looked at proves nothing; this hint says where. A hint, not information: it records neither a defect nor a decision of the author (what "at most information" is for), only what the workspace does not show, and a hint never fails a checklist item.',
    checklistItem: 'deployment/environment-provisioned',
    severity: 'hint',
    fixable: false,
    crossFile: true,
    messages: {
      missing: 'This include names nothing the workspace has, so what it sets is unknown and checks that depend on it are skipped here.',
      outside: 'This include points outside the workspace and is not read, so what it sets is unknown and checks that depend on it are skipped here.',
      unmapped: 'This absolute include is under no known nginx prefix, so where it lives in the workspace is unknown and checks that depend on it are skipped here.',
      limit: 'This include goes past the caps on nesting or included files and is not followed, so what it sets is unknown and checks that depend on it are skipped here.',
    },
    ptBR: {
      title: 'Indicar os includes que não puderam ser seguidos',
      description:
        'Um include só é seguido dentro do workspace: um caminho absoluto é mapeado nele pelo prefixo de instalação (`/etc/nginx/conf.d/*.conf` -> `conf.d/*.conf` ao lado do nginx.conf), e um arquivo que o workspace não tem, um caminho fora dele ou além dos limites (10 níveis, 512 inclusões) não é lido. O que esse include define é desconhecido, então as regras que dependem dele ficam em silêncio ali e o que elas examinaram não prova nada; esta dica mostra onde. Uma dica, não informação: não registra um defeito nem uma decisão de quem escreveu (para isso existe "no máximo informação"), só o que o workspace não mostra, e uma dica nunca reprova um item do checklist.',
      messages: {
        missing: 'Este include não aponta para nada que o workspace tenha, então o que ele define é desconhecido e as verificações que dependem dele são puladas aqui.',
        outside: 'Este include aponta para fora do workspace e não é lido, então o que ele define é desconhecido e as verificações que dependem dele são puladas aqui.',
        unmapped: 'Este include absoluto não está sob nenhum prefixo conhecido do nginx, então onde ele fica no workspace é desconhecido e as verificações que dependem dele são puladas aqui.',
        limit: 'Este include passa dos limites de aninhamento ou de arquivos incluídos e não é seguido, então o que ele define é desconhecido e as verificações que dependem dele são puladas aqui.',
      },
    },
    examples: {
      bad: 'server {\n    include /config/nginx/proxy.conf;\n}',
      good: 'http {\n    include mime.types;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/include-unresolved', (config, report, inspect) => {
      for (const resolution of config.includes) {
        const placed = resolution.include;
        if (!resolution.unknown || !isUnknownInclude(config, placed)) continue;
        inspect(placed.context, { at: placed, unknown: true });
        report(placed, { span: placed.directive.args[0].span, messageId: resolution.unknown });
      }
    });
  },
});
