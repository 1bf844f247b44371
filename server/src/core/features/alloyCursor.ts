// Where the cursor is in an Alloy file, read from the tokens before it: a half-typed file has no tree
// to ask (the parser may drop the statement being typed, and with it the blocks after), but the
// tokens before the cursor always say which blocks are open and whether a value is expected.
import { tokenize } from '../alloy/scanner';
import type { Token } from '../alloy/tokens';

export type CursorContext =
  /** Where a statement starts: an attribute, a block or a component may be typed. */
  | { kind: 'statement'; blocks: string[] }
  /** Where a value is expected: after `=`, in a list or call arguments. */
  | { kind: 'expression'; blocks: string[]; attribute?: string }
  | { kind: 'none' };

export interface Cursor {
  context: CursorContext;
  /** The dotted name typed so far, which completion replaces (`loki.wr`, `loki.write.`). */
  typed: string;
}

interface Frame {
  kind: 'block' | 'object' | 'array' | 'paren';
  /** Dotted block name; undefined for the file itself. */
  name?: string;
  /** Tokens of the statement (or list element) in progress. */
  statement: Token[];
  /** The attribute whose value is being written in this block. */
  attribute?: string;
}

export function cursorAt(text: string, offset: number): Cursor {
  const before = text.slice(0, offset);
  const typed = /[A-Za-z_][\w.]*$|$/.exec(before)![0];
  const cut = offset - typed.length;
  let unterminated = false;
  const tokens = tokenize(before.slice(0, cut), (span, message) => {
    if (span.end >= cut && /not terminated/.test(message)) unterminated = true;
  });
  const last = tokens.filter((t) => t.kind !== 'EOF' && !(t.kind === 'TERMINATOR' && t.start === t.end)).at(-1);
  const inLineComment = last?.kind === 'COMMENT' && last.lit.startsWith('//') && last.end === cut;
  if (unterminated || inLineComment) return { context: { kind: 'none' }, typed };
  return { context: contextOf(tokens), typed };
}

function contextOf(tokens: Token[]): CursorContext {
  const stack: Frame[] = [{ kind: 'block', statement: [] }];
  for (const tok of tokens) {
    const top = stack[stack.length - 1];
    switch (tok.kind) {
      case 'COMMENT':
      case 'EOF':
        break;
      case '{': {
        const header = top.kind === 'block' ? headerName(top.statement) : undefined;
        if (header !== undefined) top.statement = [];
        stack.push(header !== undefined ? { kind: 'block', name: header, statement: [] } : { kind: 'object', statement: [] });
        break;
      }
      case '[':
      case '(':
        stack.push({ kind: tok.kind === '[' ? 'array' : 'paren', statement: [] });
        break;
      case '}':
      case ']':
      case ')': {
        const closed = stack.length > 1 ? stack.pop()! : undefined;
        const parent = stack[stack.length - 1];
        if (closed?.kind === 'block') parent.statement = [];
        else parent.statement.push(tok);
        break;
      }
      case 'TERMINATOR':
        // An empty TERMINATOR is the scanner closing the text at the cursor, not a line end.
        if (tok.start !== tok.end) Object.assign(top, { statement: [], attribute: undefined });
        break;
      case ',':
        if (top.kind !== 'block') top.statement = [];
        break;
      default:
        top.statement.push(tok);
        if (top.kind === 'block' && top.statement.length === 2 && tok.kind === '=' && top.statement[0].kind === 'IDENT') top.attribute = top.statement[0].lit;
    }
  }
  const blockFrames = stack.filter((f) => f.kind === 'block');
  const blocks = blockFrames.flatMap((f) => (f.name ? [f.name] : []));
  const attribute = blockFrames[blockFrames.length - 1].attribute;
  const top = stack[stack.length - 1];
  if (top.kind === 'block') {
    if (top.statement.length === 0) return { kind: 'statement', blocks };
    return top.attribute ? { kind: 'expression', blocks, attribute } : { kind: 'none' };
  }
  if (top.kind === 'object' && !top.statement.some((t) => t.kind === '=')) return { kind: 'none' };
  return { kind: 'expression', blocks, attribute };
}

/** `loki.write "local"` as a statement's tokens: the dotted name, or undefined when not a header. */
function headerName(statement: Token[]): string | undefined {
  const parts = statement[statement.length - 1]?.kind === 'STRING' ? statement.slice(0, -1) : statement;
  if (parts.length === 0 || parts.length % 2 === 0) return undefined;
  const ok = parts.every((t, i) => (i % 2 === 0 ? t.kind === 'IDENT' : t.kind === '.'));
  return ok ? parts.filter((t) => t.kind === 'IDENT').map((t) => t.lit).join('.') : undefined;
}
