import { defineRule } from '../../server/src/engine/rule';
import { isSecretLikeName } from '../../server/src/engine/secrets';
import type { Span } from '../../server/src/engine/types';
import { isPureVariableReference, shippedStages, type DockerfileModel, type KeyValueNode, type Stage } from '../../server/src/kinds/dockerfile/model';

/** Switches such as `ALLOW_EMPTY_PASSWORD=yes` are settings, not secrets. */
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off)$/i;

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/no-secrets-in-env',
    kind: 'dockerfile',
    title: 'Keep secrets out of ENV and ARG',
    description:
      'ENV and ARG values are stored in the image and its history, readable by anyone who can pull it; secrets must come at run time from a secret manager or at build time from `RUN --mount=type=secret`. Names are read word by word, also inside compound names (`DB_PASSWD`, `LDAP_ROOTPASS`, `APIKEY`); names that only describe a secret (`PASSWORD_MIN_LENGTH`, `*_FILE`) and switches (`yes`, `false`) stay quiet. A secret-named ARG without a value in a stage the image is built from is reported too: the value comes with `--build-arg`, and `docker history` shows it for every RUN after it (semgrep and BuildKit\'s SecretsUsedInArgOrEnv check agree); in a discarded build stage it is fine. An ENV whose value is a variable (`ENV DB_PASSWORD=${DB_PASSWORD}`) holds whatever the build passes: looked at, not judged. An error: a leaked credential is an incident.',
    // The fix is about where secrets live (a secret manager, injected at run time), which is the
    // deployment/secrets item, rather than how encryption keys are managed (security/key-management).
    checklistItem: 'deployment/secrets',
    severity: 'error',
    fixable: false,
    messages: {
      env: 'ENV {{key}} bakes a literal secret into the image, where anyone who can pull it can read it; inject it at run time from a secret manager instead.',
      arg: 'ARG {{key}} has a literal secret default that stays in the image history; pass it with RUN --mount=type=secret instead.',
      buildArg: 'ARG {{key}} takes a secret at build time, and docker history records it for every RUN after it; pass it with RUN --mount=type=secret instead.',
    },
    examples: {
      bad: 'ENV DB_PASSWORD=s3cr3t\nARG NPM_TOKEN=npm_abc123',
      good: 'RUN --mount=type=secret,id=npm_token \\\n    NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci',
    },
    ptBR: {
      title: 'Manter segredos fora de ENV e ARG',
      description:
        'Valores de ENV e ARG ficam gravados na imagem e no seu histórico, legíveis por quem puder baixá-la; segredos devem vir em tempo de execução de um gerenciador de segredos ou, no build, de `RUN --mount=type=secret`. Os nomes são lidos palavra por palavra, também dentro de nomes compostos (`DB_PASSWD`, `LDAP_ROOTPASS`, `APIKEY`); nomes que só descrevem um segredo (`PASSWORD_MIN_LENGTH`, `*_FILE`) e chaves liga/desliga (`yes`, `false`) ficam quietos. Um ARG com nome de segredo e sem valor num estágio de que a imagem é feita também é apontado: o valor vem com `--build-arg`, e o `docker history` o mostra em cada RUN depois dele (o semgrep e a verificação SecretsUsedInArgOrEnv do BuildKit concordam); num estágio de build descartado, tudo bem. Um ENV cujo valor é uma variável (`ENV DB_PASSWORD=${DB_PASSWORD}`) guarda o que o build passar: examinado, não julgado. Um erro: uma credencial vazada é um incidente.',
      messages: {
        env: 'ENV {{key}} grava um segredo literal na imagem, onde qualquer um que a baixe pode lê-lo; injete-o em tempo de execução a partir de um gerenciador de segredos.',
        arg: 'ARG {{key}} tem um valor padrão secreto literal que fica no histórico da imagem; passe-o com RUN --mount=type=secret.',
        buildArg: 'ARG {{key}} recebe um segredo no build, e o docker history o registra em cada RUN depois dele; passe-o com RUN --mount=type=secret.',
      },
    },
  },
  check(model, context) {
    const shipped = new Set(shippedStages(model));
    // Per instruction: whether it reported, and whether a secret-named value comes from a variable.
    const instructions = new Map<object, { span: Span; reported: boolean; unknown: boolean }>();
    const judge = (pair: KeyValueNode, kind: 'env' | 'arg', stage: Stage | undefined) => {
      const state = instructions.get(pair.instruction) ?? { span: pair.instruction.span, reported: false, unknown: false };
      instructions.set(pair.instruction, state);
      const secret = isSecretLikeName(pair.key);
      const value = pair.value;
      const empty = value === undefined || value.trim() === '';
      // `ARG NPM_TOKEN`: the secret comes with --build-arg, and docker history records it for every
      // RUN of the stage; only a stage the image is built from keeps that history.
      if (kind === 'arg' && empty && secret && stage !== undefined && shipped.has(stage)) {
        context.report({ span: pair.keySpan, messageId: 'buildArg', data: { key: pair.key } });
        state.reported = true;
        return;
      }
      if (!pair.valueSpan || empty || SWITCH_VALUE.test(value) || !secret) return;
      // `ENV DB_PASSWORD=${DB_PASSWORD}`: whatever the caller passes, which the file does not show.
      if (isPureVariableReference(value)) {
        state.unknown = true;
        return;
      }
      context.report({ span: pair.valueSpan, messageId: kind, data: { key: pair.key } });
      state.reported = true;
    };
    for (const pair of model.globalArgs) judge(pair, 'arg', undefined);
    for (const stage of model.stages) {
      const pairs = [...stage.args.map((pair) => ({ pair, kind: 'arg' as const })), ...stage.envs.map((pair) => ({ pair, kind: 'env' as const }))];
      for (const { pair, kind } of pairs.sort((a, b) => a.pair.keySpan.start - b.pair.keySpan.start)) judge(pair, kind, stage);
    }
    for (const { span, reported, unknown } of instructions.values()) context.inspect({ subject: 'instruction', span, ...(unknown && !reported ? { unknown } : {}) });
  },
});
