import { defineRule } from '../../server/src/engine/rule';
import { imageFamily, stageLineage, type DockerfileModel } from '../../server/src/kinds/dockerfile/model';

const DEFAULT_PORT = 8080;

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/healthcheck',
    kind: 'dockerfile',
    title: 'Declare a HEALTHCHECK',
    description:
      'The final stage must declare a HEALTHCHECK (not HEALTHCHECK NONE); without one Docker, Compose and Swarm report a hung process as healthy and never restart or route around it.',
    checklistItem: 'deployment/docker-health-checks',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'The final stage declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes the service.',
      disabled: 'HEALTHCHECK NONE turns off health checking for the image, so a hung container still looks healthy; replace it with a HEALTHCHECK that probes the service.',
    },
    fixTitles: {
      replaceNone: 'Replace HEALTHCHECK NONE with an HTTP probe',
      addHealthcheck: 'Add a HEALTHCHECK that probes /health',
    },
    examples: {
      bad: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]',
      good:
        'FROM node:20-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\\n  CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]',
    },
    ptBR: {
      title: 'Declarar um HEALTHCHECK',
      description:
        'O estágio final deve declarar um HEALTHCHECK (não HEALTHCHECK NONE); sem ele, Docker, Compose e Swarm consideram saudável um processo travado e nunca o reiniciam nem desviam o tráfego.',
      messages: {
        missing: 'O estágio final não declara HEALTHCHECK, então um container travado continua parecendo saudável; adicione um HEALTHCHECK que verifique o serviço.',
        disabled: 'HEALTHCHECK NONE desliga a verificação de saúde da imagem, então um container travado continua parecendo saudável; troque-o por um HEALTHCHECK que verifique o serviço.',
      },
      fixTitles: {
        replaceNone: 'Trocar HEALTHCHECK NONE por uma verificação HTTP',
        addHealthcheck: 'Adicionar um HEALTHCHECK que verifica /health',
      },
    },
  },
  check(model, context) {
    const stage = model.finalStage;
    if (!stage) return;
    const lineage = stageLineage(stage);
    // The image keeps the last HEALTHCHECK of its own stage, else the one inherited from a parent stage.
    const healthcheck = lineage.map((candidate) => candidate.healthchecks[candidate.healthchecks.length - 1]).find(Boolean);
    if (healthcheck && healthcheck.args[0]?.text.toUpperCase() !== 'NONE') return;

    const family = imageFamily(stage);
    const port = lineage.flatMap((candidate) => candidate.exposes).flatMap((expose) => expose.ports)[0]?.port ?? DEFAULT_PORT;
    const eol = context.lines.eol;
    // Alpine ships BusyBox wget but no curl; Debian-based runtime images usually have curl. Images
    // without a shell (distroless, scratch) need a probe binary of their own, so no fix is guessed.
    const probe = family === 'alpine' ? `wget -qO- http://localhost:${port}/health || exit 1` : `curl -f http://localhost:${port}/health || exit 1`;
    const options = '--interval=30s --timeout=3s --start-period=5s --retries=3';
    const fixable = family !== 'distroless';

    if (healthcheck && lineage[0].healthchecks.includes(healthcheck)) {
      const indent = context.lines.indentAt(healthcheck.argumentsSpan.start);
      context.report({
        span: healthcheck.argumentsSpan,
        messageId: 'disabled',
        fixTitleId: 'replaceNone',
        fix: fixable ? (fixer) => fixer.replace(healthcheck.argumentsSpan, `${options} \\${eol}${indent}  CMD ${probe}`) : undefined,
      });
      return;
    }

    const anchors = [stage.cmd, stage.entrypoint].filter((node) => node !== undefined);
    const anchor = anchors.sort((a, b) => a.span.start - b.span.start)[0];
    context.report({
      span: stage.from.span,
      messageId: 'missing',
      fixTitleId: 'addHealthcheck',
      fix: fixable
        ? (fixer) => {
            if (anchor) {
              const indent = context.lines.indentAt(anchor.span.start);
              return fixer.insertAt(anchor.span.start, `HEALTHCHECK ${options} \\${eol}${indent}  CMD ${probe}${eol}${indent}`);
            }
            const text = model.text;
            const needsBreak = text.length > 0 && !text.endsWith('\n');
            return fixer.insertAt(text.length, `${needsBreak ? eol : ''}HEALTHCHECK ${options} \\${eol}  CMD ${probe}${eol}`);
          }
        : undefined,
    });
  },
});
