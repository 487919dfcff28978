import { defineRule } from '../../server/src/engine/rule';
import type { TextEdit } from '../../server/src/engine/types';
import type { NginxContext } from '../../server/src/kinds/nginx/config';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock, sourceOf } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import {
  effectiveAddHeaders,
  hasUnknownInclude,
  hasUnknownParts,
  headerInheritance,
  httpContexts,
  isProtectiveHeader,
  mentions,
  ownHeaders,
  unknownAbove,
  type HeaderSetting,
} from '../../server/src/kinds/nginx/semantics';

const HEADER_BLOCKS = ['server', 'location', 'if'];

/** Whether losing the header matters: every header with the allHeaders option, else the protective ones. */
const counts = (header: HeaderSetting, allHeaders: boolean) => allHeaders || isProtectiveHeader(header);

/**
 * Repeats `headers` in `block`, and in the blocks of the same file nested in it that declare their
 * own add_header: once the block sets them, those would drop them in turn, so a fix that stopped at
 * the block would move the problem one level down.
 */
function repeatHeaders(block: NginxContext, headers: HeaderSetting[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const repeat = (target: NginxContext, wanted: HeaderSetting[]) => {
    const edit = insertInBlock(target, [...new Set(wanted.map((header) => sourceOf(header.placed)))], ['add_header']);
    if (edit) edits.push(edit);
  };
  repeat(block, headers);
  const visit = (context: NginxContext) => {
    for (const child of context.children) {
      if (!HEADER_BLOCKS.includes(child.kind) || child.owner?.path !== block.owner?.path) continue;
      const mode = headerInheritance(child);
      const declared = ownHeaders(child);
      if (mode !== 'merge' && (declared.length > 0 || mode === 'off')) {
        const names = new Set(declared.map((header) => header.name));
        const missing = headers.filter((header) => !names.has(header.name));
        if (missing.length) repeat(child, missing);
      }
      visit(child);
    }
  };
  visit(block);
  return edits;
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/add-header-inheritance',
    kind: 'nginx',
    title: 'Do not drop inherited security headers',
    description:
      'nginx inherits add_header only into blocks that declare none: one add_header in a server, location or if block silently drops every header of the level above, so those responses go out without the security headers (and without protective Cache-Control, Pragma, Expires or Content-Disposition values). `add_header_inherit merge` (nginx 1.29.3+) keeps them.',
    checklistItem: 'security/security-headers',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    options: {
      allHeaders: {
        type: 'boolean',
        default: false,
        description: 'Also report blocks that drop only headers without a protective role (gixy-ng reports those at low severity).',
      },
    },
    messages: {
      dropped: 'This `{{block}}` block declares its own add_header, which drops {{headers}} set above it; repeat them here or add add_header_inherit merge (nginx 1.29.3+).',
    },
    fixTitles: {
      repeat: 'Repeat the dropped headers in this block',
    },
    ptBR: {
      title: 'Não descartar cabeçalhos de segurança herdados',
      description:
        'O nginx só herda add_header em blocos que não declaram nenhum: um add_header em um server, location ou if descarta silenciosamente todos os cabeçalhos do nível acima, e essas respostas saem sem os cabeçalhos de segurança (e sem valores protetores de Cache-Control, Pragma, Expires ou Content-Disposition). `add_header_inherit merge` (nginx 1.29.3+) os mantém.',
      messages: {
        dropped: 'Este bloco `{{block}}` declara seu próprio add_header, o que descarta {{headers}} definidos acima dele; repita-os aqui ou adicione add_header_inherit merge (nginx 1.29.3+).',
      },
      fixTitles: {
        repeat: 'Repetir neste bloco os cabeçalhos descartados',
      },
    },
    examples: {
      bad: 'server {\n    add_header X-Frame-Options DENY always;\n    location /static/ {\n        add_header Cache-Control "public";\n    }\n}',
      good:
        'server {\n    add_header X-Frame-Options DENY always;\n    location /static/ {\n        add_header Cache-Control "public";\n        add_header X-Frame-Options DENY always;\n    }\n}',
    },
  },
  check(_model, context) {
    const allHeaders = context.options.allHeaders === true;
    runOnTree(context, 'nginx/add-header-inheritance', (config, report, inspect) => {
      // Without add_header nothing is dropped, and without add_header_inherit or an include out of sight nothing could be.
      if (!mentions(config, ['add_header', 'add_header_inherit']) && !hasUnknownParts(config)) return;
      for (const block of httpContexts(config)) {
        if (!HEADER_BLOCKS.includes(block.kind) || !block.parent || !block.owner) continue;
        const declared = ownHeaders(block);
        const mode = headerInheritance(block);
        if (mode === 'merge') continue;
        const hiddenHere = hasUnknownInclude(config, block);
        const inherited = effectiveAddHeaders(block.parent);
        const hiddenAbove = unknownAbove(config, block.parent, 'add_header');
        if (declared.length === 0 && mode === 'on') {
          // An include the workspace lacks could declare add_header here and drop what the block inherits.
          if (hiddenHere && (hiddenAbove || inherited.some((header) => counts(header, allHeaders)))) inspect(block, { unknown: true });
          continue;
        }
        const names = new Set(declared.map((header) => header.name));
        // An add_header with an empty value sends nothing, so a block that drops it loses nothing.
        const dropped = inherited.filter((header) => !names.has(header.name) && header.value !== '');
        const losesSome = dropped.some((header) => counts(header, allHeaders));
        // Headers set out of sight above could be dropped too; an include out of sight here may repeat the dropped ones.
        const unknown = hiddenAbove || (losesSome && hiddenHere);
        inspect(block, { unknown });
        if (!losesSome || unknown) continue;
        const owner = block.owner;
        report(owner, {
          span: owner.directive.nameSpan,
          messageId: 'dropped',
          data: { block: block.kind, headers: [...new Set(dropped.map((header) => header.nameArg?.value ?? header.name))].join(', ') },
          fixTitleId: 'repeat',
          fix: () => repeatHeaders(block, dropped),
        });
      }
    });
  },
});
