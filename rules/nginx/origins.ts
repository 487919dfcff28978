import { defineRule } from '../../server/src/engine/rule';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { parseRegex, samples } from '../../server/src/kinds/nginx/regex';
import { httpContexts, mentions, own } from '../../server/src/kinds/nginx/semantics';
import { compileScript, ifCondition, variableAt } from '../../server/src/kinds/nginx/variables';
import type { NginxConfig, Placed } from '../../server/src/kinds/nginx/config';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * gixy's origins check: fill every free position of the regex with `/`, put an attacker's domain
 * around what the regex leaves open (no `^`: anything before; no `$` or final `/`: anything
 * after), and see whether the host that results is still a trusted one.
 */
function untrustedSample(pattern: string, caseInsensitive: boolean, domains: string[], httpsOnly: boolean): string | undefined {
  const domain = domains.length ? domains.map(escapeRegex).join('|') : '[^/.]*\\.[^/]{2,7}';
  const valid = new RegExp(`^https${httpsOnly ? '' : '?'}://(?:[^/.]*\\.){0,10}(?<domain>${domain})(?::\\d*)?(?:/|\\?|$)`);
  const regex = parseRegex(pattern, caseInsensitive);
  const origin = (sample: string) => {
    let value = sample.startsWith('^') ? sample.slice(1) : 'http://evil.com/' + sample;
    if (value.endsWith('$')) value = value.slice(0, -1);
    else if (!value.endsWith('/')) value += '.evil.com';
    return value.replace(/[\^$]/g, '');
  };
  const shown = (value: string) => value.replace(/[\u0000-\u001f]/g, 'a');
  const untrusted = (filler: string) => {
    for (const value of samples(regex, filler).map(origin)) {
      const match = valid.exec(value);
      if (!match || match.groups?.domain === 'evil.com') return shown(value);
    }
    return undefined;
  };
  // A slash wherever the regex allows one finds every hole; a letter shows the user a plausible one.
  if (untrusted('/') !== undefined) return untrusted('x') ?? untrusted('/');
  // Letters the client chooses inside the registrable name (`^https://([^/]+)?example\.com$` accepts
  // `https://evilexample.com`): a host whose domain changes with the filler is one an attacker can register.
  const withX = samples(regex, 'x').map(origin);
  const withY = samples(regex, 'y').map(origin);
  return withX.find((value, index) => withY[index] !== undefined && registrable(value) !== registrable(withY[index]));
}

