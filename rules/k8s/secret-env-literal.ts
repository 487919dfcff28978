import { defineRule } from '../../server/src/engine/rule';
import { isSecretLikeName } from '../../server/src/engine/secrets';
import { editorFor } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { contentSpan, isUnresolved, scalarString } from '../../server/src/kinds/kubernetes/nodes';
import { secretValueKind } from '../../server/src/kinds/kubernetes/secret-values';

/** DB_PASSWORD -> db-password, apiToken -> api-token: a valid Secret data key. */
function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/secret-env-literal',
    kind: 'kubernetes',
    title: 'Read secrets from a Secret, not a literal',
    description:
      'A password or token written as an env value lives in the manifest, in Git history and in every `kubectl get -o yaml`; reference a Secret instead. ' +
      'A variable counts when its name says it holds a secret (DB_PASSWORD, apiToken) or when its value is one whatever the name: a private key (`-----BEGIN ... PRIVATE KEY-----`) or a token in a format its issuer fixed (GitHub, GitLab, AWS, Slack, Google, Stripe, npm, SendGrid, a JWT). A `$(OTHER_VAR)` reference holds no literal; a value filled in when the file is applied (`${DB_PASSWORD}`, `{{ .Values.password }}`) is looked at but not judged.',
    checklistItem: 'deployment/secrets',
    severity: 'error',
    fixable: true,
    messages: {
      literal: 'Env var {{name}} holds a secret as a literal value, visible to anyone who reads the manifest; read it from a Secret with valueFrom.secretKeyRef.',
      privateKey: 'Env var {{name}} holds a private key as a literal value, visible to anyone who reads the manifest; read it from a Secret with valueFrom.secretKeyRef.',
      token: 'Env var {{name}} holds a {{provider}} token as a literal value, visible to anyone who reads the manifest; revoke it and read it from a Secret with valueFrom.secretKeyRef.',
    },
    fixTitles: {
      useSecret: 'Read {{name}} from the Secret {{workload}}-secrets',
    },
    examples: {
      bad: 'env:\n- name: DB_PASSWORD\n  value: "hunter2"\n',
      good: 'env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: app-secrets\n      key: db-password\n',
    },
    ptBR: {
      title: 'Ler segredos de um Secret, não de um literal',
      description:
        'Uma senha ou token escrito como valor de env fica no manifesto, no histórico do Git e em todo `kubectl get -o yaml`; referencie um Secret em vez disso. ' +
        'Uma variável conta quando o nome diz que guarda um segredo (DB_PASSWORD, apiToken) ou quando o valor é um, qualquer que seja o nome: uma chave privada (`-----BEGIN ... PRIVATE KEY-----`) ou um token num formato fixado por quem o emite (GitHub, GitLab, AWS, Slack, Google, Stripe, npm, SendGrid, um JWT). Uma referência `$(OUTRA_VAR)` não guarda literal; um valor preenchido quando o arquivo é aplicado (`${DB_PASSWORD}`, `{{ .Values.password }}`) é examinado, mas não julgado.',
      messages: {
        literal: 'A variável de ambiente {{name}} guarda um segredo como valor literal, visível a quem ler o manifesto; leia-o de um Secret com valueFrom.secretKeyRef.',
        privateKey: 'A variável de ambiente {{name}} guarda uma chave privada como valor literal, visível a quem ler o manifesto; leia-a de um Secret com valueFrom.secretKeyRef.',
        token: 'A variável de ambiente {{name}} guarda um token {{provider}} como valor literal, visível a quem ler o manifesto; revogue-o e leia-o de um Secret com valueFrom.secretKeyRef.',
      },
      fixTitles: {
        useSecret: 'Ler {{name}} do Secret {{workload}}-secrets',
      },
    },
  },
  check(model, context) {
    for (const container of model.containers) {
      // `$(OTHER_VAR)` references another variable of the container: no literal. A value filled in when the
      // file is applied (`${DB_PASSWORD}`, `{{ .Values.password }}`) may or may not be one: unknown.
      const reference = (value: string) => /^\$\(\w+\)$/.test(value);
      const filledIn = (value: string | undefined) => value !== undefined && !reference(value) && isUnresolved(value);
      const unknown = container.env.some((env) => isSecretLikeName(env.name) && filledIn(scalarString(env.value)));
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(unknown ? { unknown: true } : {}) });
      for (const env of container.env) {
        const value = scalarString(env.value);
        if (!env.value || !env.valuePair || value === undefined || value === '' || reference(value) || filledIn(value)) continue;
        const recognised = secretValueKind(value);
        if (!recognised && !isSecretLikeName(env.name)) continue;
        const workload = container.pod.owner.name ?? 'app';
        const valuePair = env.valuePair;
        context.report({
          span: contentSpan(model.text, env.value)!,
          messageId: recognised?.kind ?? 'literal',
          data: { name: env.name, workload, provider: recognised?.kind === 'token' ? recognised.provider : '' },
          fixTitleId: 'useSecret',
          fix: () => {
            if (env.node.flow || !env.node.items.includes(valuePair)) return null;
            return editorFor(context).replacePair(valuePair, 'valueFrom', { secretKeyRef: { name: `${workload}-secrets`, key: kebab(env.name) } });
          },
        });
      }
    }
  },
});
