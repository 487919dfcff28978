import { defineRule } from '../../server/src/engine/rule';
import type { TextEdit } from '../../server/src/engine/types';
import { locationMatch, type NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { httpContexts, mentions, own } from '../../server/src/kinds/nginx/semantics';

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/alias-traversal',
    kind: 'nginx',
    title: 'End aliased prefix locations with a slash',
    description:
      'In a prefix location without a trailing slash (`location /files { alias /data/; }`), nginx appends whatever follows the prefix to the alias, so `/files../etc/passwd` reads `/data/../etc/passwd`: a path traversal out of the folder (gixy alias_traversal). On by default: it exposes files on the server.',
    checklistItem: 'security/authorization',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      traversal: 'This prefix location has no trailing slash while it serves files with alias, so {{example}} escapes the aliased folder; end both the location and the alias with /.',
    },
    fixTitles: {
      slash: 'End the location and the alias with /',
    },
    ptBR: {
      title: 'Terminar com barra os locations de prefixo com alias',
      description:
        'Em um location de prefixo sem barra final (`location /files { alias /data/; }`), o nginx acrescenta ao alias o que vier depois do prefixo, então `/files../etc/passwd` lê `/data/../etc/passwd`: um path traversal para fora da pasta (alias_traversal do gixy). Ligada por padrão: expõe arquivos do servidor.',
      messages: {
        traversal: 'Este location de prefixo não tem barra final e serve arquivos com alias, então {{example}} escapa da pasta do alias; termine o location e o alias com /.',
      },
      fixTitles: {
        slash: 'Terminar o location e o alias com /',
      },
    },
    examples: {
      bad: 'location /files {\n    alias /data/;\n}',
      good: 'location /files/ {\n    alias /data/;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/alias-traversal', (config, report, inspect) => {
      if (!mentions(config, ['alias'])) return;
      for (const block of httpContexts(config)) {
        for (const alias of own(block, 'alias')) {
          // The location that applies is the nearest one (an `if` inside it does not change the prefix).
          let location = block;
          while (location.kind !== 'location' && location.parent) location = location.parent;
          if (location.kind !== 'location' || !location.owner) continue;
          inspect(location, { at: alias });
          const { modifier, pattern, span } = locationMatch(location.owner.directive);
          if ((modifier !== '' && modifier !== '^~') || pattern.endsWith('/') || !span) continue;
          const aliasArg = alias.directive.args[0];
          if (!aliasArg || aliasArg.value.includes('$')) continue;
          const owner = location.owner;
          const locationArg = owner.directive.args.find((arg) => arg.span.start === span.start || arg.span.end === span.end);
          report(owner, {
            span,
            messageId: 'traversal',
            data: { example: `${pattern}../` },
            fixTitleId: 'slash',
            fix: (fixer) => {
              // Offsets are exact only for unquoted arguments written as nginx reads them.
              if (!locationArg || locationArg.quoted || aliasArg.quoted || alias.path !== owner.path) return null;
              const edits: TextEdit[] = [fixer.insertAt(span.end, '/')];
              if (!aliasArg.value.endsWith('/')) edits.push(fixer.insertAt(aliasArg.span.end, '/'));
              return edits;
            },
          });
        }
      }
    });
  },
});