/** The last two labels of an origin's host (a registrable-domain approximation), undefined without a host. */
function registrable(origin: string): string | undefined {
  const host = /^[a-z]+:\/\/([^/?#:]+)/i.exec(origin)?.[1];
  return host?.toLowerCase().split('.').slice(-2).join('.');
}

type CorsVerdict = { reflected: true } | { sample: string } | undefined;

const MAX_DEPTH = 8;

/**
 * Where an Access-Control-Allow-Origin value comes from (gixy-ng's CORS checks): the request's
 * Origin as is (`$http_origin`, through `set`, or a map's default), or a map keyed on the Origin
 * whose regex keys let an untrusted origin through.
 */
function corsVerdict(config: NginxConfig, at: Placed, value: string, check: (regex: string, caseInsensitive: boolean) => string | undefined, depth = 0): CorsVerdict {
  if (depth > MAX_DEPTH) return undefined;
  for (const part of compileScript(value)) {
    if (!part.variable) continue;
    if (part.variable === 'http_origin') return { reflected: true };
    const provider = variableAt(config, at, part.variable)?.provider;
    if (!provider) continue;
    const directive = provider.directive;
    if (directive.name === 'set') {
      const verdict = corsVerdict(config, provider, directive.args[1]?.value ?? '', check, depth + 1);
      if (verdict) return verdict;
    }
    if (directive.name !== 'map' || directive.args[0]?.value.toLowerCase() !== '$http_origin' || !provider.block) continue;
    for (const entry of provider.block.directives) {
      const key = entry.directive.name;
      const result = entry.directive.args[0]?.value ?? '';
      if (!/\$(?:http_origin|\{http_origin\})(?![a-z0-9_])/i.test(result)) continue;
      if (key === 'default') return { reflected: true };
      const regex = /^~(\*)?(.+)$/.exec(key);
      const sample = regex ? check(regex[2], regex[1] === '*') : undefined;
      if (sample) return { sample };
    }
  }
  return undefined;
}

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/origins',
    kind: 'nginx',
    title: 'Anchor and escape Origin and Referer checks',
    description:
      'A regex that validates $http_origin or $http_referer must be anchored and escape its dots, or `^https://example.com` also accepts `https://example.com.evil.net` and `https://exampleXcom`; `valid_referers none` trusts every request without a Referer, which anyone can send (gixy origins and valid_referers). An Access-Control-Allow-Origin that echoes the request\'s Origin (directly, through `set` or a map\'s default) lets any site read the responses, and a map keyed on the Origin is held to the same regex checks (gixy-ng). A regex that names no scheme and no host (`~* /app`) routes on the header rather than trusting an origin, and is left alone. On by default: these checks guard CORS and clickjacking protection.',
    checklistItem: 'security/cors',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    options: {
      domains: { type: 'string[]', default: [], description: 'Trusted registrable domains (gixy\'s `domains`); empty accepts any domain that is not the attacker\'s.' },
      httpsOnly: { type: 'boolean', default: false, description: 'Also report regexes that accept plain http origins (gixy\'s `https_only`).' },
    },
    messages: {
      untrusted: 'This {{header}} check accepts {{sample}}, an origin the regex does not mean to trust; anchor it with ^ and $ (or a final /) and escape its dots.',
      misspelled: '$http_referrer is always empty: the header is spelled Referer; use $http_referer.',
      noneReferer: 'valid_referers none trusts every request without a Referer header, which any client can omit; remove none.',
      reflected: 'Access-Control-Allow-Origin echoes the request\'s Origin, so any site can read these responses in its visitors\' browsers; answer only the origins you trust, through a map of exact or anchored names.',
    },
    ptBR: {
      title: 'Ancorar e escapar verificações de Origin e Referer',
      description:
        'Uma regex que valida $http_origin ou $http_referer precisa ser ancorada e escapar seus pontos, ou `^https://example.com` também aceita `https://example.com.evil.net` e `https://exampleXcom`; `valid_referers none` confia em toda requisição sem Referer, que qualquer um pode enviar (origins e valid_referers do gixy). Um Access-Control-Allow-Origin que ecoa a Origin da requisição (direto, por `set` ou pelo default de um map) deixa qualquer site ler as respostas, e um map indexado pela Origin passa pelas mesmas verificações de regex (gixy-ng). Uma regex que não cita esquema nem host (`~* /app`) roteia pelo cabeçalho em vez de confiar numa origem, e fica de fora. Ligada por padrão: essas verificações protegem o CORS e a proteção contra clickjacking.',
      messages: {
        untrusted: 'Esta verificação de {{header}} aceita {{sample}}, uma origem em que a regex não pretende confiar; ancore-a com ^ e $ (ou uma / final) e escape seus pontos.',
        misspelled: '$http_referrer é sempre vazio: o cabeçalho se escreve Referer; use $http_referer.',
        noneReferer: 'valid_referers none confia em toda requisição sem o cabeçalho Referer, que qualquer cliente pode omitir; remova none.',
        reflected: 'Access-Control-Allow-Origin ecoa a Origin da requisição, então qualquer site pode ler estas respostas no navegador dos seus visitantes; responda só às origens em que você confia, por um map de nomes exatos ou ancorados.',
      },
    },
    examples: {
      bad: "if ($http_origin !~ '^https://example.com') {\n    return 403;\n}",
      good: "if ($http_origin !~ '^https://example\\.com$') {\n    return 403;\n}",
    },
  },
  check(_model, context) {
    const domains = Array.isArray(context.options.domains) ? (context.options.domains as string[]).filter((domain) => domain && domain !== '*') : [];
    const httpsOnly = context.options.httpsOnly === true;
    runOnTree(context, 'nginx/origins', (config, report, inspect) => {
      if (!mentions(config, ['valid_referers', 'add_header', 'if'])) return;
      for (const block of httpContexts(config)) {
        for (const placed of own(block, 'valid_referers')) {
          inspect(block, { at: placed });
          for (const arg of placed.directive.args) {
            if (arg.value.toLowerCase() === 'none') report(placed, { span: arg.span, messageId: 'noneReferer' });
          }
        }
        for (const placed of own(block, 'add_header')) {
          const [name, value] = placed.directive.args;
          if (name?.value.toLowerCase() !== 'access-control-allow-origin' || !value) continue;
          inspect(block, { at: placed });
          const verdict = corsVerdict(config, placed, value.value, (regex, caseInsensitive) => untrustedSample(regex, caseInsensitive, domains, httpsOnly));
          if (verdict && 'reflected' in verdict) report(placed, { span: value.span, messageId: 'reflected' });
          else if (verdict) report(placed, { span: value.span, messageId: 'untrusted', data: { header: 'Origin', sample: verdict.sample } });
        }
        if (block.kind !== 'if' || !block.owner) continue;
        const condition = ifCondition(block.owner);
        if (!condition || !['$http_origin', '$http_referer', '$http_referrer'].includes(condition.variable)) continue;
        if (!['~', '~*', '!~', '!~*'].includes(condition.operator)) continue;
        inspect(block);
        const owner = block.owner;
        const variableArg = owner.directive.args[0];
        if (condition.variable === '$http_referrer') {
          const open = !variableArg.quoted && variableArg.value.startsWith('(') ? 1 : 0;
          report(owner, { span: { start: variableArg.span.start + open, end: variableArg.span.start + open + '$http_referrer'.length }, messageId: 'misspelled' });
          continue;
        }
        // A regex that names no scheme and no host (`~* /app`) routes on the header rather than trusting an origin.
        if (!/:(?:\\?\/){2}|\w\\?\.\w/.test(condition.value)) continue;
        const sample = untrustedSample(condition.value, condition.operator.endsWith('*'), domains, httpsOnly);
        if (!sample) continue;
        const valueArg = owner.directive.args.find((arg, index) => index > 0 && arg.value.replace(/\)$/, '') === condition.value) ?? owner.directive.args[owner.directive.args.length - 1];
        report(owner, {
          span: valueArg.span,
          messageId: 'untrusted',
          data: { header: condition.variable === '$http_origin' ? 'Origin' : 'Referer', sample },
        });
      }
    });
  },
});
