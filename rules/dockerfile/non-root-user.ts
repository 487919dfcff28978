import { defineRule } from '../../server/src/engine/rule';
import { insertsInstructions, rootStage, stageLineage, type DockerfileModel } from '../../server/src/kinds/dockerfile/model';
import { imageFamily, runsAsNonRootByDefault } from '../../server/src/kinds/dockerfile/images';
import { baseImageReason, dropsPrivileges } from '../../server/src/kinds/dockerfile/purpose';

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/non-root-user',
    kind: 'dockerfile',
    title: 'Run the container as a non-root user',
    description:
      'The final stage must run as a non-root USER; a process running as root turns any container escape or file-write bug into root on the node. `USER root`, `USER 0`, `USER root:root` as the last USER of the final stage is reported at that line (also on scratch); only the final stage counts, a build stage may run as root. A final stage that inherits a non-root user (from the stage it builds on, or from an image documented to set one: distroless `:nonroot`, Chainguard, nginx-unprivileged, Bitnami) is fine, and so is an image whose entrypoint drops privileges (gosu, su-exec, setpriv). Base images (ONBUILD, an interpreter or a packaged server on a bare OS image, packages added to another image) leave the user to the image that deploys them. An error: root in production is a security hole, not a style choice.',
    checklistItem: 'deployment/docker-security-context',
    severity: 'error',
    fixable: true,
    messages: {
      missing: 'The final stage never switches to a non-root USER, so the container runs as root; add a USER before CMD/ENTRYPOINT.',
      root: 'The last USER of the final stage is {{user}}, so the container runs as root; switch to a non-root user.',
      inheritedRoot: 'The final stage inherits USER {{user}} from stage {{stage}}, so the container runs as root; add a non-root USER.',
    },
    fixTitles: {
      addUser: 'Create an unprivileged user and switch to it',
    },
    examples: {
      bad: 'FROM node:20-slim\nCMD ["node", "server.js"]',
      good: 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]',
    },
    ptBR: {
      title: 'Executar o container com usuário não-root',
      description:
        'O estágio final deve rodar com um USER não-root; um processo como root transforma qualquer fuga do container ou falha de escrita em root no nó. `USER root`, `USER 0`, `USER root:root` como último USER do estágio final é apontado nessa linha (também em scratch); só o estágio final conta, um estágio de build pode rodar como root. Um estágio final que herda um usuário não-root (do estágio em que se baseia, ou de uma imagem documentada por defini-lo: distroless `:nonroot`, Chainguard, nginx-unprivileged, Bitnami) está correto, assim como uma imagem cujo entrypoint reduz privilégios (gosu, su-exec, setpriv). Imagens base (ONBUILD, um interpretador ou um servidor empacotado sobre um SO puro, pacotes somados a outra imagem) deixam o usuário para a imagem que as implanta. Um erro: root em produção é uma falha de segurança, não uma questão de estilo.',
      messages: {
        missing: 'O estágio final nunca muda para um USER não-root, então o container roda como root; adicione um USER antes de CMD/ENTRYPOINT.',
        root: 'O último USER do estágio final é {{user}}, então o container roda como root; mude para um usuário não-root.',
        inheritedRoot: 'O estágio final herda o USER {{user}} do estágio {{stage}}, então o container roda como root; adicione um USER não-root.',
      },
      fixTitles: {
        addUser: 'Criar um usuário sem privilégios e usá-lo',
      },
    },
  },
  check(model, context) {
    const stage = model.finalStage;
    if (!stage) return;
    // A stage built FROM an earlier stage runs as that stage's last USER unless it switches again.
    const lastUser = stageLineage(stage)
      .map((current) => current.users[current.users.length - 1])
      .find((user) => user !== undefined);
    if (lastUser && lastUser.isRoot && stage.users.includes(lastUser)) {
      context.inspect({ subject: 'image', span: stage.from.span });
      context.report({ span: lastUser.userSpan, messageId: 'root', data: { user: lastUser.user } });
      return;
    }
    // A fragment without FROM may still switch user further down; scratch has no users to switch to.
    if (stage.implicit || (!lastUser && stage.from.isScratch)) return;
    if (!lastUser && baseImageReason(model)) return;
    context.inspect({ subject: 'image', span: stage.from.span });
    if (lastUser && !lastUser.isRoot) return;
    if (!lastUser && runsAsNonRootByDefault(rootStage(stage).from)) return;
    if (dropsPrivileges(model)) return;
    const anchor = stage.entrypoint ?? stage.cmd;
    const insertAt = anchor ? Math.min(anchor.span.start, stage.cmd?.span.start ?? Infinity, stage.entrypoint?.span.start ?? Infinity) : undefined;
    context.report({
      ...(lastUser
        ? { span: stage.from.imageSpan, messageId: 'inheritedRoot', data: { user: lastUser.user, stage: stage.from.name } }
        : { span: stage.from.span, messageId: 'missing' }),
      fixTitleId: 'addUser',
      fix: (fixer) => {
        const eol = context.lines.eol;
        const family = imageFamily(stage);
        const create =
          family === 'alpine'
            ? 'RUN addgroup -S app && adduser -S -G app -u 10001 app'
            : family === 'distroless'
              ? undefined
              : 'RUN groupadd --system app && useradd --system --gid app --uid 10001 --no-create-home app';
        const user = family === 'distroless' ? 'USER 65532:65532' : 'USER app';
        const block = (create ? create + eol : '') + user + eol;
        const at = insertAt ?? model.text.length;
        const needsBreak = insertAt === undefined && at > 0 && !model.text.endsWith('\n');
        const inserted = (needsBreak ? eol : '') + block;
        return insertsInstructions(model, at, inserted, create ? 2 : 1) ? fixer.insertAt(at, inserted) : null;
      },
    });
  },
});
