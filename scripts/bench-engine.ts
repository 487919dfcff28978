/**
 * What the corpus section of `npm run bench` times: our parsers and rules as they ship, bundled
 * by esbuild like dist/server.js and dist/cli.js, not through tsx's development loader (whose
 * getter per imported call and name per nested function the peers, plain JavaScript, do not pay).
 */
export { ALL_RULES } from '../rules';
export { analyzeModel } from '../server/src/engine/analyze';
export { initKinds, kindSupport } from '../server/src/kinds';
