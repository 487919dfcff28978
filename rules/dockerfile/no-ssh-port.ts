import { defineRule } from '../../server/src/engine/rule';
import { resolveVariables, variablesAt, type DockerfileModel } from '../../server/src/kinds/dockerfile/model';

const SSH_PORT = 22;

/** `22`, `22/tcp`, or a TCP range that contains 22 (`20-30`); UDP and variables are something else. */
function exposesSsh(text: string): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(text);
  if (!match || (match[3] && match[3].toLowerCase() !== 'tcp')) return false;
  const low = Number(match[1]);
  const high = match[2] ? Number(match[2]) : low;
  return low <= SSH_PORT && SSH_PORT <= high;
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/no-ssh-port',
    kind: 'dockerfile',
    title: 'Do not expose the SSH port',
    description:
      'EXPOSE 22 says the image runs an SSH server: a second way into the container, with keys or passwords to manage and rotate, next to `docker exec` and `kubectl exec` that need neither (checkov CKV_DOCKER_1). Drop sshd and the EXPOSE; use exec, or a bastion for the host. `EXPOSE $PORT` is judged by the value the file gives the variable, else looked at, not judged. EXPOSE itself opens nothing, so this is a warning, not an error: the finding is the daemon it announces.',
    checklistItem: 'deployment/docker-security-context',
    severity: 'warning',
    fixable: false,
    messages: {
      ssh: 'EXPOSE {{port}} announces an SSH server in the container, a remote login to secure and keep patched; remove sshd and use docker exec or kubectl exec instead.',
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]',
      good: 'FROM debian:12-slim\nEXPOSE 8080\nCMD ["/app/server"]',
    },
    ptBR: {
      title: 'Não expor a porta SSH',
      description:
        'EXPOSE 22 diz que a imagem roda um servidor SSH: uma segunda porta de entrada no container, com chaves ou senhas para gerenciar e rotacionar, ao lado de `docker exec` e `kubectl exec`, que não precisam de nada disso (CKV_DOCKER_1 do checkov). Remova o sshd e o EXPOSE; use exec, ou um bastion para o host. `EXPOSE $PORT` é julgado pelo valor que o arquivo dá à variável; sem ele, é examinado, não julgado. O EXPOSE em si não abre nada, então é um aviso e não um erro: o problema é o daemon que ele anuncia.',
      messages: {
        ssh: 'EXPOSE {{port}} anuncia um servidor SSH no container, um login remoto a proteger e manter atualizado; remova o sshd e use docker exec ou kubectl exec.',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      for (const expose of stage.exposes) {
        if (expose.args.length === 0) continue;
        // `EXPOSE $PORT`: the port the file gives the variable, or unknown.
        const variables = variablesAt(stage, expose.span.start);
        const ports = expose.args.map((word) => ({ word, port: word.text.includes('$') ? resolveVariables(word.text, variables) : word.text }));
        const ssh = ports.filter(({ port }) => port !== undefined && exposesSsh(port));
        const unknown = ssh.length === 0 && ports.some(({ port }) => port === undefined);
        context.inspect({ subject: 'instruction', span: expose.span, ...(unknown ? { unknown } : {}) });
        for (const { word, port } of ssh) context.report({ span: word.span, messageId: 'ssh', data: { port: port! } });
      }
    }
  },
});
