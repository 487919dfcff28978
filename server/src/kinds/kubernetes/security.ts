/**
 * The container security checks shared by the four securityContext hardening rules
 * (k8s/read-only-root-fs, k8s/drop-capabilities, k8s/no-privilege-escalation, k8s/seccomp-profile)
 * and k8s/run-as-non-root: the effective settings, the gaps, and the one securityContext fix.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { RuleContext } from '../../engine/rule';
import type { TextEdit } from '../../engine/types';
import { CONTAINER_TOP, editorFor, runningContainers } from './checks';
import type { YamlEditor, YObject } from './edits';
import { GroupReporter } from './groups';
import type { Container, KubernetesModel } from './model';
import { isFalse, isTrue, isUnresolved, scalarString, spanOf } from './nodes';

/** A field of the container's securityContext, the resolved node. */
export function containerSecurityField(container: Container, key: string): Node | undefined {
  return container.pod.owner.reader.get(container.securityContext, key);
}

export function podSecurityField(container: Container, key: string): Node | undefined {
  return container.pod.owner.reader.get(container.pod.securityContext, key);
}

/** A container's own field, or the pod's when the container does not set it (how the kubelet resolves them). */
export function effectiveSecurityField(container: Container, key: string): Node | undefined {
  const own = containerSecurityField(container, key);
  return isScalar(own) && own.value !== null ? own : podSecurityField(container, key);
}

/** The four securityContext hardening settings (three of them the restricted Pod Security Standard's), in the order their rules run and are listed. */
export const RESTRICTED_SETTINGS = [
  { ruleId: 'k8s/read-only-root-fs', gap: 'readOnlyRootFilesystem', text: 'readOnlyRootFilesystem: true' },
  { ruleId: 'k8s/drop-capabilities', gap: 'dropAll', text: 'capabilities.drop: [ALL]' },
  { ruleId: 'k8s/no-privilege-escalation', gap: 'privilegeEscalation', text: 'allowPrivilegeEscalation: false' },
  { ruleId: 'k8s/seccomp-profile', gap: 'seccomp', text: 'seccompProfile.type: RuntimeDefault' },
] as const;

export type RestrictedGap = (typeof RESTRICTED_SETTINGS)[number]['gap'];

/** What the restricted checks find wrong in a container: the wrong value, or `{}` when the setting is missing. */
export type RestrictedGaps = Partial<Record<RestrictedGap, { value?: Node }>>;

const GOOD_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);

/** The legacy seccomp annotations' values that confine: `runtime/default`, `docker/default`, `localhost/<profile>`. */
const GOOD_SECCOMP_ANNOTATION = /^(?:runtime\/default|docker\/default|localhost\/.+)$/;

const POD_SECCOMP_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';

const CONTAINER_SECCOMP_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

/**
 * What the restricted checks find wrong in a container. A setting whose value the file does not spell
 * out (`${READ_ONLY}`, `{{ .Values.x }}`) is neither a gap nor satisfied: it is listed in `unknown`.
 */
export function restrictedGaps(container: Container): { gaps: RestrictedGaps; unknown: Set<RestrictedGap> } {
  const { reader } = container.pod.owner;
  const gaps: RestrictedGaps = {};
  const unknown = new Set<RestrictedGap>();
  const valueOf = (node: Node | undefined) => (isScalar(node) && node.value !== null ? node : undefined);
  const escalation = containerSecurityField(container, 'allowPrivilegeEscalation');
  if (isUnresolved(scalarString(escalation))) unknown.add('privilegeEscalation');
  else if (!isFalse(escalation)) gaps.privilegeEscalation = { value: valueOf(escalation) };
  const readOnly = containerSecurityField(container, 'readOnlyRootFilesystem');
  if (isUnresolved(scalarString(readOnly))) unknown.add('readOnlyRootFilesystem');
  else if (!isTrue(readOnly)) gaps.readOnlyRootFilesystem = { value: valueOf(readOnly) };
  const capabilities = reader.map(containerSecurityField(container, 'capabilities'));
  const dropSeq = reader.getSeq(capabilities, 'drop');
  const drop = reader.items(dropSeq).map(scalarString);
  if (!drop.some((capability) => capability?.toUpperCase() === 'ALL')) {
    if (drop.some(isUnresolved)) unknown.add('dropAll');
    else gaps.dropAll = { value: dropSeq };
  }
  const seccomp = effectiveSeccomp(container);
  if (!seccomp.confined) {
    if (isUnresolved(scalarString(seccomp.value))) unknown.add('seccomp');
    else gaps.seccomp = { value: seccomp.value };
  }
  return { gaps, unknown };
}

/**
 * The seccomp profile that applies to a container: its own field, its legacy annotation, the pod's
 * field, the pod's legacy annotation (the order the kubelet honoured them in while both existed).
 */
function effectiveSeccomp(container: Container): { confined: boolean; value?: Node } {
  const { reader } = container.pod.owner;
  const fromField = (map: YAMLMap | undefined) => {
    const profile = reader.getMap(map, 'seccompProfile');
    if (!profile) return undefined;
    const type = reader.get(profile, 'type');
    return { confined: GOOD_SECCOMP.has(scalarString(type) ?? ''), value: isScalar(type) && type.value !== null ? type : undefined };
  };
  const fromAnnotation = (key: string) => {
    const node = container.pod.annotationNodes.get(key);
    const value = scalarString(node);
    return value === undefined ? undefined : { confined: GOOD_SECCOMP_ANNOTATION.test(value), value: node };
  };
  return (
    fromField(container.securityContext) ??
    (container.name !== undefined ? fromAnnotation(CONTAINER_SECCOMP_ANNOTATION + container.name) : undefined) ??
    fromField(container.pod.securityContext) ??
    fromAnnotation(POD_SECCOMP_ANNOTATION) ?? { confined: false }
  );
}

