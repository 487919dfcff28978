/**
 * The nginx TextMate grammar, tokenized with the engine VS Code itself uses (vscode-textmate and
 * the Oniguruma WebAssembly build), so colouring is checked without an editor.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..');
let grammar: IGrammar;

/** Each token of each line as `text => its scopes, outermost first`, skipping whitespace. */
function tokenize(source: string): string[][] {
  let state = INITIAL;
  return source.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((token) => `${line.slice(token.startIndex, token.endIndex).trim()} => ${token.scopes.slice(1).join(' ')}`)
      .filter((entry) => !entry.startsWith(' => '));
  });
}

function scopeOf(lines: string[][], line: number, text: string): string {
  const entry = lines[line].find((token) => token.startsWith(`${text} => `));
  assert.ok(entry, `no token "${text}" on line ${line}: ${JSON.stringify(lines[line])}`);
  return entry.split(' => ')[1];
}

describe('nginx grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (text) => new oniguruma.OnigString(text) }),
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'source.nginx') return null;
        const path = join(root, 'syntaxes', 'nginx.tmLanguage.json');
        return parseRawGrammar(readFileSync(path, 'utf8'), path);
      },
    });
    grammar = (await registry.loadGrammar('source.nginx'))!;
    assert.ok(grammar, 'the grammar loads');
  });

  it('is the grammar package.json contributes for the nginx language', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const contributed = manifest.contributes.grammars.find((entry: { language: string }) => entry.language === 'nginx');
    assert.equal(contributed.scopeName, 'source.nginx');
    assert.equal(contributed.path, './syntaxes/nginx.tmLanguage.json');
  });

  it('does not take ${var} for a block opening, so the lines after it keep their colours', () => {
    const lines = tokenize('server {\n    return 301 https://${host}$request_uri;\n    listen 443 ssl; client_max_body_size 10m;\n}');
    assert.deepEqual(lines[1], [
      'return => keyword.other.directive.nginx',
      '301 => constant.numeric.nginx',
      'https:// => ',
      '${host} => variable.other.nginx',
      '$request_uri => variable.other.nginx',
      '; => punctuation.terminator.nginx',
    ]);
    assert.deepEqual(lines[2], [
      'listen => keyword.other.directive.nginx',
      '443 => constant.numeric.nginx',
      'ssl => constant.language.nginx',
      '; => punctuation.terminator.nginx',
      'client_max_body_size => keyword.other.directive.nginx',
      '10m => constant.numeric.nginx',
      '; => punctuation.terminator.nginx',
    ]);
    assert.deepEqual(lines[3], ['} => punctuation.section.block.end.nginx']);
  });

  it('colours directives, blocks, variables, strings, comments, numbers and sizes', () => {
    const lines = tokenize(
      [
        '# a comment',
        'http {',
        '    limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;',
        '    add_header X-Frame-Options "DENY" always;',
        '    server {',
        '        listen 443 ssl;',
        '        location ~* \\.(png|jpg)$ {',
        '            return 301 https://${host}$request_uri;',
        '        }',
        '    }',
        '}',
      ].join('\n'),
    );
    assert.match(scopeOf(lines, 0, 'a comment'), /comment\.line/);
    assert.match(scopeOf(lines, 1, 'http'), /keyword|entity|storage/);
    assert.match(scopeOf(lines, 2, 'limit_req_zone'), /keyword|support|entity/);
    assert.match(scopeOf(lines, 2, '$binary_remote_addr'), /variable/);
    assert.match(scopeOf(lines, 3, 'DENY'), /string/);
    assert.match(scopeOf(lines, 5, '443'), /constant\.numeric/);
    const locationLine = lines[6].join(' | ');
    assert.match(locationLine, /~\* => keyword\.operator/, locationLine);
    assert.match(locationLine, /regexp/, locationLine);
    assert.match(lines[7].join(' | '), /\$\{host\} => variable|\$\{? ?host/, lines[7].join(' | '));
  });
});
