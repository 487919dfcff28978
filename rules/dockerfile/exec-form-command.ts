import { defineRule } from '../../server/src/engine/rule';
import { shippedStages, type CommandNode, type DockerfileModel } from '../../server/src/kinds/dockerfile/model';
import { lacksShell } from '../../server/src/kinds/dockerfile/images';

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/exec-form-command',
    kind: 'dockerfile',
    title: 'Use the exec form for CMD and ENTRYPOINT',
    description:
      'CMD and ENTRYPOINT should be JSON arrays; the shell form runs the process under `/bin/sh -c`, which may not forward SIGTERM, so `docker stop` and rolling deploys wait out the timeout and kill the process mid-request (a shell form that starts with `exec` hands PID 1 to the program and is fine). HEALTHCHECK CMD is parsed the same way, but its shell form is normal (a probe is a short-lived process that needs no signals, and `|| exit 1` needs a shell): it is reported only when it is a broken JSON array or the image has no /bin/sh. Only the stages the image is built from count: a build stage\'s commands never run as the container. A warning, like hadolint\'s DL3025: the container runs, but stops badly.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      shell: '{{keyword}} uses the shell form, so the process runs under /bin/sh and may never receive SIGTERM; write it as a JSON array (exec form).',
      malformed: '{{keyword}} looks like the exec form but is not valid JSON, so Docker runs the text through /bin/sh; write a JSON array with double-quoted strings.',
      noShell: 'HEALTHCHECK CMD uses the shell form, but this image has no /bin/sh, so the probe can never run; write it as a JSON array (exec form).',
    },
    fixTitles: {
      execForm: 'Rewrite as a JSON array (exec form)',
    },
    examples: {
      bad: 'CMD npm start',
      good: 'CMD ["npm", "start"]',
    },
    ptBR: {
      title: 'Usar a forma exec em CMD e ENTRYPOINT',
      description:
        'CMD e ENTRYPOINT devem ser arrays JSON; a forma shell roda o processo sob `/bin/sh -c`, que pode não repassar o SIGTERM, então `docker stop` e deploys graduais esperam o timeout e matam o processo no meio de uma requisição (uma forma shell que começa com `exec` entrega o PID 1 ao programa e está correta). HEALTHCHECK CMD é lido do mesmo jeito, mas a forma shell é normal ali (a verificação é um processo curto que não precisa de sinais, e `|| exit 1` precisa de um shell): só é apontada quando é um array JSON quebrado ou a imagem não tem /bin/sh. Só contam os estágios de que a imagem é feita: os comandos de um estágio de build nunca rodam como o container. Um aviso, como o DL3025 do hadolint: o container roda, mas para mal.',
      messages: {
        shell: '{{keyword}} usa a forma shell, então o processo roda sob /bin/sh e pode nunca receber o SIGTERM; escreva-o como um array JSON (forma exec).',
        malformed: '{{keyword}} parece a forma exec mas não é JSON válido, então o Docker executa o texto via /bin/sh; escreva um array JSON com strings entre aspas duplas.',
        noShell: 'HEALTHCHECK CMD usa a forma shell, mas esta imagem não tem /bin/sh, então a verificação nunca consegue rodar; escreva-a como um array JSON (forma exec).',
      },
      fixTitles: {
        execForm: 'Reescrever como array JSON (forma exec)',
      },
    },
  },
  check(model, context) {
    // A build stage's CMD, ENTRYPOINT and HEALTHCHECK never run in the image (KICS reads only the last stage too).
    const shipped = new Set(shippedStages(model));
    for (const stage of model.stages.filter((candidate) => shipped.has(candidate))) {
      const commands = stage.instructions.filter((node): node is CommandNode => node.keyword === 'CMD' || node.keyword === 'ENTRYPOINT');
      for (const command of commands) {
        context.inspect({ subject: 'instruction', span: command.span });
        if (command.form === 'exec' || command.commands.length === 0) continue;
        const data = { keyword: command.keyword };
        if (command.malformedExec) {
          context.report({ span: command.argumentsSpan, messageId: 'malformed', data });
          continue;
        }
        const [only] = command.commands;
        // `CMD exec node server.js`: the shell replaces itself with the program, which gets the signals.
        if (command.commands.length === 1 && only.words[0]?.text === 'exec') continue;
        // Operators, expansions and redirections need a shell; rewriting them as exec would change what runs.
        const convertible = command.commands.length === 1 && !only.usesShellSyntax;
        context.report({
          span: command.argumentsSpan,
          messageId: 'shell',
          data,
          fixTitleId: 'execForm',
          fix: convertible
            ? (fixer) => fixer.replace(command.argumentsSpan, `[${only.words.map((word) => JSON.stringify(word.text)).join(', ')}]`)
            : undefined,
        });
      }
      for (const healthcheck of stage.healthchecks) {
        const probe = healthcheck.probe;
        if (!probe) continue;
        context.inspect({ subject: 'instruction', span: healthcheck.span });
        if (probe.form === 'exec' || probe.commands.length === 0) continue;
        if (probe.malformedExec) context.report({ span: probe.span, messageId: 'malformed', data: { keyword: 'HEALTHCHECK CMD' } });
        else if (!stage.implicit && lacksShell(stage)) {
          const [only] = probe.commands;
          const convertible = probe.commands.length === 1 && !only.usesShellSyntax;
          context.report({
            span: probe.span,
            messageId: 'noShell',
            fixTitleId: 'execForm',
            fix: convertible ? (fixer) => fixer.replace(probe.span, `[${only.words.map((word) => JSON.stringify(word.text)).join(', ')}]`) : undefined,
          });
        }
      }
    }
  },
});
