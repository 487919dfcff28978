import { defineRule } from '../../server/src/engine/rule';
import { insertsInstructions, isRootUser, resolveVariables, rootStage, stageLineage, variablesAt, type DockerfileModel } from '../../server/src/kinds/dockerfile/model';
import { imageFamily, runsAsNonRootByDefault } from '../../server/src/kinds/dockerfile/images';
import { baseImageReason, privilegeDrop } from '../../server/src/kinds/dockerfile/purpose';

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/non-root-user',
    kind: 'dockerfile',
    title: 'Run the container as a non-root user',
    description:
      'The final stage must run as a non-root USER; a process running as root turns any container escape or file-write bug into root on the node. `USER root`, `USER 0` (in any spelling: `000`, `+0`), `USER root:root` as the last USER of the final stage is reported at that line (also on scratch); only the final stage counts, a build stage may run as root. A final stage that inherits a non-root user (from the stage it builds on, or from an image documented to set one: distroless `:nonroot`, Chainguard, nginx-unprivileged, Bitnami) is fine. An entrypoint that drops privileges (gosu, su-exec, setpriv with a user and a command) is a decision, reported as information only: everything before the switch runs as root, and Kubernetes `runAsNonRoot` rejects such an image. What the file cannot show is looked at but not judged: `USER $APP_USER` without a known value, `FROM $IMAGE`, scratch without a USER, and base images (ONBUILD, an interpreter or a packaged server on a bare OS image, packages added to another image), whose user is decided where they are deployed. An error: root in production is a security hole, not a style choice.',
    checklistItem: 'deployment/docker-security-context',
    severity: 'error',
    fixable: true,
    messages: {
      missing: 'The final stage never switches to a non-root USER, so the container runs as root; add a USER before CMD/ENTRYPOINT.',
      root: 'The last USER of the final stage is {{user}}, so the container runs as root; switch to a non-root user.',
      inheritedRoot: 'The final stage inherits USER {{user}} from stage {{stage}}, so the container runs as root; add a non-root USER.',
      dropsPrivileges: 'The container starts as root and drops to another user with {{program}}, so everything before the switch runs as root and Kubernetes runAsNonRoot rejects the image; prefer a USER where the image allows it.',
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
        'O estágio final deve rodar com um USER não-root; um processo como root transforma qualquer fuga do container ou falha de escrita em root no nó. `USER root`, `USER 0` (em qualquer grafia: `000`, `+0`), `USER root:root` como último USER do estágio final é apontado nessa linha (também em scratch); só o estágio final conta, um estágio de build pode rodar como root. Um estágio final que herda um usuário não-root (do estágio em que se baseia, ou de uma imagem documentada por defini-lo: distroless `:nonroot`, Chainguard, nginx-unprivileged, Bitnami) está correto. Um entrypoint que reduz privilégios (gosu, su-exec, setpriv com um usuário e um comando) é uma decisão, apontada só como informação: tudo antes da troca roda como root, e o `runAsNonRoot` do Kubernetes rejeita essa imagem. O que o arquivo não mostra é examinado mas não julgado: `USER $APP_USER` sem valor conhecido, `FROM $IMAGE`, scratch sem USER e imagens base (ONBUILD, um interpretador ou um servidor empacotado sobre um SO puro, pacotes somados a outra imagem), cujo usuário é decidido onde são implantadas. Um erro: root em produção é uma falha de segurança, não uma questão de estilo.',
      messages: {
        missing: 'O estágio final nunca muda para um USER não-root, então o container roda como root; adicione um USER antes de CMD/ENTRYPOINT.',
        root: 'O último USER do estágio final é {{user}}, então o container roda como root; mude para um usuário não-root.',
        inheritedRoot: 'O estágio final herda o USER {{user}} do estágio {{stage}}, então o container roda como root; adicione um USER não-root.',
        dropsPrivileges: 'O container inicia como root e passa para outro usuário com {{program}}, então tudo antes da troca roda como root e o runAsNonRoot do Kubernetes rejeita a imagem; prefira um USER onde a imagem permitir.',
      },
      fixTitles: {
        addUser: 'Criar um usuário sem privilégios e usá-lo',
      },
    },
  },
  check(model, context) {
    const stage = model.finalStage;
    if (!stage) return;
    const inspect = (unknown?: boolean) => context.inspect({ subject: 'image', span: stage.from.span, ...(unknown ? { unknown } : {}) });
    // A stage built FROM an earlier stage runs as that stage's last USER unless it switches again.
    const lineage = stageLineage(stage);
    const lastUser = lineage.map((current) => current.users[current.users.length - 1]).find((user) => user !== undefined);
    let inheritedRoot = false;
    if (lastUser) {
      // `USER $APP_USER`: the user is whatever the variable holds, which the file may not show.
      const owner = lineage.find((current) => current.users.includes(lastUser))!;
      const user = resolveVariables(lastUser.user, variablesAt(owner, lastUser.span.start));
      if (user === undefined) {
        inspect(true);
        return;
      }
      const isRoot = isRootUser(user);
      if (isRoot && owner === stage) {
        inspect();
        context.report({ span: lastUser.userSpan, messageId: 'root', data: { user: lastUser.user } });
        return;
      }
      // A fragment without FROM may still switch user further down.
      if (stage.implicit) return;
      inspect();
      if (!isRoot) return;
      inheritedRoot = true;
    } else {
      if (stage.implicit) return;
      // Scratch (no user database, usually one static binary), an image an ARG leaves open, and
      // base images (their user is decided where they are deployed) are looked at, not judged.
      if (stage.from.isScratch || rootStage(stage).from.resolvedImage.includes('$') || baseImageReason(model)) {
        inspect(true);
        return;
      }
      inspect();
      if (runsAsNonRootByDefault(rootStage(stage).from)) return;
    }
    const drop = privilegeDrop(model);
    if (drop) {
      // A decision, not an oversight: reported at most as information, with no fix (gosu needs root to switch).
      context.report({ span: drop.node.span, messageId: 'dropsPrivileges', data: { program: drop.program }, atMost: 'information' });
      return;
    }
    const anchor = stage.entrypoint ?? stage.cmd;
    const insertAt = anchor ? Math.min(anchor.span.start, stage.cmd?.span.start ?? Infinity, stage.entrypoint?.span.start ?? Infinity) : undefined;
    context.report({
      ...(inheritedRoot && lastUser
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
