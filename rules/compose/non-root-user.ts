import { defineRule } from '../../server/src/engine/rule';
import { inspectService, servicesToCheck } from '../../server/src/kinds/compose/checks';
import { builtImage, imageUser, isKnownNonRootImage, parseImageReference } from '../../server/src/kinds/compose/image';
import { interpolate } from '../../server/src/kinds/compose/interpolation';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { relativeTo, valueSpan } from '../../server/src/kinds/compose/services';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';

/** `root`, `0`, `root:root`, `0:0`, `root:1000`: the user part decides. */
function isRootUser(user: string): boolean {
  const name = user.split(':')[0].trim();
  return name === 'root' || name === '0';
}

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/non-root-user',
    kind: 'compose',
    title: 'Run services as a non-root user',
    description:
      "A container runs as its image's USER, root unless the image says otherwise; any escape or write bug then acts as root. Set `user:` or a non-root USER in the service's Dockerfile.",
    checklistItem: 'deployment/docker-security-context',
    severity: 'error',
    fixable: false,
    crossFile: true,
    messages: {
      root: 'Service "{{name}}" runs as {{user}}; run it as a non-root user.',
      missing: 'Service "{{name}}" sets no user and its image {{image}} runs as root; set user: to a non-root UID (and the ownership of what it writes).',
      dockerfileRoot: 'Service "{{name}}" runs as root: its Dockerfile ({{dockerfile}}) never switches to a non-root USER and the service sets no user:; add a USER to the Dockerfile or set user:.',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    user: "10001:10001"\n',
    },
    ptBR: {
      title: 'Executar serviços com usuário não-root',
      description:
        'Um container roda com o USER da sua imagem, root a menos que a imagem diga outra coisa; qualquer fuga ou falha de escrita passa a agir como root. Defina `user:` ou um USER não-root no Dockerfile do serviço.',
      messages: {
        root: 'O serviço "{{name}}" roda como {{user}}; execute-o com um usuário não-root.',
        missing: 'O serviço "{{name}}" não define user e sua imagem {{image}} roda como root; defina user: com um UID não-root (e a posse do que ele grava).',
        dockerfileRoot: 'O serviço "{{name}}" roda como root: seu Dockerfile ({{dockerfile}}) nunca muda para um USER não-root e o serviço não define user:; adicione um USER ao Dockerfile ou defina user:.',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const found = service.field('user');
      const raw = scalarString(found?.value);
      if (found && raw !== undefined) {
        const user = interpolate(raw).value;
        // `user: ${UID}` is set by the environment.
        inspectService(context, service, user === undefined);
        if (user === undefined) continue;
        if (isRootUser(user) && found.layer.model === model) context.report({ span: valueSpan(found), messageId: 'root', data: { name: service.name, user } });
        continue;
      }
      const image = builtImage(service, context.workspace);
      if (image === 'unknown') {
        inspectService(context, service, true);
        continue;
      }
      if (image) {
        const user = imageUser(image);
        inspectService(context, service);
        if (user && !user.isRoot) continue;
        // The Dockerfile's own rule reports the missing USER there; here the service is what runs as root.
        context.report({ span: service.nameSpan, messageId: 'dockerfileRoot', data: { name: service.name, dockerfile: relativeTo(model.path, image.path) } });
        continue;
      }
      const reference = service.string('image');
      const resolved = reference === undefined ? undefined : interpolate(reference).value;
      // An image a variable names, or a base service out of sight that may set the user.
      const unknown = resolved === undefined || !service.complete;
      inspectService(context, service, unknown);
      if (unknown) continue;
      if (isKnownNonRootImage(parseImageReference(resolved))) continue;
      context.report({ span: service.nameSpan, messageId: 'missing', data: { name: service.name, image: resolved } });
    }
  },
});
