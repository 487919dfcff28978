import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import {
  canonicalHeaderName,
  effectiveHeaders,
  insertInBlock,
  isSecurityHeader,
  ownHeaders,
  reportOnce,
  sourceOf,
} from '../../server/src/kinds/nginx/config';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/add-header-inheritance',
    kind: 'nginx',
    title: 'Do not drop inherited security headers',
    description:
      'nginx inherits add_header only into blocks that declare none: one add_header in a location or if block silently drops every security header of the server, so those responses go out unprotected.',
    checklistItem: 'security/security-headers',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      dropped: 'This {{block}} declares its own add_header, which drops {{headers}} set by its parent; repeat them in this block.',
    },
    fixTitles: {
      repeat: 'Repeat the inherited security headers in this block',
    },
    ptBR: {
      title: 'Não descartar cabeçalhos de segurança herdados',
      description:
        'O nginx só herda add_header em blocos que não declaram nenhum: um add_header em um location ou if descarta silenciosamente todos os cabeçalhos de segurança do server, e essas respostas saem desprotegidas.',
      messages: {
        dropped: 'Este {{block}} declara seu próprio add_header, o que descarta {{headers}} definidos pelo bloco pai; repita-os neste bloco.',
      },
      fixTitles: {
        repeat: 'Repetir neste bloco os cabeçalhos de segurança herdados',
      },
    },
    examples: {
      bad: 'server {\n    add_header X-Frame-Options DENY always;\n    location /static/ {\n        add_header Cache-Control "public";\n    }\n}',
      good:
        'server {\n    add_header X-Frame-Options DENY always;\n    location /static/ {\n        add_header Cache-Control "public";\n        add_header X-Frame-Options DENY always;\n    }\n}',
    },
  },
  check(_model, context) {
    reportOnce(context, 'nginx/add-header-inheritance', (config, report) => {
      for (const block of config.contexts) {
        if ((block.kind !== 'location' && block.kind !== 'if') || !block.parent || !block.owner) continue;
        const declared = ownHeaders(block);
        if (declared.length === 0) continue;
        const names = new Set(declared.map((header) => header.name));
        const dropped = effectiveHeaders(block.parent).filter(
          (header) => header.placed.directive.name === 'add_header' && isSecurityHeader(header.name) && !names.has(header.name),
        );
        if (dropped.length === 0) continue;
        const owner = block.owner;
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'dropped',
          data: { block: block.kind, headers: [...new Set(dropped.map((header) => canonicalHeaderName(header.name)))].join(', ') },
          fixTitleId: 'repeat',
          fix: () => insertInBlock(block, dropped.map((header) => sourceOf(header.placed)), ['add_header']),
        });
      }
    });
  },
});