/** One container securityContext edit that closes the given restricted gaps. */
export function restrictedFix(editor: YamlEditor, container: Container, gaps: readonly RestrictedGap[]): TextEdit[] | null {
  const wanted: YObject = {};
  if (gaps.includes('privilegeEscalation')) wanted.allowPrivilegeEscalation = false;
  if (gaps.includes('readOnlyRootFilesystem')) wanted.readOnlyRootFilesystem = true;
  if (gaps.includes('dropAll')) wanted.capabilities = { drop: ['ALL'] };
  if (gaps.includes('seccomp')) wanted.seccompProfile = { type: 'RuntimeDefault' };
  if (Object.keys(wanted).length === 0) return null;
  return editor.merge(container.node, { securityContext: wanted }, CONTAINER_TOP);
}

/**
 * The shared check of the four securityContext hardening rules. A wrong value is reported by its own rule
 * at the value. Missing settings of one container are one finding (see groups.ts), on the
 * container's name, whose fix adds every setting it names.
 */
export function checkRestrictedGap(model: KubernetesModel, context: RuleContext<KubernetesModel>, gapName: RestrictedGap): void {
  const self = RESTRICTED_SETTINGS.find((setting) => setting.gap === gapName)!;
  const group = new GroupReporter(context, RESTRICTED_SETTINGS.map((setting) => setting.ruleId), self.ruleId);
  for (const container of runningContainers(model)) {
    const { gaps, unknown } = restrictedGaps(container);
    context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(unknown.has(gapName) ? { unknown: true } : {}) });
    const gap = gaps[gapName];
    if (!gap) continue;
    const name = container.name ?? '?';
    const allGaps = RESTRICTED_SETTINGS.filter((setting) => gaps[setting.gap]).map((setting) => setting.gap);
    if (gap.value) {
      context.report({
        span: spanOf(gap.value) ?? container.nameSpan,
        messageId: 'wrong',
        data: { name, value: scalarString(gap.value) ?? '' },
        fixTitleId: 'harden',
        fix: () => restrictedFix(editorFor(context), container, allGaps),
      });
      continue;
    }
    const open = RESTRICTED_SETTINGS.filter((setting) => gaps[setting.gap] && !gaps[setting.gap]!.value);
    group.report({
      span: container.nameSpan,
      open: open.map((setting) => setting.ruleId),
      single: { span: container.nameSpan, messageId: 'missing', data: { name }, fixTitleId: 'harden', fix: () => restrictedFix(editorFor(context), container, [gapName]) },
      grouped: (members) => {
        const settings = open.filter((setting) => members.includes(setting.ruleId));
        return {
          span: container.nameSpan,
          messageId: 'grouped',
          data: { name, settings: settings.map((setting) => setting.text).join(', ') },
          fixTitleId: 'harden',
          fix: () => restrictedFix(editorFor(context), container, settings.map((setting) => setting.gap)),
        };
      },
    });
  }
}

/** How the restricted-profile rules group their findings, for their descriptions (and so their doc pages). */
export const RESTRICTED_GROUP_DOC = {
  en:
    'Three of the four securityContext hardening settings are required by the restricted Pod Security Standard (capabilities.drop: [ALL], allowPrivilegeEscalation: false, a RuntimeDefault or Localhost seccomp profile); readOnlyRootFilesystem: true is not, but kube-linter, Polaris and kube-score ask for it. ' +
    'When several of the four (k8s/read-only-root-fs, k8s/drop-capabilities, k8s/no-privilege-escalation, k8s/seccomp-profile) are missing from one container, ' +
    'they are one finding on the container name, naming every missing setting, with one fix that adds them all; it is reported under the first of those rules (in that order) that is enabled. ' +
    'A `readiness-ignore` comment for any of the four ids leaves that setting out of the finding and out of the fix; a rule switched off in settings is left out, and the next enabled one reports. An explicit wrong value is its own finding, at the value; a value the file does not spell out (`${READ_ONLY}`) is looked at but not judged.',
  pt:
    'Três das quatro configurações de endurecimento do securityContext são exigidas pelo Pod Security Standard restricted (capabilities.drop: [ALL], allowPrivilegeEscalation: false, um perfil seccomp RuntimeDefault ou Localhost); readOnlyRootFilesystem: true não é, mas o kube-linter, o Polaris e o kube-score o pedem. ' +
    'Quando faltam a um container várias das quatro (k8s/read-only-root-fs, k8s/drop-capabilities, k8s/no-privilege-escalation, k8s/seccomp-profile), ' +
    'elas formam um único achado no nome do container, que cita cada configuração ausente, com uma correção que adiciona todas; ele é reportado pela primeira dessas regras (nessa ordem) que está ativa. ' +
    'Um comentário `readiness-ignore` para qualquer um dos quatro ids deixa essa configuração fora do achado e da correção; uma regra desligada nas configurações fica de fora, e a próxima ativa reporta. Um valor explícito errado é um achado próprio, no valor; um valor que o arquivo não escreve por extenso (`${READ_ONLY}`) é examinado, mas não julgado.',
};
