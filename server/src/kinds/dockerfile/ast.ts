/**
 * The dockerfile-ast parser, with one performance shim. dockerfile-ast (0.7) tokenizes an
 * instruction's arguments again on every query: its own parse asks four to five times per
 * instruction, and flags, arguments, heredocs and properties ask again. An instruction's text
 * never changes, so its tokens are kept with it: parsing takes about half the time, and a file of
 * 20,000 stages stays a matter of seconds.
 */
import { DockerfileParser, Instruction } from 'dockerfile-ast';

type Tokenizer = (this: Instruction) => unknown[];

const prototype = Instruction.prototype as unknown as { getRawArguments: Tokenizer & { remembers?: true } };
const tokenize = prototype.getRawArguments;
if (typeof tokenize === 'function' && !tokenize.remembers) {
  // On the instruction itself rather than in a WeakMap: a lookup costs a property read, and the
  // tokens go with the instruction (a WeakMap's entries for the instructions of every parse weigh
  // on the collector).
  const TOKENS = Symbol('readiness.tokens');
  const remembered: Tokenizer & { remembers?: true } = function (this: Instruction & { [TOKENS]?: unknown[] }) {
    let known = this[TOKENS];
    if (!known) {
      known = tokenize.call(this);
      if (Object.isExtensible(this)) this[TOKENS] = known;
    }
    // Callers shift the flags off the array they get (ModifiableInstruction): each gets a copy.
    return known.slice();
  };
  remembered.remembers = true;
  prototype.getRawArguments = remembered;
}

export { DockerfileParser };
