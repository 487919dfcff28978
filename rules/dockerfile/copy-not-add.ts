import { defineRule } from '../../server/src/engine/rule';
import { resolveVariables, variablesAt, type DockerfileModel, type Word } from '../../server/src/kinds/dockerfile/model';

const REMOTE = /^(?:https?:\/\/|git:\/\/|ssh:\/\/|git@)/i;
/**
 * Archives ADD may unpack: the one thing it does that COPY cannot. Docker looks at the content, so
 * a bare `.gz`, `.bz2` or `.xz` may be a tarball too (hadolint accepts them); a `.zip` is never unpacked.
 */
const TAR_ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz|lzma)$/i;

const isPlainLocal = (source: string) => !REMOTE.test(source) && !TAR_ARCHIVE.test(source);

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/copy-not-add',
    kind: 'dockerfile',
    title: 'Use COPY for local files',
    description:
      'ADD also fetches URLs and unpacks archives, so a local ADD can silently put different content in the image than the build context shows; COPY only copies and says so. ADD of a `.zip` is reported too: Docker never unpacks zips. A source named by a build argument without a value (`ADD ${JAR_FILE} app.jar`) may be a URL or an archive: looked at, not judged. A warning, like hadolint\'s DL3020: the build is not broken, but what it copies is less predictable.',
    // What ends up in the image must be predictable for it to be optimised and scanned, which is the
    // docker-images item; it is not about the runtime security context.
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      add: 'ADD copies local files here but would also unpack archives and fetch URLs without saying so; use COPY.',
    },
    fixTitles: {
      useCopy: 'Replace ADD with COPY',
    },
    examples: {
      bad: 'ADD . /app',
      good: 'COPY . /app\nADD https://example.com/tool.tar.gz /opt/',
    },
    ptBR: {
      title: 'Usar COPY para arquivos locais',
      description:
        'ADD também baixa URLs e descompacta arquivos, então um ADD local pode colocar na imagem um conteúdo diferente do que o contexto de build mostra; COPY apenas copia, e deixa isso claro. ADD de um `.zip` também é apontado: o Docker nunca descompacta zips. Uma origem dada por um argumento de build sem valor (`ADD ${JAR_FILE} app.jar`) pode ser uma URL ou um arquivo compactado: examinada, não julgada. Um aviso, como o DL3020 do hadolint: o build não quebra, mas o que ele copia fica menos previsível.',
      messages: {
        add: 'ADD copia arquivos locais aqui, mas também descompactaria arquivos e baixaria URLs sem avisar; use COPY.',
      },
      fixTitles: {
        useCopy: 'Trocar ADD por COPY',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      for (const add of stage.adds) {
        if (add.sources.length === 0) continue;
        // Flags only ADD understands mean a remote source or an unpacked archive after all.
        if (add.flags.some((flag) => flag.name === 'checksum' || flag.name === 'keep-git-dir' || flag.name === 'unpack')) {
          context.inspect({ subject: 'instruction', span: add.span });
          continue;
        }
        // `ADD ${JAR_FILE} app.jar`: a variable the file gives no value may be a URL or an archive.
        const variables = variablesAt(stage, add.span.start);
        const sources = add.sources.map((source: Word) => resolveVariables(source.text, variables));
        const known = sources.filter((source): source is string => source !== undefined);
        const unknown = known.length < sources.length;
        if (!known.some(isPlainLocal)) {
          context.inspect({ subject: 'instruction', span: add.span, ...(unknown ? { unknown } : {}) });
          continue;
        }
        context.inspect({ subject: 'instruction', span: add.span });
        const keyword = model.text.slice(add.keywordSpan.start, add.keywordSpan.end);
        // With a URL, an archive or an unknown among the sources, COPY would change what the other sources do.
        const convertible = !unknown && known.every(isPlainLocal);
        context.report({
          span: add.keywordSpan,
          messageId: 'add',
          fixTitleId: 'useCopy',
          fix: convertible ? (fixer) => fixer.replace(add.keywordSpan, keyword === keyword.toLowerCase() ? 'copy' : 'COPY') : undefined,
        });
      }
    }
  },
});
