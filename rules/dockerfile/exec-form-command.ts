import { defineRule } from '../../server/src/engine/rule';
import type { CommandNode, DockerfileModel } from '../../server/src/kinds/dockerfile/model';

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/exec-form-command',
    kind: 'dockerfile',
    title: 'Use the exec form for CMD and ENTRYPOINT',
    description:
      'CMD and ENTRYPOINT should be JSON arrays; the shell form runs the process under `/bin/sh -c`, which may not forward SIGTERM, so `docker stop` and rolling deploys wait out the timeout and kill the process mid-request.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      shell: '{{keyword}} uses the shell form, so the process runs under /bin/sh and may never receive SIGTERM; write it as a JSON array (exec form).',
      malformed: '{{keyword}} looks like the exec form but is not valid JSON, so Docker runs the text through /bin/sh; write a JSON array with double-quoted strings.',
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
        'CMD e ENTRYPOINT devem ser arrays JSON; a forma shell roda o processo sob `/bin/sh -c`, que pode não repassar o SIGTERM, então `docker stop` e deploys graduais esperam o timeout e matam o processo no meio de uma requisição.',
      messages: {
        shell: '{{keyword}} usa a forma shell, então o processo roda sob /bin/sh e pode nunca receber o SIGTERM; escreva-o como um array JSON (forma exec).',
        malformed: '{{keyword}} parece a forma exec mas não é JSON válido, então o Docker executa o texto via /bin/sh; escreva um array JSON com strings entre aspas duplas.',
      },
      fixTitles: {
        execForm: 'Reescrever como array JSON (forma exec)',
      },
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
      const command = instruction as CommandNode;
      if (command.form === 'exec' || command.commands.length === 0) continue;
      const data = { keyword: command.keyword };
      if (command.malformedExec) {
        context.report({ span: command.argumentsSpan, messageId: 'malformed', data });
        continue;
      }
      const [only] = command.commands;
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
  },
});
