import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import type { NginxContext, Placed } from '../../server/src/kinds/nginx/config';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { hasUnknownInclude, httpContexts, isInternalLocation, mentions, own } from '../../server/src/kinds/nginx/semantics';

/**
 * A rewrite replacement nginx sends as a redirect whatever the flag: it starts with `http://`,
 * `https://` or `$scheme`, matched case-sensitively as ngx_http_rewrite does.
 */
const ABSOLUTE_URL = /^(?:https?:\/\/|\$scheme|\$\{scheme\})/;

/**
 * Directives that answer in the rewrite phase, before allow/deny run: `return` (an error status
 * refuses everyone anyway, so only a 2xx/3xx or a URL counts) and a rewrite that redirects
 * (`redirect`, `permanent`, or an absolute URL with any flag).
 */
function answersEarly(placed: Placed): boolean {
  const args = placed.directive.args;
  let target: string | undefined;
  if (placed.directive.name === 'rewrite') {
    target = args[1]?.value;
    if (!['redirect', 'permanent'].includes(args[2]?.value ?? '') && !ABSOLUTE_URL.test(target ?? '')) return false;
  } else {
    const status = Number(args[0]?.value);
    if (!Number.isNaN(status) && status >= 400) return false;
    target = Number.isNaN(status) ? args[0]?.value : args[1]?.value;
  }
  // Moving the same request to HTTPS reveals nothing: the HTTPS server checks its own rules.
  return !/^https:\/\/\$(?:host|server_name|http_host)(?:\$request_uri|\$uri)?$/.test(target ?? '');
}

/** Blocks below one that are reached by the same requests: nested locations and ifs, internal locations aside. */
function reachedBlocks(block: NginxContext): NginxContext[] {
  const list = [block];
  for (const child of block.children) {
    if (!['location', 'if', 'limit_except'].includes(child.kind) || isInternalLocation(child)) continue;
    // A nested location with its own allow/deny is judged on its own.
    if (child.kind === 'location' && (own(child, 'allow').length || own(child, 'deny').length)) continue;
    list.push(...reachedBlocks(child));
  }
  return list;
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/return-bypasses-allow-deny',
    kind: 'nginx',
    title: 'Do not answer before allow and deny run',
    description:
      '`return` and a redirecting rewrite (`redirect`, `permanent`, or a replacement that starts with `http://`, `https://` or `$scheme`, whatever the flag) answer in the rewrite phase, before the access phase where allow and deny are checked, so `allow 10.0.0.0/8; deny all; return 200 "secret";` serves everyone (gixy-ng return_bypasses_allow_deny). An error status refuses everyone anyway, and a redirect of the same request to HTTPS reveals nothing: neither is reported. On by default.',
    checklistItem: 'security/ip-whitelisting',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      bypass: 'This {{directive}} answers before the allow and deny rules of its block are checked, so every client gets this response; serve it from a location the rules protect (try_files or a named location) instead.',
    },
    ptBR: {
      title: 'Não responder antes de allow e deny',
      description:
        '`return` e um rewrite que redireciona (`redirect`, `permanent`, ou uma substituição que começa com `http://`, `https://` ou `$scheme`, qualquer que seja a flag) respondem na fase de rewrite, antes da fase de acesso em que allow e deny são verificados, então `allow 10.0.0.0/8; deny all; return 200 "segredo";` atende a todos (return_bypasses_allow_deny do gixy-ng). Um status de erro recusa todos de qualquer forma, e um redirecionamento da mesma requisição para HTTPS não revela nada: nenhum dos dois é apontado. Ligada por padrão.',
      messages: {
        bypass: 'Este {{directive}} responde antes que as regras allow e deny do seu bloco sejam verificadas, então todo cliente recebe esta resposta; sirva-a de um location protegido pelas regras (try_files ou um location nomeado).',
      },
    },
    examples: {
      bad: 'location /health {\n    allow 10.0.0.0/8;\n    deny all;\n    return 200 "ok";\n}',
      good: 'location /health {\n    allow 10.0.0.0/8;\n    deny all;\n    try_files /health.txt =404;\n}',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/return-bypasses-allow-deny', (config, report, inspect) => {
      if (!mentions(config, ['allow', 'deny'])) return;
      for (const block of httpContexts(config)) {
        if (block.kind === 'if' || block.kind === 'limit_except') continue;
        const rules = [...own(block, 'allow'), ...own(block, 'deny')];
        if (rules.length === 0) continue;
        const reached = reachedBlocks(block);
        const bypasses = reached.flatMap((each) => [...own(each, 'return'), ...own(each, 'rewrite')]).filter(answersEarly);
        // An include the workspace lacks in a block these requests reach could hold a return.
        inspect(block, { at: rules[0], unknown: bypasses.length === 0 && reached.some((each) => hasUnknownInclude(config, each)) });
        for (const placed of bypasses) report(placed, { span: placed.directive.nameSpan, messageId: 'bypass', data: { directive: placed.directive.name } });
      }
    });
  },
});
