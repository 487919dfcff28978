import { parseDocument, isMap, stringify } from 'yaml';
const text = '\uFEFFversion: 007\nchecklist:\n    a/b: done\n';
const doc = parseDocument(text, { uniqueKeys: false });
const root: any = doc.contents;
for (const p of root.items) console.log(JSON.stringify(text.slice(p.key.range[0], p.key.range[1])), p.key.range, p.value?.range);
const n: any = parseDocument('checklist:\n# c\nx: 1\n').contents;
console.log(n.items[0].value, n.items[0].key.range);
for (const v of ['2025-10-15', 'yes', 'true', '007', 'a: b', 'João Silva', 'x # y', 'multi\nline', '', ' lead', 'Cloudflare | rules', '@me', '12345678901234567890'])
  console.log(JSON.stringify(v), '=>', JSON.stringify(stringify(v, { lineWidth: 0 })));
