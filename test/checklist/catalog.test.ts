import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_RULES } from '../../rules/index';
import { catalogExtraRules, catalogSpecIds, checklistCatalog } from '../../server/src/checklist/catalog';
import { DETECTORS, EVIDENCE_SOURCES } from '../../server/src/checklist/evidence/index';
import { SEED_ITEMS } from '../../server/src/checklist/seed-items';

const catalog = checklistCatalog();
const seedIds = SEED_ITEMS.map((item) => item.id);
const registered = new Set(ALL_RULES.map((rule) => rule.meta.id));

test('every seed item is in the catalog exactly once, in the seed order', () => {
  assert.equal(SEED_ITEMS.length, 143);
  assert.equal(SEED_ITEMS.filter((item) => item.category !== 'Sign-off').length, 139);
  assert.deepEqual(
    catalog.map((item) => item.id),
    seedIds,
  );
  assert.equal(new Set(catalog.map((item) => item.id)).size, catalog.length);
});

test('the catalog describes every seed item and nothing else', () => {
  assert.deepEqual([...catalogSpecIds()].sort(), [...seedIds].sort());
});

test("every rule's checklist item exists", () => {
  const known = new Set(SEED_ITEMS.filter((item) => item.category !== 'Sign-off').map((item) => item.id));
  const unknown = ALL_RULES.filter((rule) => !known.has(rule.meta.checklistItem)).map((rule) => `${rule.meta.id} -> ${rule.meta.checklistItem}`);
  assert.deepEqual(unknown, []);
});

test('every rule proves the item it names', () => {
  for (const rule of ALL_RULES) {
    const item = catalog.find((candidate) => candidate.id === rule.meta.checklistItem);
    assert.ok(item?.rules.includes(rule.meta.id), `${rule.meta.id} missing from ${rule.meta.checklistItem}`);
  }
});

test('every extra rule id in the catalog is registered', () => {
  const missing = [...catalogExtraRules()].flatMap(([item, rules]) => rules.filter((id) => !registered.has(id)).map((id) => `${item}: ${id}`));
  assert.deepEqual(missing, []);
});

test('every evidence source proves existing items and explains itself', () => {
  const known = new Set(SEED_ITEMS.filter((item) => item.category !== 'Sign-off').map((item) => item.id));
  assert.equal(new Set(EVIDENCE_SOURCES.map((source) => source.id)).size, EVIDENCE_SOURCES.length, 'detector ids are unique');
  for (const source of EVIDENCE_SOURCES) {
    assert.ok(source.title && source.heuristic.length > 40, `${source.id} documents its heuristic`);
    assert.ok(Object.keys(source.proves).length > 0, `${source.id} proves something`);
    for (const [item, why] of Object.entries(source.proves)) {
      assert.ok(known.has(item), `${source.id} proves unknown item ${item}`);
      assert.ok(why.en.endsWith('.') && why.pt.endsWith('.'), `${source.id} -> ${item}: why is a sentence in both languages`);
      assert.notEqual(why.en, why.pt, `${source.id} -> ${item}: pt-BR is translated`);
    }
  }
  for (const detector of DETECTORS) assert.equal(typeof detector.detect, 'function');
});

test('every item can be verified somehow', () => {
  const unverifiable = catalog.filter((item) => item.rules.length === 0 && item.evidence.length === 0 && !item.manual).map((item) => item.id);
  assert.deepEqual(unverifiable, []);
  for (const item of catalog.filter((candidate) => candidate.category === 'Sign-off')) assert.equal(item.manual, true);
});

test('critical marks sit on the gated categories and carry reasons in both languages', () => {
  const critical = catalog.filter((item) => item.critical);
  assert.deepEqual([...new Set(critical.map((item) => item.category))].sort(), ['Backup', 'Security']);
  for (const item of critical) {
    assert.ok(item.criticalReason, item.id);
    assert.ok(item.criticalReason.en.endsWith('.') && item.criticalReason.pt.endsWith('.'), item.id);
    assert.notEqual(item.criticalReason.en, item.criticalReason.pt, item.id);
  }
  for (const item of catalog.filter((candidate) => !candidate.critical)) assert.equal(item.criticalReason, undefined, item.id);
});

test('titles and descriptions exist in English and pt-BR, and the seed text is kept verbatim', () => {
  for (const item of catalog) {
    const seed = SEED_ITEMS.find((candidate) => candidate.id === item.id)!;
    assert.equal(item.seedTitle, seed.seedTitle);
    assert.equal(item.seedText, seed.seedText);
    assert.ok(item.title.en && item.title.pt, item.id);
    assert.ok(item.description.en.endsWith('.') && item.description.pt.endsWith('.'), `${item.id} descriptions are sentences`);
    assert.notEqual(item.description.en, item.description.pt, `${item.id} pt-BR description is translated`);
  }
});

test('ids are stable: <category>/<kebab-case>', () => {
  for (const item of catalog) assert.match(item.id, /^(deployment|security|monitoring|performance|backup|tests|documentation|signoff)\/[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('at least 110 of the 139 items can be proven from files (by evidence, or by rules that inspect)', () => {
  const items = catalog.filter((item) => item.category !== 'Sign-off');
  const verifiable = items.filter((item) => item.evidence.length > 0 || (item.rules.length > 0 && !item.manual));
  assert.ok(verifiable.length >= 110, `${verifiable.length} verifiable`);
  const attestationOnly = items.filter((item) => item.evidence.length === 0 && (item.rules.length === 0 || item.manual)).map((item) => item.id);
  assert.ok(attestationOnly.length <= 29, attestationOnly.join(', '));
});

test('evidence sources say what would prove their items, in both languages', () => {
  const hinted = EVIDENCE_SOURCES.filter((source) => source.hint);
  assert.ok(hinted.length >= EVIDENCE_SOURCES.length - 2, 'nearly every source has a hint for the "To verify" list (the others show their title)');
  for (const source of hinted) {
    assert.ok(source.hint!.en.length > 10 && source.hint!.pt.length > 10 && source.hint!.en !== source.hint!.pt, source.id);
    assert.ok(source.hint!.en.endsWith('.') && source.hint!.pt.endsWith('.'), `${source.id}: "To verify" reads as sentences`);
  }
});
