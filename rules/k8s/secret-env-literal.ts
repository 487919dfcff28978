import { defineRule } from '../../server/src/engine/rule';
import { isSecretLikeName } from '../../server/src/engine/secrets';
import { editorFor } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

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
      'A password or token written as an env value lives in the manifest, in Git history and in every `kubectl get -o yaml`; reference a Secret instead.',
    checklistItem: 'deployment/secrets',
    severity: 'error',
    fixable: true,
    messages: {
      literal: 'Env var {{name}} holds a secret as a literal value, visible to anyone who reads the manifest; read it from a Secret with valueFrom.secretKeyRef.',
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
        'Uma senha ou token escrito como valor de env fica no manifesto, no histórico do Git e em todo `kubectl get -o yaml`; referencie um Secret em vez disso.',
      messages: {
        literal: 'A variável de ambiente {{name}} guarda um segredo como valor literal, visível a quem ler o manifesto; leia-o de um Secret com valueFrom.secretKeyRef.',
      },
      fixTitles: {
        useSecret: 'Ler {{name}} do Secret {{workload}}-secrets',
      },
    },
  },
  check(model, context) {
    for (const container of model.containers) {
      for (const env of container.env) {
        const value = scalarString(env.value);
        // `$(OTHER_VAR)` references and empty values carry no secret.
        if (!env.value || !env.valuePair || value === undefined || value === '' || /^\$\(\w+\)$/.test(value) || !isSecretLikeName(env.name)) continue;
        const workload = container.pod.owner.name ?? 'app';
        const valuePair = env.valuePair;
        context.report({
          span: spanOf(env.value)!,
          messageId: 'literal',
          data: { name: env.name, workload },
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
