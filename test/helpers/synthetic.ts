/**
 * Synthetic Kubernetes workloads for scale tests and benchmarks: deterministic (seeded), varied
 * enough that every Kubernetes rule has something to say, none of it copied from real files.
 */

/** A small deterministic random generator (mulberry32), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One application: a Deployment and a Service, and for some a PodDisruptionBudget, an HPA or a NetworkPolicy. */
export function application(i: number, namespace = `team-${i % 17}`): string {
  const name = `app-${i}`;
  const documents = [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
  labels: { app: ${name} }
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: web
          image: registry.example.com/${name}:${i % 5 === 0 ? 'latest' : `1.${i % 10}.0`}
          ports: [{ containerPort: 8080 }]
${i % 2 === 0 ? `          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          readinessProbe: { httpGet: { path: /ready, port: 8080 } }
          livenessProbe: { httpGet: { path: /live, port: 8080 } }
` : ''}`,
    `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector: { app: ${name} }
  ports: [{ port: 80, targetPort: 8080 }]
`,
  ];
  if (i % 4 === 0) {
    documents.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  minAvailable: 1
  selector:
    matchLabels: { app: ${name} }
`);
  }
  if (i % 5 === 0) {
    documents.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${name} }
  minReplicas: 2
  maxReplicas: 6
`);
  }
  if (i % 6 === 0) {
    documents.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  podSelector:
    matchLabels: { app: ${name} }
  policyTypes: [Ingress]
`);
  }
  return documents.join('---\n');
}

/** A multi-document stream of about `bytes` bytes. */
export function manifestStream(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = (i === 0 ? '' : '---\n') + application(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** A random edit a user could make: type or delete a few characters, or paste or cut a line. */
export function randomEdit(text: string, random: () => number): { start: number; end: number; newText: string } {
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.4) return { start: at, end: at, newText: ['a', ' ', '\n', ':', '-', '#', '{', '"'][Math.floor(random() * 8)] };
  if (choice < 0.7) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(random() * 5)), newText: '' };
  if (choice < 0.85) return { start: at, end: at, newText: `  key${Math.floor(random() * 100)}: value\n` };
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  return { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1, newText: '' };
}
