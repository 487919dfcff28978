import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { editorFor, isLiteralImage, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { movingTag } from '../../server/src/kinds/kubernetes/images';
import { isUnresolved, scalarString, spanOf, subSpan } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/image-pull-policy',
    kind: 'kubernetes',
    title: 'Pull moving image tags every time',
    description:
      'With imagePullPolicy IfNotPresent (the default for any tag but latest) or Never, a node keeps running whatever build of a tag it pulled first: after the tag moves, pods of the same workload run different code depending on their node. ' +
      'Every tag can be re-pushed and only a digest pins an image; a tag counts as moving when its publisher re-points it by convention: absent or latest (Kubernetes then defaults to Always, so only an explicit IfNotPresent or Never is reported), a channel or branch (stable, main, nightly ...), or, on a Docker Official Image (redis, python, library/node), a tag without a version (alpine, jammy) or with fewer numbers than the image\'s releases have (redis:7, node:20-alpine). ' +
      'Releases have three numbers for most images, two for PostgreSQL 10 and later (postgres:16.2 is a release) and for Ubuntu, Debian, Rocky, Alma and Oracle Linux (ubuntu:22.04 is one), one for Fedora. ' +
      'A release tag, a digest, or a tag a kustomization or skaffold sets is left alone: pinning a release and pulling it once (IfNotPresent) is the practice Kubernetes documents, where kube-score, Polaris and KICS ask for Always on every tag. ' +
      'An image the file does not spell out (`${IMAGE}`, `{{ .Values.image }}`, `<YOUR-IMAGE>`) is looked at but not judged.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      defaultPolicy: 'Image "{{image}}" uses the moving tag {{tag}} without imagePullPolicy, so nodes keep the build they pulled first (IfNotPresent); set imagePullPolicy: Always or pin a full version or a digest.',
      explicitPolicy: 'Image "{{image}}" uses the moving tag {{tag}} with imagePullPolicy {{policy}}, so nodes keep the build they pulled first; set imagePullPolicy: Always or pin a full version or a digest.',
    },
    fixTitles: {
      always: 'Set imagePullPolicy: Always',
    },
    examples: {
      bad: 'image: redis:7\nimagePullPolicy: IfNotPresent\n',
      good: 'image: postgres:16.2\nimagePullPolicy: IfNotPresent\n',
    },
    ptBR: {
      title: 'Baixar sempre as tags de imagem móveis',
      description:
        'Com imagePullPolicy IfNotPresent (o padrão para qualquer tag exceto latest) ou Never, um nó continua executando o build de uma tag que baixou primeiro: depois que a tag muda, pods do mesmo workload executam código diferente conforme o nó. ' +
        'Toda tag pode ser reenviada e só um digest fixa uma imagem; uma tag conta como móvel quando quem a publica a reaponta por convenção: ausente ou latest (o Kubernetes então usa Always por padrão, então só um IfNotPresent ou Never explícito é reportado), um canal ou branch (stable, main, nightly ...), ou, numa Docker Official Image (redis, python, library/node), uma tag sem versão (alpine, jammy) ou com menos números do que as releases da imagem têm (redis:7, node:20-alpine). ' +
        'As releases têm três números na maioria das imagens, dois no PostgreSQL 10 em diante (postgres:16.2 é uma release) e no Ubuntu, Debian, Rocky, Alma e Oracle Linux (ubuntu:22.04 é uma), um no Fedora. ' +
        'Uma tag de release, um digest, ou uma tag definida por uma kustomization ou pelo skaffold não são afetados: fixar uma release e baixá-la uma vez (IfNotPresent) é a prática que o Kubernetes documenta, onde kube-score, Polaris e KICS pedem Always para toda tag. ' +
        'Uma imagem que o arquivo não escreve por extenso (`${IMAGE}`, `{{ .Values.image }}`, `<YOUR-IMAGE>`) é examinada, mas não julgada.',
      messages: {
        defaultPolicy: 'A imagem "{{image}}" usa a tag móvel {{tag}} sem imagePullPolicy, então os nós mantêm o build que baixaram primeiro (IfNotPresent); defina imagePullPolicy: Always ou fixe uma versão completa ou um digest.',
        explicitPolicy: 'A imagem "{{image}}" usa a tag móvel {{tag}} com imagePullPolicy {{policy}}, então os nós mantêm o build que baixaram primeiro; defina imagePullPolicy: Always ou fixe uma versão completa ou um digest.',
      },
      fixTitles: {
        always: 'Definir imagePullPolicy: Always',
      },
    },
  },
  check(model, context) {
    const workspace = workspaceOf(context);
    for (const container of model.containers) {
      const image = container.image;
      if (!image) continue;
      const { reader } = container.pod.owner;
      const policyNode = reader.get(container.node, 'imagePullPolicy');
      const policy = scalarString(policyNode);
      const unknown = !isLiteralImage(image.value) || isUnresolved(policy);
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(unknown ? { unknown: true } : {}) });
      if (unknown || image.digest !== undefined || !movingTag(image.name, image.tag)) continue;
      if (workspace.imageTagSupplied(model.path, image.name)) continue;
      if (policy === 'Always') continue;
      // Without a tag or with latest, Kubernetes already defaults to Always.
      if (policy === undefined && (image.tag === undefined || image.tag === 'latest')) continue;
      const tag = image.tag ?? 'latest';
      const data = { image: image.value, tag, policy: policy ?? '' };
      const fix = () => editorFor(context).merge(container.node, { imagePullPolicy: 'Always' }, { after: ['image'] });
      if (isScalar(policyNode) && policy !== undefined) {
        context.report({ span: spanOf(policyNode)!, messageId: 'explicitPolicy', data, fixTitleId: 'always', fix });
      } else {
        const span = image.tag !== undefined ? subSpan(model.text, image.node, image.name.length + 1, image.tag.length) : image.span;
        context.report({ span, messageId: 'defaultPolicy', data, fixTitleId: 'always', fix });
      }
    }
  },
});
