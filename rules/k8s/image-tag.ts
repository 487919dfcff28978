import { defineRule } from '../../server/src/engine/rule';
import { isLiteralImage, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { subSpan } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/image-tag',
    kind: 'kubernetes',
    title: 'Pin container images to a version',
    description:
      'An image without a tag, or tagged latest, changes under the same manifest: rollouts are not reproducible and a rollback may pull the broken image again. ' +
      'A tag a build tool sets is not missing: an image a kustomization over the file lists under `images:` with a newTag or digest, or one a skaffold.yaml above the file builds, gets its tag when it is deployed. An image the file does not spell out (`${IMAGE}`, `{{ .Values.image }}`, `<YOUR-IMAGE>`) is looked at but not judged.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      latest: 'Image "{{image}}" uses the latest tag, which changes under the same manifest; pin a version or a digest.',
      untagged: 'Image "{{image}}" has no tag, so it pulls latest; pin a version or a digest.',
    },
    examples: { bad: 'image: nginx:latest\n', good: 'image: nginx:1.27.0\n' },
    ptBR: {
      title: 'Fixar as imagens dos containers em uma versão',
      description:
        'Uma imagem sem tag, ou com a tag latest, muda sob o mesmo manifesto: os rollouts não são reproduzíveis e um rollback pode baixar de novo a imagem com defeito. ' +
        'Uma tag definida por uma ferramenta de build não está faltando: uma imagem que uma kustomization acima do arquivo lista em `images:` com newTag ou digest, ou que um skaffold.yaml acima do arquivo constrói, recebe sua tag ao ser implantada. Uma imagem que o arquivo não escreve por extenso (`${IMAGE}`, `{{ .Values.image }}`, `<YOUR-IMAGE>`) é examinada, mas não julgada.',
      messages: {
        latest: 'A imagem "{{image}}" usa a tag latest, que muda sob o mesmo manifesto; fixe uma versão ou um digest.',
        untagged: 'A imagem "{{image}}" não tem tag, então baixa latest; fixe uma versão ou um digest.',
      },
    },
  },
  check(model, context) {
    const workspace = workspaceOf(context);
    for (const container of model.containers) {
      const image = container.image;
      if (!image) continue;
      // A variable or placeholder ($IMAGE, <YOUR-IMAGE>, {{ .Values.image }}) is filled in by whoever applies the file: unknown.
      const unknown = !isLiteralImage(image.value);
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(unknown ? { unknown: true } : {}) });
      if (unknown || image.digest !== undefined) continue;
      if (image.tag !== undefined && image.tag !== 'latest') continue;
      if (workspace.imageTagSupplied(model.path, image.name)) continue;
      if (image.tag === 'latest') {
        context.report({ span: subSpan(model.text, image.node, image.value.length - image.tag.length, image.tag.length), messageId: 'latest', data: { image: image.value } });
      } else context.report({ span: image.span, messageId: 'untagged', data: { image: image.value } });
    }
  },
});
