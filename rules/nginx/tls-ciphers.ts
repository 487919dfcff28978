import { defineRule } from '../../server/src/engine/rule';
import type { Span } from '../../server/src/engine/types';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import type { NginxContext } from '../../server/src/kinds/nginx/config';
import { runOnTree } from '../../server/src/kinds/nginx/report';
import { effective, effectiveValue, httpServers, isTlsServer, mentions, own, unknownValue } from '../../server/src/kinds/nginx/semantics';

/** OpenSSL cipher-string parts that admit broken or unauthenticated suites. */
const WEAK_PARTS = new Set(['RC4', 'DES', '3DES', 'MD5', 'NULL', 'ENULL', 'ANULL', 'EXPORT', 'EXP', 'EXPORT40', 'EXPORT56', 'ADH', 'AECDH', 'LOW', 'CBC3']);

const isWeak = (element: string) => element.split(/[-+_]/).some((part) => WEAK_PARTS.has(part.toUpperCase()));

/** ssl_ciphers does not apply to TLSv1.3 (its suites are all strong), so a TLSv1.3-only context needs no cipher check. */
function tls13Only(context: NginxContext): boolean {
  const protocols = effective(context, 'ssl_protocols').at(-1)?.directive.args.map((arg) => arg.value.toLowerCase());
  return !!protocols?.length && protocols.every((protocol) => protocol === 'tlsv1.3');
}

/** A list of only AEAD suites (Mozilla's intermediate profile): with it, server preference only slows clients without AES hardware. */
function onlyModernCiphers(context: NginxContext): boolean {
  if (tls13Only(context)) return true;
  const list = effective(context, 'ssl_ciphers').at(-1)?.directive.args[0]?.value;
  if (!list) return false;
  const enabled = list.split(/[:,\s]+/).filter((element) => element && !/^[!\-+@]/.test(element));
  return enabled.length > 0 && enabled.every((element) => /GCM|CHACHA20|CCM/i.test(element) && !isWeak(element));
}

const prioritizesChaCha = (context: NginxContext) =>
  effective(context, 'ssl_conf_command').some((placed) => /^options$/i.test(placed.directive.args[0]?.value ?? '') && /prioritizechacha/i.test(placed.directive.args[1]?.value ?? ''));

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/tls-ciphers',
    kind: 'nginx',
    title: 'Exclude broken TLS ciphers',
    description:
      'ssl_ciphers must not admit RC4, DES/3DES, MD5, NULL, EXPORT or anonymous (aNULL) suites: they are broken or unauthenticated and let an attacker read or tamper with traffic. With a list of only strong AEAD suites, ssl_prefer_server_ciphers on just keeps clients without AES hardware from choosing ChaCha20 (gixy-ng weak_ssl_tls).',
    checklistItem: 'security/encryption-in-transit',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      weak: 'ssl_ciphers admits {{cipher}}, a broken or unauthenticated cipher; remove it or exclude it with !.',
      preferServer: 'ssl_prefer_server_ciphers on overrides clients that would pick ChaCha20 although every cipher in effect is strong; set it off (Mozilla intermediate) or add ssl_conf_command Options PrioritizeChaCha.',
    },
    fixTitles: {
      removeBroken: 'Remove the broken ciphers from ssl_ciphers',
      preferOff: 'Set ssl_prefer_server_ciphers off',
    },
    ptBR: {
      title: 'Excluir cifras TLS quebradas',
      description:
        'ssl_ciphers não deve admitir suítes RC4, DES/3DES, MD5, NULL, EXPORT ou anônimas (aNULL): elas são quebradas ou não autenticadas e permitem que um atacante leia ou altere o tráfego. Com uma lista só de suítes AEAD fortes, ssl_prefer_server_ciphers on apenas impede que clientes sem aceleração AES escolham ChaCha20 (weak_ssl_tls do gixy-ng).',
      messages: {
        weak: 'ssl_ciphers admite {{cipher}}, uma cifra quebrada ou não autenticada; remova-a ou exclua-a com !.',
        preferServer: 'ssl_prefer_server_ciphers on sobrepõe clientes que escolheriam ChaCha20 embora toda cifra em vigor seja forte; defina-o como off (Mozilla intermediate) ou adicione ssl_conf_command Options PrioritizeChaCha.',
      },
      fixTitles: {
        removeBroken: 'Remover as cifras quebradas de ssl_ciphers',
        preferOff: 'Definir ssl_prefer_server_ciphers off',
      },
    },
    examples: {
      bad: 'ssl_ciphers HIGH:RC4-SHA:DES-CBC3-SHA;',
      good: 'ssl_ciphers HIGH:!aNULL:!MD5:!RC4:!3DES;',
    },
  },
  check(_model, context) {
    runOnTree(context, 'nginx/tls-ciphers', (config, report, inspect) => {
      // A server's ciphers are nginx's strong default unless a level declares its own (judged below) or could out of sight.
      for (const server of httpServers(config)) if (isTlsServer(server)) inspect(server, { unknown: unknownValue(config, server, 'ssl_ciphers') });
      for (const block of mentions(config, ['ssl_prefer_server_ciphers', 'ssl_ciphers']) ? config.contexts : []) {
        for (const placed of own(block, 'ssl_prefer_server_ciphers')) {
          inspect(block, { at: placed });
          const arg = placed.directive.args[0];
          if (arg?.value.toLowerCase() !== 'on' || !onlyModernCiphers(block) || prioritizesChaCha(block)) continue;
          // A server below that lists weaker ciphers of its own still wants its order; judge the level that sets it.
          if (effectiveValue(block, 'ssl_prefer_server_ciphers') !== 'on') continue;
          report(placed, { span: arg.span, messageId: 'preferServer', fixTitleId: 'preferOff', fix: (fixer) => fixer.replace(arg.span, 'off') });
        }
        for (const placed of own(block, 'ssl_ciphers')) {
          inspect(block, { at: placed });
          if (tls13Only(block)) continue;
          for (const arg of placed.directive.args) {
            const raw = placed.model.text.slice(arg.span.start, arg.span.end);
            const inner = arg.quoted ? raw.slice(1, -1) : raw;
            const base = arg.span.start + (arg.quoted ? 1 : 0);
            // Offsets inside the value are exact only when nothing was unescaped.
            const exact = inner === arg.value;
            const elements: { text: string; span: Span }[] = [];
            const pattern = /[^:,\s]+/g;
            for (let match = pattern.exec(arg.value); match; match = pattern.exec(arg.value)) {
              elements.push({ text: match[0], span: exact ? { start: base + match.index, end: base + match.index + match[0].length } : arg.span });
            }
            const weak = elements.filter((element) => !/^[!\-+@]/.test(element.text) && isWeak(element.text));
            const kept = elements.filter((element) => !weak.includes(element));
            for (const element of weak) {
              report(placed, {
                span: element.span,
                messageId: 'weak',
                data: { cipher: element.text },
                fixTitleId: 'removeBroken',
                fix: (fixer) =>
                  exact && kept.length ? fixer.replace({ start: base, end: base + inner.length }, kept.map((entry) => entry.text).join(':')) : null,
              });
            }
          }
        }
      }
    });
  },
});
