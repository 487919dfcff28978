import { defineRule } from '../../server/src/engine/rule';
import { objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isUnresolved, spanOf } from '../../server/src/kinds/kubernetes/nodes';

/** A container runtime's API socket: Docker, containerd, CRI-O, cri-dockerd, the old dockershim. */
const RUNTIME_SOCKET = /(?:^|\/)(?:docker|containerd|crio|cri-dockerd|dockershim)\.sock$/;
/** Folders that hold those sockets: mounting one mounts the socket too. */
const RUNTIME_SOCKET_FOLDERS = new Set(['/var/run', '/run', '/var/run/docker', '/run/docker', '/var/run/containerd', '/run/containerd', '/var/run/crio', '/run/crio']);

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/docker-socket',
    kind: 'kubernetes',
    title: 'Do not mount the container runtime socket',
    description:
      'A pod that mounts the Docker, containerd or CRI-O socket (or the /var/run folder that holds it) with a hostPath volume can start privileged containers on the node: it has full control of the node and every pod on it. ' +
      'kube-linter\'s docker-sock and container-runtime-sock checks assert the same. A hostPath the file does not spell out (`${SOCKET}`) is looked at but not judged.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'error',
    fixable: false,
    messages: {
      mounted: 'The pod of {{kind}} "{{name}}" mounts {{path}} from the node, which gives it the container runtime\'s socket and full control of the node; remove the hostPath volume.',
    },
    examples: {
      bad: 'volumes:\n- name: docker\n  hostPath:\n    path: /var/run/docker.sock\n',
      good: 'volumes:\n- name: cache\n  emptyDir: {}\n',
    },
    ptBR: {
      title: 'Não montar o socket do runtime de containers',
      description:
        'Um pod que monta o socket do Docker, do containerd ou do CRI-O (ou a pasta /var/run que o contém) com um volume hostPath pode iniciar containers privilegiados no nó: tem controle total do nó e de todo pod nele. ' +
        'Os checks docker-sock e container-runtime-sock do kube-linter afirmam o mesmo. Um hostPath que o arquivo não escreve por extenso (`${SOCKET}`) é examinado, mas não julgado.',
      messages: {
        mounted: 'O pod de {{kind}} "{{name}}" monta {{path}} do nó, o que lhe dá o socket do runtime de containers e controle total do nó; remova o volume hostPath.',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if (!object.pod) continue;
      const unknown = object.pod.volumes.some((volume) => volume.hostPath && isUnresolved(volume.hostPath.path));
      context.inspect({ subject: 'workload', span: objectSpan(object), name: object.name, ...(unknown ? { unknown: true } : {}) });
      for (const volume of object.pod.volumes) {
        if (!volume.hostPath) continue;
        const path = volume.hostPath.path.trim().replace(/\/+$/, '') || '/';
        if (!RUNTIME_SOCKET.test(path) && !RUNTIME_SOCKET_FOLDERS.has(path)) continue;
        context.report({ span: spanOf(volume.hostPath.node)!, messageId: 'mounted', data: { kind: object.kind, name: object.name ?? '?', path: volume.hostPath.path } });
      }
    }
  },
});
