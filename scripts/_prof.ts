import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadinessService } from '../server/src/service';
import { CHECKLIST_EDITS } from './bench-lsp';
(async () => {
const dir = '/tmp/readiness-bench/apps-5000';
const service = new ReadinessService({ roots: [dir] });
await service.start();
const file = join(dir, 'deploy', 'app-4.yaml');
const text = readFileSync(file, 'utf8');
await service.checklist();
const kind = process.argv[2] as keyof typeof CHECKLIST_EDITS;
(CHECKLIST_EDITS as any).service = (text: string) => `${text}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: bench-edit\n  namespace: team-4\nspec:\n  selector:\n    app: app-4\n  ports:\n    - port: 80\n`;
let v = 2;
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect(); await session.post('Profiler.enable'); if (process.argv[3]) await session.post('Profiler.start');
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  service.setDocument(file, i % 2 === 0 ? CHECKLIST_EDITS[kind](text) : text, v++);
  const t0 = performance.now();
  await service.checklist();
  times.push(performance.now() - t0);
}
if (process.argv[3]) { const { profile } = await session.post('Profiler.stop'); (await import('node:fs')).writeFileSync(process.argv[3], JSON.stringify(profile)); }
console.log(kind, times.map((t) => t.toFixed(0)).join(' '));
})();
