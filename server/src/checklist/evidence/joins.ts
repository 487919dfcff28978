/**
 * Evidence that needs two files: a Service and the workload it selects, a ConfigMap and the
 * workload that mounts it, a KMS key and the resource that uses it, a remote state backend and the
 * pipeline that applies it. Detectors record facts per file (kept by the server's per-file cache
 * under `fact:` keys); the joins here combine them on every checklist computation, which is cheap
 * (facts are small) and linear in their number.
 */
import type { Locale } from '../../i18n';
import type { Localized } from '../catalog';
import type { EvidenceHit } from '../types';
import { FACT_PREFIX, loc } from './source';

interface JoinHit {
  item: string;
  what: Localized;
  at: EvidenceHit;
}

export interface Join {
  id: string;
  title: string;
  heuristic: string;
  hint: Localized;
  proves: Record<string, Localized>;
  join(facts: (name: string) => EvidenceHit[], evidence: ReadonlyMap<string, EvidenceHit[]>): JoinHit[];
}

const list = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const field = (hit: EvidenceHit, name: string): string => {
  const value = hit.fact?.[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
};

const kmsRotation: Join = {
  id: 'kms-rotation',
  title: 'Rotated KMS keys in use',
  hint: loc('Create the KMS keys with enable_key_rotation = true and reference them from kms_key_id.', 'Crie as chaves KMS com enable_key_rotation = true e referencie-as em kms_key_id.'),
  heuristic: 'An aws_kms_key with enable_key_rotation = true that a resource of the workspace references from kms_key_id, kms_master_key_id, kms_key_arn ... A key nobody uses, or one that never rotates, does not count.',
  proves: { 'security/key-management': loc('Data is encrypted with KMS keys that rotate automatically.', 'Os dados são criptografados com chaves KMS que rotacionam automaticamente.') },
  join(facts) {
    const users = new Map<string, string[]>();
    for (const ref of facts('kms-ref')) users.set(field(ref, 'address'), [...(users.get(field(ref, 'address')) ?? []), field(ref, 'user')]);
    return facts('kms-key')
      .filter((key) => field(key, 'rotation') === 'true' && users.has(field(key, 'address')))
      .slice(0, 1)
      .map((key) => {
        const used = [...new Set(users.get(field(key, 'address')))].join(', ');
        return { item: 'security/key-management', what: loc(`${field(key, 'address')} rotates yearly and encrypts ${used}`, `${field(key, 'address')} rotaciona anualmente e criptografa ${used}`), at: key };
      });
  },
};

const terraformPipeline: Join = {
  id: 'terraform-pipeline',
  title: 'Infrastructure as code applied by the pipeline',
  hint: loc('Keep Terraform state in a remote backend and run terraform plan/apply in CI.', 'Mantenha o estado do Terraform em um backend remoto e rode terraform plan/apply no CI.'),
  heuristic: 'A Terraform remote backend (or cloud block) and a pipeline that runs terraform plan or apply (or Atlantis) automatically. Terraform files alone may be applied by hand from a laptop.',
  proves: { 'deployment/environment-provisioned': loc('The infrastructure is code with shared state, planned and applied by the pipeline.', 'A infraestrutura é código com estado compartilhado, planejada e aplicada pelo pipeline.') },
  join(facts) {
    const backend = facts('terraform-backend')[0];
    const pipeline = facts('terraform-ci')[0];
    if (!backend || !pipeline) return [];
    return [{ item: 'deployment/environment-provisioned', what: loc(`Terraform ${field(backend, 'kind')} backend, applied by ${pipeline.file} ("${field(pipeline, 'command')}")`, `Backend ${field(backend, 'kind')} do Terraform, aplicado por ${pipeline.file} ("${field(pipeline, 'command')}")`), at: backend }];
  },
};

const k8sServices: Join = {
  id: 'k8s-services',
  title: 'Services that reach a workload',
  hint: loc('Add a Service whose selector matches a Deployment\'s pod labels and whose targetPort is a container port.', 'Adicione um Service cujo seletor corresponda aos labels dos pods de um Deployment e cujo targetPort seja uma porta do container.'),
  heuristic:
    'A Kubernetes Service whose selector matches the pod labels of a workload in the same namespace, and whose targetPort (or port) is one of that workload\'s container ports, by number or name. ' +
    'A Service that selects nothing, or points at a port no container opens, does not count.',
  proves: { 'deployment/services': loc('A Service selects a workload and targets a port it opens.', 'Um Service seleciona um workload e aponta para uma porta que ele abre.') },
  join(facts) {
    const workloads = facts('k8s-workload');
    for (const service of facts('k8s-service')) {
      const selector = list(service.fact?.selector);
      if (selector.length === 0) continue;
      const ports = list(service.fact?.ports);
      const match = workloads.find(
        (workload) =>
          field(workload, 'namespace') === field(service, 'namespace') &&
          selector.every((pair) => list(workload.fact?.labels).includes(pair)) &&
          ports.some((port) => list(workload.fact?.ports).includes(port)),
      );
      if (match)
        return [{ item: 'deployment/services', what: loc(`Service ${field(service, 'name')} selects ${field(match, 'name')} on port ${ports.find((port) => list(match.fact?.ports).includes(port))}`, `Service ${field(service, 'name')} seleciona ${field(match, 'name')} na porta ${ports.find((port) => list(match.fact?.ports).includes(port))}`), at: service }];
    }
    return [];
  },
};

const k8sConfigMaps: Join = {
  id: 'k8s-configmaps',
  title: 'ConfigMaps used by workloads',
  hint: loc('Move configuration into a ConfigMap and reference it from the workload (envFrom, configMapKeyRef or a volume).', 'Leve a configuração para um ConfigMap e referencie-o no workload (envFrom, configMapKeyRef ou volume).'),
  heuristic: 'A ConfigMap defined in the workspace (a manifest or a kustomize configMapGenerator) that a workload references through envFrom, valueFrom.configMapKeyRef or a volume. A ConfigMap nothing uses, or a reference to one that does not exist, proves nothing.',
  proves: { 'deployment/configmaps': loc('Workloads read their configuration from ConfigMaps.', 'Os workloads leem a configuração de ConfigMaps.') },
  join(facts) {
    const defined = new Map(facts('k8s-configmap').map((hit) => [`${field(hit, 'namespace')}/${field(hit, 'name')}`, hit]));
    for (const ref of facts('k8s-configmap-ref')) {
      const definition = defined.get(`${field(ref, 'namespace')}/${field(ref, 'name')}`);
      if (definition) return [{ item: 'deployment/configmaps', what: loc(`${field(ref, 'workload')} reads ConfigMap ${field(ref, 'name')} (${definition.file})`, `${field(ref, 'workload')} lê o ConfigMap ${field(ref, 'name')} (${definition.file})`), at: ref }];
    }
    return [];
  },
};

const scalability: Join = {
  id: 'scalability-tests',
  title: 'Autoscaling exercised by load tests',
  hint: loc('Autoscale the workload (HorizontalPodAutoscaler) and run load tests in CI.', 'Escale o workload automaticamente (HorizontalPodAutoscaler) e rode testes de carga no CI.'),
  heuristic: 'A HorizontalPodAutoscaler and load tests that the pipeline runs (the ci-load-tests evidence): scaling out is exercised under load. An autoscaler alone was never tested.',
  proves: { 'performance/scalability-testing': loc('Autoscaling is exercised by the load tests the pipeline runs.', 'O autoscaling é exercitado pelos testes de carga que o pipeline roda.') },
  join(facts, evidence) {
    const hpa = facts('k8s-hpa')[0];
    const load = (evidence.get('tests/performance-tests') ?? []).find((hit) => hit.detector === 'ci-load-tests');
    if (!hpa || !load) return [];
    return [{ item: 'performance/scalability-testing', what: loc(`HPA ${field(hpa, 'name')} (${field(hpa, 'min')}-${field(hpa, 'max')} replicas) and load tests in ${load.file}`, `HPA ${field(hpa, 'name')} (${field(hpa, 'min')}-${field(hpa, 'max')} réplicas) e testes de carga em ${load.file}`), at: hpa }];
  },
};

const changeManagement: Join = {
  id: 'change-management',
  title: 'Reviewed changes',
  hint: loc('Add a CODEOWNERS file and a pull request template with a checklist.', 'Adicione um arquivo CODEOWNERS e um template de pull request com checklist.'),
  heuristic: 'A CODEOWNERS file with at least one path owned by a person or team, and a pull request template with real content (a checklist or sections): changes are requested, reviewed by their owners and checked. Either alone is half a process.',
  proves: { 'documentation/change-management': loc('Changes go through owner review with a pull request template.', 'As mudanças passam pela revisão dos responsáveis com um template de pull request.') },
  join(facts) {
    const owners = facts('codeowners')[0];
    const template = facts('pr-template')[0];
    if (!owners || !template) return [];
    return [{ item: 'documentation/change-management', what: loc(`${owners.file} (${field(owners, 'rules')} rule(s)) and ${template.file}`, `${owners.file} (${field(owners, 'rules')} regra(s)) e ${template.file}`), at: owners }];
  },
};

export const JOINS: readonly Join[] = [kmsRotation, terraformPipeline, k8sServices, k8sConfigMaps, scalability, changeManagement];

/** Turns facts into hits of the items the joins prove, and removes the facts from the map. */
export function joinFacts(evidence: Map<string, EvidenceHit[]>, locale: Locale): Map<string, EvidenceHit[]> {
  const facts = (name: string) => evidence.get(`${FACT_PREFIX}${name}`) ?? [];
  const found: { item: string; hit: EvidenceHit }[] = [];
  for (const join of JOINS) {
    let hits: JoinHit[];
    try {
      hits = join.join(facts, evidence);
    } catch {
      // Facts come from user files; a malformed one must not hide the rest of the checklist.
      continue;
    }
    for (const { item, what, at } of hits) {
      const why = join.proves[item];
      if (!why) continue;
      found.push({ item, hit: { detector: join.id, file: at.file, what: locale === 'pt-BR' ? what.pt : what.en, why: locale === 'pt-BR' ? why.pt : why.en, ...(at.line !== undefined ? { line: at.line } : {}) } });
    }
  }
  for (const key of [...evidence.keys()]) if (key.startsWith(FACT_PREFIX)) evidence.delete(key);
  for (const { item, hit } of found) evidence.set(item, [...(evidence.get(item) ?? []), hit]);
  return evidence;
}
