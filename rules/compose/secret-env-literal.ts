import { defineRule } from '../../server/src/engine/rule';
import { isSecretLikeName } from '../../server/src/engine/secrets';
import { environmentOf, inspectService, servicesToCheck } from '../../server/src/kinds/compose/checks';
import { interpolate, isVariableName } from '../../server/src/kinds/compose/interpolation';
import type { ComposeModel } from '../../server/src/kinds/compose/model';

/** Values that switch a feature rather than hold a secret (`ALLOW_EMPTY_PASSWORD=yes`), or point to where it is. */
const NOT_A_SECRET = /^(?:true|false|yes|no|on|off|0|1|none|null|\/run\/secrets\/.*)$/i;

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/secret-env-literal',
    kind: 'compose',
    title: 'Keep secrets out of the Compose file',
    description:
      'A password or token written in `environment:` lives in the file, in Git history and in every `docker inspect`; read it from the environment (`${VAR}`) or mount it with `secrets:`.',
    checklistItem: 'deployment/secrets',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      literal: 'Environment variable {{name}} of service "{{service}}" holds a secret as a literal, visible to anyone who reads the file; reference ${{{name}}} or mount it with secrets:.',
      defaultLiteral: 'Environment variable {{name}} of service "{{service}}" falls back to a literal secret when {{variable}} is unset; drop the default so a missing secret stops the deployment, or use secrets:.',
    },
    fixTitles: {
      reference: 'Read {{name}} from the environment (${{{name}}})',
      required: 'Require {{variable}} instead of a default',
    },
    examples: {
      bad: 'services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=admin\n',
      good: 'services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_PASSWORD}\n',
    },
    ptBR: {
      title: 'Manter segredos fora do arquivo Compose',
      description:
        'Uma senha ou token escrito em `environment:` fica no arquivo, no histórico do Git e em todo `docker inspect`; leia-o do ambiente (`${VAR}`) ou monte-o com `secrets:`.',
      messages: {
        literal: 'A variável de ambiente {{name}} do serviço "{{service}}" guarda um segredo como literal, visível a quem ler o arquivo; referencie ${{{name}}} ou monte-o com secrets:.',
        defaultLiteral: 'A variável de ambiente {{name}} do serviço "{{service}}" usa um segredo literal quando {{variable}} não está definida; remova o padrão para que um segredo ausente interrompa o deploy, ou use secrets:.',
      },
      fixTitles: {
        reference: 'Ler {{name}} do ambiente (${{{name}}})',
        required: 'Exigir {{variable}} em vez de um padrão',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const secrets = environmentOf(service).filter((entry) => isSecretLikeName(entry.name));
      if (secrets.length === 0) continue;
      let reported = false;
      for (const entry of secrets) {
        if (entry.raw === undefined || entry.valueSpan === undefined || entry.layer.model !== model) continue;
        const valueSpan = entry.valueSpan;
        const interpolated = interpolate(entry.raw);
        const data = { name: entry.name, service: service.name, variable: '' };
        if (interpolated.value !== undefined) {
          const value = interpolated.value.trim();
          if (value === '' || NOT_A_SECRET.test(value)) continue;
          // Quoted values keep their quotes: only the text between them is replaced.
          const quoted = /^["']/.test(model.text.slice(valueSpan.start, valueSpan.end)) && valueSpan.end - valueSpan.start === entry.raw.length + 2;
          const span = quoted ? { start: valueSpan.start + 1, end: valueSpan.end - 1 } : valueSpan;
          reported = true;
          // Only a name interpolation can spell (`${GF-1}` is not read from the environment) gets the fix.
          const readable = isVariableName(entry.name) && span.end - span.start === entry.raw.length;
          context.report({ span, messageId: 'literal', data, fixTitleId: 'reference', fix: readable ? (fixer) => fixer.replace(span, `\${${entry.name}}`) : undefined });
          continue;
        }
        for (const reference of interpolated.references) {
          const fallback = reference.argument ?? '';
          if ((reference.operator !== ':-' && reference.operator !== '-') || fallback === '' || fallback.includes('$') || NOT_A_SECRET.test(fallback)) continue;
          const offset = valueSpan.end - valueSpan.start - entry.raw.length;
          const start = valueSpan.start + (offset === 2 ? 1 : 0);
          const exact = offset === 0 || offset === 2;
          const variableData = { ...data, variable: reference.name };
          reported = true;
          context.report({
            span: exact ? { start: start + reference.argumentStart!, end: start + reference.argumentStart! + fallback.length } : valueSpan,
            messageId: 'defaultLiteral',
            data: variableData,
            fixTitleId: 'required',
            fix: (fixer) => (exact ? fixer.replace({ start: start + reference.start, end: start + reference.end }, `\${${reference.name}:?${reference.name} is required}`) : null),
          });
        }
      }
      // A base service out of sight may hold literal secrets of its own.
      inspectService(context, service, !reported && !service.complete);
    }
  },
});
