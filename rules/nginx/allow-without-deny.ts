import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { insertInBlock } from '../../server/src/kinds/nginx/edits';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effectiveValue, hasUnknownInclude, httpContexts, mentions, own, unknownValue } from '../../server/src/kinds/nginx/semantics';
import type { NginxContext } from '../../server/src/kinds/nginx/config';

/** Authentication modules that make `satisfy any` mean "an allowed address or a valid login". */
const AUTH_DIRECTIVES = ['auth_basic', 'auth_request', 'auth_jwt', 'auth_oidc', 'auth_digest', 'auth_pam', 'auth_ldap', 'auth_gss'];

const authenticates = (block: NginxContext) => AUTH_DIRECTIVES.some((name) => (effectiveValue(block, name) ?? 'off') !== 'off');
const satisfiesAnyWithAuth = (block: NginxContext) => effectiveValue(block, 'satisfy') === 'any' && authenticates(block);

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/allow-without-deny',
    kind: 'nginx',
    title: 'Close an allow list with deny all',
    description:
      'nginx allows every address no rule matches, so `allow 10.0.0.0/8;` without a `deny all;` in the same block restricts nothing: the allow list is decorative and the endpoint is public (gixy-ng allow_without_deny). Under `satisfy any` with an authentication module, the allow list is a shortcut past the login and needs no deny. On by default.',
    checklistItem: 'security/ip-whitelisting',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      noDeny: 'This `{{block}}` block allows some addresses but denies none, so every other address is allowed too; add deny all after the allow rules.',
    },
    fixTitles: {
      denyAll: 'Add deny all after the allow rules',
    },
    ptBR: {
      title: 'Fechar uma lista de allow com deny all',
      description:
        'O nginx permite todo endereço que nenhuma regra casa, então `allow 10.0.0.0/8;` sem um `deny all;` no mesmo bloco não restringe nada: a lista de allow é decorativa e o endpoint é público (allow_without_deny do gixy-ng). Com `satisfy any` e um módulo de autenticação, a lista de allow é um atalho para pular o login e dispensa o deny. Ligada por padrão.',
      messages: {
        noDeny: 'Este bloco `{{block}}` permite alguns endereços mas não nega nenhum, então todos os outros também são permitidos; adicione deny all depois das regras allow.',
      },
      fixTitles: {
        denyAll: 'Adicionar deny all depois das regras allow',
      },
    },
    examples: {
      bad: 'location /admin/ {\n    allow 10.0.0.0/8;\n    proxy_pass http://admin;\n}',
      good: 'location /admin/ {\n    allow 10.0.0.0/8;\n    deny all;\n    proxy_pass http://admin;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/allow-without-deny', (config, report, inspect) => {
      if (!mentions(config, ['allow'])) return;
      for (const block of httpContexts(config)) {
        const allows = own(block, 'allow');
        if (allows.length === 0) continue;
        const closed = own(block, 'deny').length > 0 || allows.every((placed) => placed.directive.args[0]?.value === 'all') || satisfiesAnyWithAuth(block);
        // An include the workspace lacks could hold the deny, or turn a login in effect into `satisfy any`.
        const unknown = !closed && (hasUnknownInclude(config, block) || (authenticates(block) && unknownValue(config, block, 'satisfy')));
        inspect(block, { at: allows[0], unknown });
        if (closed || unknown) continue;
        const first = allows.find((placed) => placed.directive.args[0]?.value !== 'all')!;
        report(first, {
          span: first.directive.span,
          messageId: 'noDeny',
          data: { block: block.kind === 'main' ? 'server' : block.kind },
          fixTitleId: 'denyAll',
          fix: () => insertInBlock(block, ['deny all;'], ['allow']),
        });
      }
    });
  },
});
