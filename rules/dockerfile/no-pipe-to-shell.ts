import { defineRule } from '../../server/src/engine/rule';
import { commandWords, programName, runCommands, SHELLS, type DockerfileModel, type RunCommand, type Word } from '../../server/src/kinds/dockerfile/model';

/** wget writes to a file unless told `-O -`; only then is there anything to pipe. */
function wgetWritesToStdout(words: readonly Word[]): boolean {
  return words.some((word, i) => {
    const next = words[i + 1]?.text;
    return (
      /^-[a-zA-Z]*O-$/.test(word.text) ||
      (/^-[a-zA-Z]*O$/.test(word.text) && (next === '-' || next === '/dev/stdout')) ||
      word.text === '--output-document=-' ||
      (word.text === '--output-document' && next === '-')
    );
  });
}

const downloads = (command: RunCommand) => command.program === 'curl' || (command.program === 'wget' && wgetWritesToStdout(command.words));

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/no-pipe-to-shell',
    kind: 'dockerfile',
    title: 'Do not pipe downloads into a shell',
    description:
      '`curl ... | sh` runs whatever the server returns at build time, unverified; the installed software also bypasses the package manager, so image scanners cannot see it. Download, verify a checksum or signature, then run. A warning: the build works until the day the server, or someone between it and you, sends something else.',
    // A clean Dockerfile does not prove that images are scanned (that is CI evidence), so the rule
    // belongs to the image-hygiene item; the catalog no longer needs to list it there by hand.
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: false,
    messages: {
      pipe: 'This RUN pipes a download from {{program}} straight into {{shell}}, running unverified code at build time; download the file, verify its checksum, then run it.',
    },
    examples: {
      bad: 'RUN curl -fsSL https://example.com/install.sh | sh',
      good:
        'RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh',
    },
    ptBR: {
      title: 'Não encadear downloads direto num shell',
      description:
        '`curl ... | sh` executa no build o que o servidor devolver, sem verificação; o software instalado também passa por fora do gerenciador de pacotes, então scanners de imagem não o enxergam. Baixe, verifique um checksum ou assinatura e só então execute. Um aviso: o build funciona até o dia em que o servidor, ou alguém no meio do caminho, enviar outra coisa.',
      messages: {
        pipe: 'Este RUN envia um download do {{program}} direto para o {{shell}}, executando código não verificado no build; baixe o arquivo, verifique o checksum e só então execute-o.',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const inspected = new Set<object>();
      for (const command of runCommands(stage)) {
        if (!downloads(command)) continue;
        if (!inspected.has(command.run)) context.inspect({ subject: 'instruction', span: command.run.span });
        inspected.add(command.run);
        const pipeline = command.run.commands;
        for (let next = command.index + 1; next < pipeline.length && pipeline[next].after === '|'; next++) {
          const shell = programName(commandWords(pipeline[next]));
          if (shell === undefined || !SHELLS.has(shell)) continue;
          context.report({
            span: { start: command.command.span.start, end: pipeline[next].span.end },
            messageId: 'pipe',
            data: { program: command.program!, shell },
          });
          break;
        }
      }
    }
  },
});
