/**
 * Table cases written as a bare `server` block, placed in an `http` block: a complete
 * configuration, where nothing is left to an includer the workspace does not show. Every line is
 * indented by four spaces, so expected positions move one line down and four columns right.
 */
import type { InvalidCase, ValidCase } from '../../helpers/rule-tester';

const wrap = (code: string) => {
  const eol = code.includes('\r\n') ? '\r\n' : '\n';
  const lines = code.split(eol);
  const last = lines.pop();
  return `http {${eol}${lines.map((line) => (line ? '    ' + line : line)).join(eol)}${eol}${last ? '    ' + last + eol : ''}}${eol}`;
};

export function inHttp(testCase: string): string;
export function inHttp<T extends ValidCase>(testCase: T): T;
export function inHttp(testCase: string | ValidCase | InvalidCase): string | ValidCase | InvalidCase {
  if (typeof testCase === 'string') return wrap(testCase);
  const wrapped: ValidCase | InvalidCase = { ...testCase, code: wrap(testCase.code) };
  if ('errors' in testCase) {
    (wrapped as InvalidCase).errors = testCase.errors.map((error) => ({
      ...error,
      line: error.line + 1,
      column: error.column + 4,
      endLine: error.endLine + 1,
      endColumn: error.endColumn + 4,
    }));
    (wrapped as InvalidCase).output = testCase.output === null ? null : wrap(testCase.output);
  }
  return wrapped;
}
