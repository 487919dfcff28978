import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { editorFor, inspectService, ownNode, servicesToCheck } from '../../server/src/kinds/compose/checks';
import { interpolate, mayBeEmpty } from '../../server/src/kinds/compose/interpolation';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { isNull, valueSpan } from '../../server/src/kinds/compose/services';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/log-rotation',
    kind: 'compose',
    title: 'Rotate container logs',
    description:
      "Docker's default json-file log driver keeps every line a container writes, without a size limit, until the disk is full; set max-size and max-file (the local driver rotates by itself).",
    checklistItem: 'monitoring/log-retention',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      default: 'Service "{{name}}" logs with the default json-file driver, which never rotates, so its logs grow until the disk is full; set logging.options.max-size and max-file.',
      noMaxSize: 'Service "{{name}}" logs with json-file without max-size, so its logs grow until the disk is full; set logging.options.max-size and max-file.',
    },
    fixTitles: {
      rotate: 'Rotate the logs of {{name}} (json-file, 10m x 3)',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    logging:\n      driver: "json-file"\n      options:\n        max-size: "10m"\n        max-file: "3"\n',
    },
    ptBR: {
      title: 'Rotacionar os logs dos containers',
      description:
        'O driver de log padrão do Docker, json-file, guarda toda linha que o container escreve, sem limite de tamanho, até o disco encher; defina max-size e max-file (o driver local rotaciona sozinho).',
      messages: {
        default: 'O serviço "{{name}}" registra logs com o driver padrão json-file, que nunca rotaciona, então os logs crescem até encher o disco; defina logging.options.max-size e max-file.',
        noMaxSize: 'O serviço "{{name}}" registra logs com json-file sem max-size, então os logs crescem até encher o disco; defina logging.options.max-size e max-file.',
      },
      fixTitles: {
        rotate: 'Rotacionar os logs de {{name}} (json-file, 10m x 3)',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context, { alwaysRunning: true })) {
      const driverField = service.path('logging', 'driver');
      const driverRaw = scalarString(driverField?.value);
      const driver = driverRaw === undefined ? (driverField && !isNull(driverField.value) ? undefined : 'json-file') : interpolate(driverRaw).value;
      // Another driver (local rotates by itself; syslog, journald, fluentd ship elsewhere) or one a variable picks.
      if (driver !== 'json-file') {
        inspectService(context, service, driver === undefined);
        continue;
      }
      const maxSize = service.path('logging', 'options', 'max-size')?.value;
      if (!isNull(maxSize)) {
        // `max-size: ${LOG_MAX_SIZE}` may set nothing.
        inspectService(context, service, mayBeEmpty(scalarString(maxSize) ?? 'set'));
        continue;
      }
      // A base service out of sight may set the logging options.
      inspectService(context, service, !service.complete);
      if (!service.complete) continue;
      const explicit = driverField !== undefined && isScalar(driverField.value);
      context.report({
        span: explicit ? valueSpan(driverField) : service.nameSpan,
        messageId: explicit ? 'noMaxSize' : 'default',
        data: { name: service.name },
        fixTitleId: 'rotate',
        fix: () => {
          const node = ownNode(context, service);
          if (!node) return null;
          // Only what is missing: a max-file the file already chose stays.
          const options = { 'max-size': '"10m"', ...(service.path('logging', 'options', 'max-file') ? {} : { 'max-file': '"3"' }) };
          return editorFor(context).merge(node, { logging: { ...(explicit ? {} : { driver: '"json-file"' }), options } });
        },
      });
    }
  },
});
