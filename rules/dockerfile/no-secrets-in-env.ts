import { defineRule } from '../../server/src/engine/rule';
import { isSecretLikeName } from '../../server/src/engine/secrets';
import { isPureVariableReference, type DockerfileModel, type KeyValueNode } from '../../server/src/kinds/dockerfile/model';

/** Switches such as `ALLOW_EMPTY_PASSWORD=yes` are settings, not secrets. */
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off)$/i;

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/no-secrets-in-env',
    kind: 'dockerfile',
    title: 'Keep secrets out of ENV and ARG',
    description:
      'ENV and ARG values are stored in the image and its history, readable by anyone who can pull it; secrets must come at run time from a secret manager or at build time from `RUN --mount=type=secret`. Names are read word by word, also inside compound names (`DB_PASSWD`, `LDAP_ROOTPASS`, `APIKEY`); names that only describe a secret (`PASSWORD_MIN_LENGTH`, `*_FILE`), switches (`yes`, `false`) and pure variable references stay quiet. An error: a leaked credential is an incident.',
    // The fix is about where secrets live (a secret manager, injected at run time), which is the
    // deployment/secrets item, rather than how encryption keys are managed (security/key-management).
    checklistItem: 'deployment/secrets',
    severity: 'error',
    fixable: false,
    messages: {
      env: 'ENV {{key}} bakes a literal secret into the image, where anyone who can pull it can read it; inject it at run time from a secret manager instead.',
      arg: 'ARG {{key}} has a literal secret default that stays in the image history; pass it with RUN --mount=type=secret instead.',
    },
    examples: {
      bad: 'ENV DB_PASSWORD=s3cr3t\nARG NPM_TOKEN=npm_abc123',
      good: 'RUN --mount=type=secret,id=npm_token \\\n    NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci',
    },
    ptBR: {
      title: 'Manter segredos fora de ENV e ARG',
      description:
        'Valores de ENV e ARG ficam gravados na imagem e no seu histórico, legíveis por quem puder baixá-la; segredos devem vir em tempo de execução de um gerenciador de segredos ou, no build, de `RUN --mount=type=secret`. Os nomes são lidos palavra por palavra, também dentro de nomes compostos (`DB_PASSWD`, `LDAP_ROOTPASS`, `APIKEY`); nomes que só descrevem um segredo (`PASSWORD_MIN_LENGTH`, `*_FILE`), chaves liga/desliga (`yes`, `false`) e referências puras a variáveis ficam quietos. Um erro: uma credencial vazada é um incidente.',
      messages: {
        env: 'ENV {{key}} grava um segredo literal na imagem, onde qualquer um que a baixe pode lê-lo; injete-o em tempo de execução a partir de um gerenciador de segredos.',
        arg: 'ARG {{key}} tem um valor padrão secreto literal que fica no histórico da imagem; passe-o com RUN --mount=type=secret.',
      },
    },
  },
  check(model, context) {
    const inspected = new Set<object>();
    const report = (pair: KeyValueNode, messageId: 'env' | 'arg') => {
      if (!inspected.has(pair.instruction)) context.inspect({ subject: 'instruction', span: pair.instruction.span });
      inspected.add(pair.instruction);
      const value = pair.value;
      if (!pair.valueSpan || value === undefined || value.trim() === '') return;
      if (isPureVariableReference(value) || SWITCH_VALUE.test(value)) return;
      if (!isSecretLikeName(pair.key)) return;
      context.report({ span: pair.valueSpan, messageId, data: { key: pair.key } });
    };
    for (const pair of model.globalArgs) report(pair, 'arg');
    for (const stage of model.stages) {
      const pairs = [...stage.args.map((pair) => ({ pair, kind: 'arg' as const })), ...stage.envs.map((pair) => ({ pair, kind: 'env' as const }))];
      for (const { pair, kind } of pairs.sort((a, b) => a.pair.keySpan.start - b.pair.keySpan.start)) report(pair, kind);
    }
  },
});
