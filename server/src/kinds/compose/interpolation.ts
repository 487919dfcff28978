/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, `$$`), read without an environment:
 * a value that depends on a variable is unknown, because the shell, an `.env` file or the CI sets it.
 */

export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableReference {
  name: string;
  operator?: InterpolationOperator;
  /** The default, error message or alternative after the operator, as written. */
  argument?: string;
  /** Offsets into the raw string: the whole `${...}` and, when there is one, the argument. */
  start: number;
  end: number;
  argumentStart?: number;
}

export interface Interpolated {
  /** The value Compose would use, when no variable is involved (`$$` already turned into `$`). */
  value?: string;
  references: VariableReference[];
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Whether `${name}` reads this name: a name interpolation can spell. */
export function isVariableName(name: string): boolean {
  NAME.lastIndex = 0;
  return NAME.exec(name)?.[0] === name;
}
const OPERATORS: InterpolationOperator[] = [':-', ':?', ':+', '-', '?', '+'];

export function interpolate(raw: string): Interpolated {
  const references: VariableReference[] = [];
  let value = '';
  let index = 0;
  while (index < raw.length) {
    const dollar = raw.indexOf('$', index);
    if (dollar < 0) {
      value += raw.slice(index);
      break;
    }
    value += raw.slice(index, dollar);
    const next = raw[dollar + 1];
    if (next === '$') {
      value += '$';
      index = dollar + 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(raw, dollar + 2);
      const body = raw.slice(dollar + 2, end < 0 ? raw.length : end);
      NAME.lastIndex = 0;
      const name = NAME.exec(body)?.[0] ?? '';
      const rest = body.slice(name.length);
      const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
      const reference: VariableReference = { name, start: dollar, end: end < 0 ? raw.length : end + 1 };
      if (operator) {
        reference.operator = operator;
        reference.argument = rest.slice(operator.length);
        reference.argumentStart = dollar + 2 + name.length + operator.length;
      }
      references.push(reference);
      index = reference.end;
      continue;
    }
    NAME.lastIndex = dollar + 1;
    const bare = NAME.exec(raw);
    if (bare) {
      references.push({ name: bare[0], start: dollar, end: dollar + 1 + bare[0].length });
      index = dollar + 1 + bare[0].length;
      continue;
    }
    value += '$';
    index = dollar + 1;
  }
  return references.length ? { references } : { value, references };
}

/** The `}` that closes a `${` opened before `from`, counting nested `${...}` in defaults. */
function closingBrace(raw: string, from: number): number {
  let depth = 1;
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === '$' && raw[i + 1] === '$') i++;
    else if (raw[i] === '$' && raw[i + 1] === '{') {
      depth++;
      i++;
    } else if (raw[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** True when the raw string refers to a variable (its value is unknown without the environment). */
export function hasVariable(raw: string): boolean {
  return interpolate(raw).value === undefined;
}

/**
 * True when the value may come out empty: it is empty, or only variables make it and none of them
 * has a non-empty default (`${VAR:-512m}`) or is required (`${VAR:?}`). A key set to such a value
 * may set nothing.
 */
export function mayBeEmpty(raw: string): boolean {
  const { value, references } = interpolate(raw);
  if (value !== undefined) return value.trim() === '';
  let literal = raw;
  for (const reference of [...references].reverse()) literal = literal.slice(0, reference.start) + literal.slice(reference.end);
  if (literal.replace(/\$\$/g, '$').trim() !== '') return false;
  return !references.some((reference) => reference.operator === ':?' || (reference.operator === ':-' && (reference.argument ?? '') !== ''));
}
