/** The rule registry's meta-test: every rule is complete, documented, tested and tied to the checklist. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { SEED_ITEMS } from '../../server/src/checklist/seed-items';
import { CATEGORIES, categoryOfItem } from '../../server/src/engine/types';

const root = join(__dirname, '..', '..');
const PREFIX_KIND: Record<string, string> = { dockerfile: 'dockerfile', k8s: 'kubernetes', nginx: 'nginx', terraform: 'terraform', compose: 'compose' };
const itemIds = new Set(SEED_ITEMS.map((item) => item.id));

describe('rule registry', () => {
  it('has unique ids', () => {
    const ids = ALL_RULES.map((rule) => rule.meta.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('registers every rule file', () => {
    for (const prefix of Object.keys(PREFIX_KIND)) {
      const files = readdirSync(join(root, 'rules', prefix)).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
      for (const file of files) {
        const id = `${prefix}/${file.replace(/\.ts$/, '')}`;
        assert.ok(ALL_RULES.some((rule) => rule.meta.id === id), `${id} is not registered in rules/${prefix}/index.ts`);
      }
    }
  });

  for (const { meta } of ALL_RULES) {
    describe(meta.id, () => {
      const [prefix, name] = meta.id.split('/');
      it('has an id that names its file, kind, test and doc page', () => {
        assert.match(meta.id, new RegExp(`^(${Object.keys(PREFIX_KIND).join('|')})/[a-z0-9]+(-[a-z0-9]+)*$`));
        assert.equal(meta.kind, PREFIX_KIND[prefix]);
        assert.ok(existsSync(join(root, 'rules', prefix, `${name}.ts`)), 'rule file');
        assert.ok(existsSync(join(root, 'docs', 'rules', prefix, `${name}.md`)), 'doc page (npm run docs)');
      });

      it('has a test file with valid and invalid cases', () => {
        const testFile = join(root, 'test', 'rules', prefix, `${name}.test.ts`);
        assert.ok(existsSync(testFile), `missing ${testFile}`);
        const text = readFileSync(testFile, 'utf8');
        assert.match(text, /valid:\s*\[\s*\S/, 'at least one valid case');
        assert.match(text, /invalid:\s*\[\s*\{/, 'at least one invalid case');
        if (meta.fixable) assert.match(text, /output:\s*['"`]/, 'a fixable rule has a fixed-text test');
      });

      it('has complete metadata', () => {
        assert.ok(meta.title.length > 0 && meta.description.length > 0);
        assert.ok((CATEGORIES as readonly string[]).includes(categoryOfItem(meta.checklistItem)));
        assert.ok(itemIds.has(meta.checklistItem), `checklist item "${meta.checklistItem}" is not in the seed`);
        assert.ok(Object.keys(meta.messages).length > 0);
        for (const revealed of meta.fixReveals ?? []) assert.ok(ALL_RULES.some((rule) => rule.meta.id === revealed), `fixReveals names an unknown rule ${revealed}`);
      });

      it('has fix titles without a final period, translated to pt-BR', () => {
        for (const [id, text] of Object.entries(meta.fixTitles ?? {})) {
          assert.doesNotMatch(text, /\.$/, `fix title ${id}`);
          assert.ok(meta.ptBR.fixTitles?.[id], `fix title ${id} has no pt-BR translation`);
        }
        for (const id of Object.keys(meta.ptBR.fixTitles ?? {})) assert.ok(meta.fixTitles?.[id], `pt-BR fix title ${id} has no English original`);
      });

      it('has messages that end with a period, translated to pt-BR', () => {
        for (const [id, text] of Object.entries(meta.messages)) {
          assert.match(text, /\.$/, `message ${id}`);
          assert.ok(meta.ptBR.messages[id], `pt-BR message ${id}`);
          assert.match(meta.ptBR.messages[id], /\.$/, `pt-BR message ${id}`);
          const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
          assert.deepEqual(placeholders(meta.ptBR.messages[id]), placeholders(text), `pt-BR placeholders of ${id}`);
        }
        assert.deepEqual(Object.keys(meta.ptBR.messages).sort(), Object.keys(meta.messages).sort());
        assert.ok(meta.ptBR.title && meta.ptBR.description);
      });
    });
  }
});
