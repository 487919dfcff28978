import { defineRule } from '../../server/src/engine/rule';
import { firstOperandIndex, runCommands, type DockerfileModel, type RunCommand } from '../../server/src/kinds/dockerfile/model';

const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'make', 'tsc']);
const MAVEN_GOALS = new Set(['package', 'install', 'verify']);
const GRADLE_TASKS = new Set(['build', 'assemble', 'bootjar', 'jar', 'shadowjar', 'installdist']);

/** The operands of a command (words that are not options), lower-cased. */
const operands = (command: RunCommand) => command.words.slice(1).filter((word) => !word.text.startsWith('-')).map((word) => word.text.toLowerCase());

function isBuild(command: RunCommand): boolean {
  const { program, words } = command;
  if (program === undefined) return false;
  if (COMPILERS.has(program)) return true;
  const first = firstOperandIndex(words, 1);
  const sub = first >= 0 ? words[first].text.toLowerCase() : '';
  const script = first >= 0 ? (words[firstOperandIndex(words, first + 1)]?.text ?? '') : '';
  switch (program) {
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun':
      if (sub === 'run' || sub === 'run-script') return /^build(?::|$)/.test(script);
      return program !== 'npm' && /^build(?::|$)/.test(sub);
    case 'npx':
      return sub === 'tsc';
    case 'go':
    case 'cargo':
      return sub === 'build';
    case 'mvn':
    case 'mvnw':
      return operands(command).some((goal) => MAVEN_GOALS.has(goal));
    case 'gradle':
    case 'gradlew':
      return operands(command).some((task) => GRADLE_TASKS.has(task));
    case 'dotnet':
      return sub === 'publish' || sub === 'build';
    case 'cmake':
      return words.some((word) => word.text === '--build');
    default:
      return false;
  }
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/multi-stage-build',
    kind: 'dockerfile',
    title: 'Build in a separate stage',
    description:
      'A Dockerfile that compiles or bundles its application should do so in a build stage and copy only the output into a slim runtime stage; a single stage ships compilers, sources and dev dependencies to production.',
    checklistItem: 'deployment/docker-multi-stage-builds',
    severity: 'warning',
    fixable: false,
    messages: {
      singleStage: 'This single-stage Dockerfile builds the application here, so the toolchain and sources ship in the image; build in a separate stage and COPY --from it only the output.',
    },
    examples: {
      bad: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/main.js"]',
      good:
        'FROM node:20 AS build\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20-slim\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/main.js"]',
    },
    ptBR: {
      title: 'Compilar em um estágio separado',
      description:
        'Um Dockerfile que compila ou empacota sua aplicação deve fazê-lo em um estágio de build e copiar só o resultado para um estágio de runtime enxuto; um estágio único leva compiladores, código-fonte e dependências de desenvolvimento para produção.',
      messages: {
        singleStage:
          'Este Dockerfile de estágio único compila a aplicação aqui, então o toolchain e o código-fonte vão para a imagem; compile em um estágio separado e copie dele só o resultado com COPY --from.',
      },
    },
  },
  check(model, context) {
    if (model.stages.length !== 1) return;
    const build = runCommands(model.stages[0]).find(isBuild);
    if (build) context.report({ span: build.command.span, messageId: 'singleStage' });
  },
});
