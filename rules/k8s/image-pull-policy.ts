import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { editorFor, isLiteralImage, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString, spanOf, subSpan } from '../../server/src/kinds/kubernetes/nodes';

/** Tags that name a moving target: channels and branches (`stable`, `main-alpine`). */
const CHANNEL_TAG = /^(?:latest|stable|mainline|main|master|develop|dev|edge|nightly|canary|beta|alpha|next|current|lts|release|snapshot|rolling|testing|unstable|trunk|head)(?:[-_.].*)?$/i;
/** A version with fewer than three numbers (`7`, `1.27`, `3.12-slim`). */
const PARTIAL_VERSION = /^v?\d+(?:\.\d+)?(?:-[a-z][\w.-]*)?$/i;

/**
 * Docker Official Images (`redis`, `library/python`, `docker.io/library/node`): their partial
 * version tags follow the newest patch release. Elsewhere a two-number version (`pause:3.10`) is
 * often a release of its own, so it is not taken as moving.
 */
function isOfficialImage(name: string): boolean {
  return !name.includes('/') || /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?library\/[^/]+$/.test(name);
}

/** Whether a tag is mutable by convention: absent (latest), a channel, or a partial version of an official image. */
export function isMovingTag(name: string, tag: string | undefined): boolean {
  return tag === undefined || CHANNEL_TAG.test(tag) || (PARTIAL_VERSION.test(tag) && isOfficialImage(name));
}

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/image-pull-policy',
    kind: 'kubernetes',
    title: 'Pull moving image tags every time',
    description:
      'With imagePullPolicy IfNotPresent (the default for any tag but latest) or Never, a node keeps running whatever build of a tag it pulled first: after the tag moves, pods of the same workload run different code depending on their node. ' +
      'A tag counts as moving when it is absent or latest (Kubernetes then defaults to Always, so only an explicit IfNotPresent or Never is reported), a channel or branch (stable, main, nightly ...), or, on a Docker Official Image (redis, python, library/node), a version with fewer than three numbers (7, 1.27, 3.12-slim), which follows the newest patch release. ' +
      'A full version, a digest, or a tag a kustomization or skaffold sets is left alone.',
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
      good: 'image: redis:7.2.5\nimagePullPolicy: IfNotPresent\n',
    },
    ptBR: {
      title: 'Baixar sempre as tags de imagem móveis',
      description:
        'Com imagePullPolicy IfNotPresent (o padrão para qualquer tag exceto latest) ou Never, um nó continua executando o build de uma tag que baixou primeiro: depois que a tag muda, pods do mesmo workload executam código diferente conforme o nó. ' +
        'Uma tag conta como móvel quando está ausente ou é latest (o Kubernetes então usa Always por padrão, então só um IfNotPresent ou Never explícito é reportado), um canal ou branch (stable, main, nightly ...), ou, numa Docker Official Image (redis, python, library/node), uma versão com menos de três números (7, 1.27, 3.12-slim), que acompanha o patch mais recente. ' +
        'Uma versão completa, um digest, ou uma tag definida por uma kustomization ou pelo skaffold não são afetados.',
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
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name });
      if (image.digest !== undefined || !isLiteralImage(image.value) || !isMovingTag(image.name, image.tag)) continue;
      if (workspace.imageTagSupplied(model.path, image.name)) continue;
      const { reader } = container.pod.owner;
      const policyNode = reader.get(container.node, 'imagePullPolicy');
      const policy = scalarString(policyNode);
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
