import type { BaseModel, ParseError, Span } from '../../engine/types';
import { Lexer, type Token } from './lexer';

export interface NginxArg {
  /** The value nginx sees: quotes removed, escapes applied. */
  value: string;
  /** The source text of the argument, quotes included. */
  span: Span;
  quoted: boolean;
}

export interface NginxDirective {
  name: string;
  nameSpan: Span;
  args: NginxArg[];
  /** From the name to the `;` or the block's `}` (to the last token when either is missing). */
  span: Span;
  /** The terminating `;` of a simple directive. */
  semicolon?: Span;
  /** Block directives (and raw `*_by_lua_block` bodies) have braces. */
  openBrace?: Span;
  closeBrace?: Span;
  /** Children of a block; undefined for simple directives and raw Lua blocks. */
  children?: NginxDirective[];
}

export interface NginxModel extends BaseModel {
  kind: 'nginx';
  directives: NginxDirective[];
}

interface Frame {
  directive?: NginxDirective;
  children: NginxDirective[];
}

interface Pending {
  name: Token;
  args: Token[];
}

const argOf = (token: Token): NginxArg => ({ value: token.value, span: token.span, quoted: token.quoted });

/**
 * Parses an nginx configuration the way nginx reads it (ngx_conf_parse), keeping offsets, and
 * recovers from every error so that the rest of the file is still analyzed.
 */
export function parseNginx(text: string, path: string): NginxModel {
  const errors: ParseError[] = [];
  const model: NginxModel = { kind: 'nginx', path, text, errors, directives: [] };
  const lexer = new Lexer(text, errors);
  const stack: Frame[] = [{ children: model.directives }];
  let pending: Pending | undefined;
  let last: Token | undefined;

  const finish = (end: number, extra: Partial<NginxDirective> = {}): NginxDirective => {
    const { name, args } = pending!;
    const directive: NginxDirective = {
      name: name.value,
      nameSpan: name.span,
      args: args.map(argOf),
      span: { start: name.span.start, end },
      ...extra,
    };
    stack[stack.length - 1].children.push(directive);
    pending = undefined;
    return directive;
  };

  for (;;) {
    const token = lexer.next();
    if (token.type === 'eof') {
      if (pending) {
        const end = pending.args.length ? pending.args[pending.args.length - 1].span.end : pending.name.span.end;
        if (!last?.unterminated) errors.push({ span: token.span, message: 'unexpected end of file, expecting ";" or "}"' });
        finish(end);
      }
      if (stack.length > 1) {
        if (!last?.unterminated) errors.push({ span: token.span, message: 'unexpected end of file, expecting "}"' });
        for (const frame of stack) if (frame.directive) frame.directive.span = { start: frame.directive.span.start, end: text.length };
      }
      break;
    }
    last = token;
    switch (token.type) {
      case 'word':
        if (pending) pending.args.push(token);
        else pending = { name: token, args: [] };
        break;
      case 'semicolon':
        if (!pending) errors.push({ span: token.span, message: 'unexpected ";"' });
        else finish(token.span.end, { semicolon: token.span });
        break;
      case 'open': {
        if (!pending) {
          errors.push({ span: token.span, message: 'unexpected "{"' });
          stack.push({ children: [] });
          break;
        }
        if (pending.name.value.endsWith('_by_lua_block')) {
          const bodyStart = token.span.end;
          const close = lexer.luaBlockEnd();
          const bodyEnd = close ?? text.length;
          pending.args.push({ type: 'word', value: text.slice(bodyStart, bodyEnd), span: { start: bodyStart, end: bodyEnd }, quoted: false });
          if (close === undefined) errors.push({ span: { start: text.length, end: text.length }, message: 'unexpected end of file, expecting "}"' });
          finish(close === undefined ? text.length : close + 1, {
            openBrace: token.span,
            closeBrace: close === undefined ? undefined : { start: close, end: close + 1 },
          });
          break;
        }
        const directive = finish(token.span.end, { openBrace: token.span, children: [] });
        stack.push({ directive, children: directive.children! });
        break;
      }
      case 'close': {
        const hadPending = pending !== undefined;
        if (pending) {
          errors.push({ span: token.span, message: 'unexpected "}"' });
          const args = pending.args;
          finish(args.length ? args[args.length - 1].span.end : pending.name.span.end);
        }
        if (stack.length === 1) {
          if (!hadPending) errors.push({ span: token.span, message: 'unexpected "}"' });
          break;
        }
        const frame = stack.pop()!;
        if (frame.directive) {
          frame.directive.closeBrace = token.span;
          frame.directive.span = { start: frame.directive.span.start, end: token.span.end };
        }
        break;
      }
    }
  }
  return model;
}

/** Walks every directive of a tree, depth first, with its enclosing block directives. */
export function walkDirectives(
  directives: readonly NginxDirective[],
  visit: (directive: NginxDirective, ancestors: readonly NginxDirective[]) => void,
  ancestors: NginxDirective[] = [],
): void {
  for (const directive of directives) {
    visit(directive, ancestors);
    if (directive.children) {
      ancestors.push(directive);
      walkDirectives(directive.children, visit, ancestors);
      ancestors.pop();
    }
  }
}

export type LocationModifier = '' | '=' | '~' | '~*' | '^~' | '@';

/** The match of a `location` block: its modifier and its path or regex. */
export function locationMatch(directive: NginxDirective): { modifier: LocationModifier; pattern: string; span?: Span } {
  const [first, second] = directive.args;
  if (!first) return { modifier: '', pattern: '' };
  if (!first.quoted && (first.value === '=' || first.value === '~' || first.value === '~*' || first.value === '^~')) {
    return { modifier: first.value, pattern: second?.value ?? '', span: second?.span };
  }
  for (const modifier of ['^~', '~*', '~', '=', '@'] as const) {
    if (!first.quoted && first.value.startsWith(modifier) && first.value.length > modifier.length) {
      return { modifier, pattern: first.value.slice(modifier.length), span: first.span };
    }
  }
  return { modifier: '', pattern: first.value, span: first.span };
}
