import { defineRule } from '../../server/src/engine/rule';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { validateCompose } from '../../server/src/kinds/compose/validate';

/** The message for a value of the wrong type, from the JSON types the specification allows there. */
function typeMessage(types: string[]): string {
  const map = types.includes('object');
  const list = types.includes('array');
  if (map && list) return 'typeMapOrList';
  if (map) return types.includes('string') ? 'typeMapOrString' : 'typeMap';
  if (list) return 'typeList';
  return 'typeScalar';
}

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/schema',
    kind: 'compose',
    title: 'Follow the Compose specification',
    description:
      'Docker Compose rejects a file with an unknown key, a value of the wrong type or a missing required key before it starts anything; a misspelt key (healtcheck, mem_limits) is a setting that silently never applies in older tools.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'error',
    fixable: false,
    messages: {
      unknownKey: 'Compose does not know the key "{{detail}}" in {{path}}; check its spelling against the Compose specification.',
      unknownTopLevelKey: 'Compose does not know the top-level key "{{detail}}"; check its spelling against the Compose specification, or name it x-{{detail}} if it is an extension.',
      typeMap: 'The value of {{path}} must be a map in a Compose file; Compose rejects the file as it is.',
      typeMapOrString: 'The value of {{path}} must be a map or a string in a Compose file; Compose rejects the file as it is.',
      typeMapOrList: 'The value of {{path}} must be a map or a list in a Compose file; Compose rejects the file as it is.',
      typeList: 'The value of {{path}} must be a list in a Compose file; Compose rejects the file as it is.',
      typeScalar: 'The value of {{path}} must be a single value, not a map or a list, in a Compose file; Compose rejects the file as it is.',
      enum: 'The value of {{path}} is not one Compose accepts; Compose rejects the file as it is.',
      required: '{{path}} lacks the key "{{detail}}", which Compose requires; add it.',
      shape: 'The value of {{path}} does not have the shape the Compose specification gives it ({{detail}}); fix it so Compose accepts the file.',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    healtcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]\n',
    },
    ptBR: {
      title: 'Seguir a especificação do Compose',
      description:
        'O Docker Compose rejeita um arquivo com uma chave desconhecida, um valor do tipo errado ou uma chave obrigatória ausente antes de iniciar qualquer coisa; uma chave escrita errado (healtcheck, mem_limits) é uma configuração que nunca se aplica em ferramentas antigas.',
      messages: {
        unknownKey: 'O Compose não conhece a chave "{{detail}}" em {{path}}; confira a grafia na especificação do Compose.',
        unknownTopLevelKey: 'O Compose não conhece a chave de primeiro nível "{{detail}}"; confira a grafia na especificação do Compose, ou chame-a de x-{{detail}} se for uma extensão.',
        typeMap: 'O valor de {{path}} precisa ser um mapa em um arquivo Compose; o Compose rejeita o arquivo como está.',
        typeMapOrString: 'O valor de {{path}} precisa ser um mapa ou uma string em um arquivo Compose; o Compose rejeita o arquivo como está.',
        typeMapOrList: 'O valor de {{path}} precisa ser um mapa ou uma lista em um arquivo Compose; o Compose rejeita o arquivo como está.',
        typeList: 'O valor de {{path}} precisa ser uma lista em um arquivo Compose; o Compose rejeita o arquivo como está.',
        typeScalar: 'O valor de {{path}} precisa ser um valor simples, não um mapa nem uma lista, em um arquivo Compose; o Compose rejeita o arquivo como está.',
        enum: 'O valor de {{path}} não é um dos que o Compose aceita; o Compose rejeita o arquivo como está.',
        required: '{{path}} não tem a chave "{{detail}}", que o Compose exige; adicione-a.',
        shape: 'O valor de {{path}} não tem a forma que a especificação do Compose define ({{detail}}); corrija-o para que o Compose aceite o arquivo.',
      },
    },
  },
  check(model, context) {
    if (!model.development) for (const service of model.services) context.inspect({ subject: 'service', span: service.nameSpan, name: service.name });
    for (const problem of validateCompose(model)) {
      const messageId =
        problem.kind === 'type' ? typeMessage(problem.detail.split(' or ')) : problem.kind === 'unknownKey' && problem.path === '' ? 'unknownTopLevelKey' : problem.kind;
      context.report({ span: problem.span, messageId, data: { path: problem.path || '/', detail: problem.detail } });
    }
  },
});
