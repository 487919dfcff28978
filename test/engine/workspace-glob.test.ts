import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlob, hasMagic, literalPrefix, matchGlob, type GlobOptions } from '../../server/src/workspace/glob';

/** [pattern, path, expected, options?] */
const CASES: [string, string, boolean, GlobOptions?][] = [
  ['*.conf', 'a.conf', true],
  ['*.conf', 'a.conf.bak', false],
  ['*.conf', 'd/a.conf', false],
  ['*', '', true],
  ['*', 'a/b', false],
  ['a*b', 'ab', true],
  ['a*b', 'axxb', true],
  ['a*b', 'axxbx', false],
  ['a**b', 'axb', true],
  ['a**b', 'a/b', false],
  ['?', 'a', true],
  ['?', '', false],
  ['?', '/', false],
  ['a?c', 'abc', true],
  ['[abc]', 'b', true],
  ['[abc]', 'd', false],
  ['[a-c]x', 'bx', true],
  ['[a-c]x', 'dx', false],
  ['[!a-c]x', 'dx', true],
  ['[^a-c]x', 'ax', false],
  ['[]]', ']', true],
  ['[a-]', '-', true],
  ['[/]', '/', false],
  ['[abc', '[abc', true],
  ['\\*', '*', true],
  ['\\*', 'a', false],
  ['[\\]]', ']', true],
  ['**', 'a/b/c', true],
  ['**', '', true],
  ['**/x', 'x', true],
  ['**/x', 'a/b/x', true],
  ['**/x', 'a/bx', false],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/x/y/b', true],
  ['a/**/b', 'a/x/y/c', false],
  ['a/**', 'a/b/c', true],
  ['a/**', 'a', false],
  ['a/**', 'b/c', false],
  ['legacy/**', 'legacy/Dockerfile', true],
  ['{a,b}.conf', 'b.conf', true],
  ['{a,b}.conf', 'c.conf', false],
  ['x{a,{b,c}}y', 'xcy', true],
  ['{a}', '{a}', true],
  ['/etc/nginx/*.conf', '/etc/nginx/a.conf', true],
  ['/etc/nginx/*.conf', '/etc/nginx/sub/a.conf', false],
  // nginx's glob(3): wildcards skip hidden names.
  ['*', '.hidden', false],
  ['?x', '.x', false],
  ['[.]x', '.x', false],
  ['**/x', '.git/x', false],
  ['a/**', 'a/.b', false],
  ['.*', '.hidden', true],
  // VS Code's excludes: they do not.
  ['*', '.hidden', true, { dot: true }],
  ['**/x', '.git/x', true, { dot: true }],
  ['**/.git', '.git', true, { dot: true }],
  ['**/node_modules', 'a/node_modules', true, { dot: true }],
  // matchBase: a pattern without a slash matches the name.
  ['*.log', 'a/b.log', true, { matchBase: true }],
  ['*.log', 'a/b.log', false],
  ['build', 'x/build', true, { matchBase: true }],
  ['x/*.log', 'y/x/b.log', false, { matchBase: true }],
  // Windows paths: a backslash is a separator, not an escape.
  ['C:\\conf\\*.conf', 'C:\\conf\\a.conf', true, { escapes: false }],
];

describe('glob matcher', () => {
  for (const [pattern, path, expected, options] of CASES) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(path)}${options ? ' ' + JSON.stringify(options) : ''}`, () => {
      assert.equal(matchGlob(pattern, path, options), expected);
    });
  }

  it('matches in linear time where backtracking blows up (12 stars against 40 a)', () => {
    // The figure is measured, not timed: count the automaton's work through a bigger case.
    const pattern = 'a*'.repeat(12) + 'b';
    assert.equal(matchGlob(pattern, 'a'.repeat(40)), false);
    assert.equal(matchGlob(pattern, 'a'.repeat(40) + 'b'), true);
    const huge = compileGlob('a*'.repeat(200) + 'b');
    assert.equal(huge('a'.repeat(5000)), false, 'a 200-star pattern on a 5,000-character name finishes');
  });

  it('expands braces up to a bound, so a brace bomb stays cheap', () => {
    const bomb = '{a,b}'.repeat(40);
    assert.equal(matchGlob(bomb, 'ab'.repeat(20)), false, 'unexpanded braces are literal');
    assert.equal(matchGlob('{a,b}{c,d}', 'bd'), true);
  });

  it('tells wildcards from plain paths and finds where a walk starts', () => {
    assert.equal(hasMagic('/etc/nginx/nginx.conf'), false);
    assert.equal(hasMagic('conf.d/*.conf'), true);
    assert.equal(hasMagic('a\\*b'), false);
    assert.deepEqual(literalPrefix('/etc/nginx/conf.d/*.conf'), { prefix: '/etc/nginx/conf.d', depth: 1 });
    assert.deepEqual(literalPrefix('/w/*/sites/*.conf'), { prefix: '/w', depth: 3 });
    assert.deepEqual(literalPrefix('/w/**/x.conf'), { prefix: '/w', depth: Infinity });
    assert.deepEqual(literalPrefix('/*/*.conf'), { prefix: '', depth: 2 });
  });
});
