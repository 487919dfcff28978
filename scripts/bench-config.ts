/**
 * How loading `.readiness.yml` and recording an attestation grow with the file's size: prints the
 * median of 5 runs for 10,000 / 20,000 / 40,000 entries, so linear growth shows as time doubling
 * with the size. Run: node --import tsx scripts/bench-config.ts
 */
import { setAttestation } from '../server/src/checklist/attest';
import { loadConfigText } from '../server/src/settings';

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2];
}

const shapes: Record<string, (n: number) => string> = {
  'checklist entries (unknown ids, each reported)': (n) => `checklist:\n${Array.from({ length: n }, (_, i) => `  team/item-${i}: done\n`).join('')}`,
  'exclude globs': (n) => `exclude:\n${Array.from({ length: n }, (_, i) => `  - "generated/${i}/**"\n`).join('')}`,
  'notes on one attestation (comments)': (n) => `checklist:\n  security/waf:\n    status: todo\n${Array.from({ length: n }, (_, i) => `    # note ${i}\n`).join('')}`,
};

console.log('entries    load ms   attest ms   shape');
for (const [name, build] of Object.entries(shapes)) {
  for (const n of [10_000, 20_000, 40_000]) {
    const text = build(n);
    const load = median(() => loadConfigText(text));
    const attest = median(() => setAttestation(text, 'security/waf', 'done', { by: 'bench' }));
    console.log(`${String(n).padStart(7)}  ${load.toFixed(0).padStart(8)}  ${attest.toFixed(0).padStart(10)}   ${name}`);
  }
}
