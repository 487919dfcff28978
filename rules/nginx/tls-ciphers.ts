import { defineRule } from '../../server/src/engine/rule';
import type { Span } from '../../server/src/engine/types';
import type { NginxModel } from '../../server/src/kinds/nginx/model';
import { own, reportOnce } from '../../server/src/kinds/nginx/config';

/** OpenSSL cipher-string parts that admit broken or unauthenticated suites. */
const WEAK_PARTS = new Set(['RC4', 'DES', '3DES', 'MD5', 'NULL', 'ENULL', 'ANULL', 'EXPORT', 'EXP', 'EXPORT40', 'EXPORT56', 'ADH', 'AECDH', 'LOW', 'CBC3']);

const isWeak = (element: string) => element.split(/[-+_]/).some((part) => WEAK_PARTS.has(part.toUpperCase()));

export default defineRule<NginxModel>({
  meta: {
    id: 'nginx/tls-ciphers',
    kind: 'nginx',
    title: 'Exclude broken TLS ciphers',
    description:
      'ssl_ciphers must not admit RC4, DES/3DES, MD5, NULL, EXPORT or anonymous (aNULL) suites: they are broken or unauthenticated and let an attacker read or tamper with traffic.',
    checklistItem: 'security/encryption-in-transit',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      weak: 'ssl_ciphers admits {{cipher}}, a broken or unauthenticated cipher; remove it or exclude it with !.',
    },
    fixTitles: {
      removeBroken: 'Remove the broken ciphers from ssl_ciphers',
    },
    ptBR: {
      title: 'Excluir cifras TLS quebradas',
      description:
        'ssl_ciphers não deve admitir suítes RC4, DES/3DES, MD5, NULL, EXPORT ou anônimas (aNULL): elas são quebradas ou não autenticadas e permitem que um atacante leia ou altere o tráfego.',
      messages: {
        weak: 'ssl_ciphers admite {{cipher}}, uma cifra quebrada ou não autenticada; remova-a ou exclua-a com !.',
      },
      fixTitles: {
        removeBroken: 'Remover as cifras quebradas de ssl_ciphers',
      },
    },
    examples: {
      bad: 'ssl_ciphers HIGH:RC4-SHA:DES-CBC3-SHA;',
      good: 'ssl_ciphers HIGH:!aNULL:!MD5:!RC4:!3DES;',
    },
  },
  check(_model, context) {
    reportOnce(context, 'nginx/tls-ciphers', (config, report) => {
      for (const block of config.contexts) {
        for (const placed of own(block, 'ssl_ciphers')) {
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
