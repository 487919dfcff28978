import { defineRule, type RuleContext } from '../../server/src/engine/rule';
import { isClientSideConfig, keySpan, objectSpan, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KustomizationFact } from '../../server/src/kinds/kubernetes/facts';
import type { K8sObject, KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isUnresolved } from '../../server/src/kinds/kubernetes/nodes';
import { DEFAULT_NAMESPACE, type KubernetesWorkspace } from '../../server/src/kinds/kubernetes/workspace-index';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/default-namespace',
    kind: 'kubernetes',
    title: 'Deploy into a dedicated namespace',
    description:
      'Objects without a namespace land wherever kubectl points, usually `default`, where quotas, network policies and RBAC for the application do not apply. ' +
      'Only kinds that live in a namespace count: built-in cluster-scoped kinds (Namespace, ClusterRole, CRDs, StorageClass ...) never, a custom resource only when its CRD in the workspace says `scope: Namespaced` (unknown scope: no claim). ' +
      'A kustomization that sets `namespace:` gives it to everything it includes. Where no namespace is set, the rule speaks once per file, or once on the top kustomization that brings the files in, not once per object. ' +
      'A patch (a `$patch:` directive, or an apps/v1 workload with neither the selector the API requires nor a container image, as kustomize patches are) is not an object and is left alone, by this rule and by the workload rules. A namespace the file does not spell out (`${NAMESPACE}`) is looked at but not judged.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'information',
    fixable: false,
    crossFile: true,
    messages: {
      missing: '{{kind}} "{{name}}" sets no namespace, so it lands in whatever namespace kubectl targets; set metadata.namespace.',
      missingMany: '{{kind}} "{{name}}" and the other objects of this file ({{count}} in all) set no namespace, so they land in whatever namespace kubectl targets; set metadata.namespace or apply them through a kustomization that sets one.',
      kustomization: 'This kustomization sets no namespace and {{count}} objects it brings in set none, so they land in whatever namespace kubectl targets; set namespace: here.',
      default: '{{kind}} "{{name}}" is in the default namespace; move it to a namespace of its own.',
    },
    examples: { bad: 'kind: Deployment\nmetadata:\n  name: web\n', good: 'kind: Deployment\nmetadata:\n  name: web\n  namespace: production\n' },
    ptBR: {
      title: 'Implantar em um namespace dedicado',
      description:
        'Objetos sem namespace vão para onde o kubectl aponta, geralmente `default`, onde as cotas, políticas de rede e o RBAC da aplicação não se aplicam. ' +
        'Só contam tipos que vivem em um namespace: tipos nativos de escopo de cluster (Namespace, ClusterRole, CRDs, StorageClass ...) nunca, um recurso customizado só quando seu CRD no workspace diz `scope: Namespaced` (escopo desconhecido: nenhuma afirmação). ' +
        'Uma kustomization que define `namespace:` o dá a tudo que inclui. Onde nenhum namespace é definido, a regra fala uma vez por arquivo, ou uma vez na kustomization de topo que inclui os arquivos, e não uma vez por objeto. ' +
        'Um patch (uma diretiva `$patch:`, ou um workload apps/v1 sem o seletor que a API exige e sem imagem de container, como são os patches do kustomize) não é um objeto e fica de fora, desta regra e das regras de workload. Um namespace que o arquivo não escreve por extenso (`${NAMESPACE}`) é examinado, mas não julgado.',
      messages: {
        missing: '{{kind}} "{{name}}" não define namespace, então vai para o namespace que o kubectl estiver usando; defina metadata.namespace.',
        missingMany: '{{kind}} "{{name}}" e os demais objetos deste arquivo ({{count}} ao todo) não definem namespace, então vão para o namespace que o kubectl estiver usando; defina metadata.namespace ou aplique-os por uma kustomization que defina um.',
        kustomization: 'Esta kustomization não define namespace e {{count}} objetos que ela inclui não definem nenhum, então vão para o namespace que o kubectl estiver usando; defina namespace: aqui.',
        default: '{{kind}} "{{name}}" está no namespace default; mova-o para um namespace próprio.',
      },
    },
  },
  check(model, context) {
    const workspace = workspaceOf(context);
    const root = workspace.rootWithoutNamespace(model.path);
    if (root) checkKustomization(context, workspace, root);
    const kustomized = workspace.isKustomized(model.path);
    const kustomizeNamespace = workspace.kustomizeSetsNamespace(model.path);
    const missing: K8sObject[] = [];
    for (const object of namespacedObjects(model, workspace)) {
      // A namespace filled in when the file is applied (`${NAMESPACE}`) is unknown.
      const unknown = !kustomizeNamespace && isUnresolved(object.namespace);
      context.inspect({ subject: object.pod ? 'workload' : 'object', span: objectSpan(object), name: object.name, ...(unknown ? { unknown: true } : {}) });
      if (kustomizeNamespace || unknown) continue;
      const data = { kind: object.kind, name: object.name ?? '?' };
      if (object.namespace === DEFAULT_NAMESPACE) context.report({ span: object.namespaceSpan!, messageId: 'default', data });
      else if (object.namespace === undefined && !kustomized) missing.push(object);
    }
    // One finding per file: the namespace is set once (a kustomization, `kubectl -n`), not per object.
    if (missing.length === 1) context.report({ span: objectSpan(missing[0]), messageId: 'missing', data: { kind: missing[0].kind, name: missing[0].name ?? '?' } });
    else if (missing.length > 1) {
      context.report({ span: objectSpan(missing[0]), messageId: 'missingMany', data: { kind: missing[0].kind, name: missing[0].name ?? '?', count: missing.length } });
    }
  },
});

/** Objects of kinds that live in a namespace (built in, or per a CRD in the workspace); unknown kinds and patches are left alone. */
function namespacedObjects(model: KubernetesModel, workspace: KubernetesWorkspace): K8sObject[] {
  return model.objects.filter((object) => !object.partial && !isClientSideConfig(object) && workspace.scopeOf(object) === 'Namespaced');
}

/** A top kustomization without a namespace speaks once for every object it brings in without one. */
function checkKustomization(context: RuleContext<KubernetesModel>, workspace: KubernetesWorkspace, root: KustomizationFact): void {
  let count = 0;
  for (const path of workspace.filesWithoutNamespace(root)) {
    const file = context.workspace.get(path);
    if (file?.kind !== 'kubernetes') continue;
    const other = file.model as KubernetesModel;
    count += namespacedObjects(other, workspace).filter((object) => object.namespace === undefined).length;
  }
  if (count === 0) return;
  const document = context.model.documents[0];
  const map = document.reader.map(document.root);
  const span = keySpan(map, 'resources', document.reader) ?? keySpan(map, 'components', document.reader) ?? { start: 0, end: 0 };
  context.inspect({ subject: 'object', span, name: 'kustomization' });
  context.report({ span, messageId: 'kustomization', data: { count } });
}
