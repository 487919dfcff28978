/**
 * Whether built-in kinds live in a namespace, by API group and kind (`apps/Deployment`; the core
 * group is ''), as `kubectl api-resources` lists them. Custom resources get their scope from their
 * CustomResourceDefinition in the workspace; without one their scope is unknown.
 */
export type Scope = 'Namespaced' | 'Cluster';

const NAMESPACED = [
  '/Pod', '/Service', '/ConfigMap', '/Secret', '/ServiceAccount', '/PersistentVolumeClaim', '/ReplicationController',
  '/Endpoints', '/LimitRange', '/ResourceQuota', '/PodTemplate', '/Event', '/Binding',
  'apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'apps/ControllerRevision',
  'extensions/Deployment', 'extensions/DaemonSet', 'extensions/ReplicaSet', 'extensions/Ingress', 'extensions/NetworkPolicy',
  'batch/Job', 'batch/CronJob',
  'autoscaling/HorizontalPodAutoscaler',
  'policy/PodDisruptionBudget',
  'networking.k8s.io/Ingress', 'networking.k8s.io/NetworkPolicy',
  'rbac.authorization.k8s.io/Role', 'rbac.authorization.k8s.io/RoleBinding',
  'coordination.k8s.io/Lease',
  'discovery.k8s.io/EndpointSlice',
  'events.k8s.io/Event',
  'storage.k8s.io/CSIStorageCapacity',
  'resource.k8s.io/ResourceClaim', 'resource.k8s.io/ResourceClaimTemplate',
  'apps.openshift.io/DeploymentConfig', 'route.openshift.io/Route', 'build.openshift.io/BuildConfig', 'image.openshift.io/ImageStream',
];

const CLUSTER = [
  '/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy', 'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttachment', 'storage.k8s.io/VolumeAttributesClass',
  'scheduling.k8s.io/PriorityClass',
  'networking.k8s.io/IngressClass', 'networking.k8s.io/IPAddress', 'networking.k8s.io/ServiceCIDR',
  'node.k8s.io/RuntimeClass',
  'policy/PodSecurityPolicy', 'extensions/PodSecurityPolicy',
  'certificates.k8s.io/CertificateSigningRequest', 'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema', 'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'resource.k8s.io/DeviceClass', 'resource.k8s.io/ResourceSlice',
];

const BUILT_IN = new Map<string, Scope>([...NAMESPACED.map((key) => [key, 'Namespaced'] as const), ...CLUSTER.map((key) => [key, 'Cluster'] as const)]);

export function builtInScope(group: string, kind: string): Scope | undefined {
  return BUILT_IN.get(`${group}/${kind}`);
}
