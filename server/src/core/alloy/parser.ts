// The Alloy parser: recursive descent after grafana/alloy syntax/parser/internal.go, with the same
// messages, positions and recovery, so an editor sees the errors `alloy fmt` would print and still
// gets the statements around them. It never throws.

import { Span } from '../diagnostic';
import {
  AlloyFile, ArrayExpr, Attribute, Block, Comment, Expr, Ident, ObjectExpr, ObjectField, Statement,
} from './ast';
import { lineLookup } from './lines';
import { goQuote } from './quote';
import { isValidIdentifier, Scanner } from './scanner';
import { BinaryOperator, binaryPrecedence, TokenKind, UnaryOperator } from './tokens';

export interface SyntaxError {
  span: Span;
  message: string;
}

export interface ParseResult {
  file: AlloyFile;
  errors: SyntaxError[];
  comments: Comment[];
}

export function parseAlloy(text: string): ParseResult {
  const p = new Parser(text);
  const body = p.parseBody('EOF');
  return { file: { body }, errors: p.errors, comments: p.comments };
}

/** Parses a single expression that must fill the whole text. */
export function parseAlloyExpression(text: string): { expr: Expr; errors: SyntaxError[] } {
  const p = new Parser(text);
  const expr = p.parseExpression();
  p.expect('TERMINATOR');
  return { expr, errors: p.errors };
}

// Deeper nesting than this is reported instead of overflowing the JS stack.
const MAX_DEPTH = 200;

const STATEMENT_END = new Set<TokenKind>(['TERMINATOR', ')', '}', ']', ',']);

interface BlockName {
  fragments: Ident[];
  label?: Ident;
}

class Parser {
  readonly errors: SyntaxError[] = [];
  readonly comments: Comment[] = [];
  private readonly scanner: Scanner;
  /** Built on the first error: a file that parses cleanly never needs line numbers. */
  private lines?: (offset: number) => number;
  // The current token, read from the scanner's fields (no object per token).
  private tokKind: TokenKind = 'EOF';
  private tokStart = 0;
  private tokEnd = 0;
  private tokLit = '';
  private started = false;
  private prevEnd = 0; // end of the last consumed token that is not a comment or terminator
  private lastErrorLine = -1;
  private depth = 0;

  constructor(private readonly text: string) {
    this.scanner = new Scanner(text, (span, message) => this.errors.push({ span, message }));
    this.next();
  }

  /** The current token's kind; a call, so TypeScript does not narrow it across next(). */
  private kind(): TokenKind {
    return this.tokKind;
  }

  private next(): void {
    if (this.started && this.tokKind !== 'TERMINATOR') this.prevEnd = this.tokEnd;
    this.started = true;
    const scanner = this.scanner;
    scanner.read();
    while (scanner.tokenKind === 'COMMENT') {
      this.comments.push({ text: scanner.tokenLit, span: { start: scanner.tokenStart, end: scanner.tokenEnd } });
      scanner.read();
    }
    this.tokKind = scanner.tokenKind;
    this.tokStart = scanner.tokenStart;
    this.tokEnd = scanner.tokenEnd;
    this.tokLit = scanner.tokenLit;
  }

  private lineOf(offset: number): number {
    this.lines ??= lineLookup(this.text);
    return this.lines(offset);
  }

  /** Reports at the current token; like Alloy, a second error on the same line is dropped. */
  private addError(message: string): void {
    const line = this.lineOf(this.tokStart);
    if (line === this.lastErrorLine) return;
    this.lastErrorLine = line;
    this.errors.push({ span: { start: this.tokStart, end: this.tokEnd }, message });
  }

  /** Consumes the current token, reporting it unless it is `kind`; true when it was. */
  expect(kind: TokenKind): boolean {
    const found = this.tokKind;
    if (found !== kind) this.addError(`expected ${kind}, got ${found}`);
    this.next();
    return found === kind;
  }

  /** Consumes the closing token and returns where the construct ends. */
  private expectClose(kind: TokenKind): number {
    const end = this.kind() === kind ? this.tokEnd : this.prevEnd;
    this.expect(kind);
    return end;
  }

  private advance(to: TokenKind): void {
    while (this.kind() !== 'EOF' && this.kind() !== to) this.next();
  }

  /** Entered before a statement or an operand, left after it (`depth--`): no closure per call. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.errors.push({ span: { start: this.tokStart, end: this.tokEnd }, message: 'nesting is too deep' });
      this.lastErrorLine = this.lineOf(this.tokStart);
      this.advance('EOF');
    }
  }

  /** Body = [ Statement { terminator Statement } ], up to and not including `until`. */
  parseBody(until: TokenKind): Statement[] {
    const body: Statement[] = [];
    while (this.kind() !== until && this.kind() !== 'EOF') {
      this.enter();
      const stmt = this.parseStatement();
      this.depth--;
      if (stmt) body.push(stmt);
      if (this.kind() === until) break;
      if (this.kind() !== 'TERMINATOR') {
        this.addError(`expected TERMINATOR, got ${this.kind()}`);
        this.consumeStatement();
      }
      this.next();
    }
    return body;
  }

  /** Skips to the terminator that ends the current statement, past any brackets it opened. */
  private consumeStatement(): void {
    let curly = 0;
    let brack = 0;
    let paren = 0;
    for (; this.kind() !== 'EOF'; this.next()) {
      switch (this.kind()) {
        case '{': curly++; break;
        case '}': curly--; break;
        case '[': brack++; break;
        case ']': brack--; break;
        case '(': paren++; break;
        case ')': paren--; break;
        case 'TERMINATOR':
          if (curly <= 0 && brack <= 0 && paren <= 0) return;
      }
    }
  }

  /** Statement = Attribute | Block; both start with a BlockName. */
  private parseStatement(): Statement | undefined {
    const bn = this.parseBlockName();
    if (!bn) {
      this.advance('IDENT');
      return undefined;
    }
    const first = bn.fragments[0];
    switch (this.kind()) {
      case '=':
        return this.parseAttribute(bn);
      case '{': {
        const lcurly = this.tokStart;
        this.expect('{');
        const body = this.parseBody('}');
        const rcurly = this.tokStart; // `}`, or EOF when the block is not closed
        const end = this.expectClose('}');
        const block: Block = { kind: 'block', name: bn.fragments, body, lcurly, rcurly, span: { start: first.span.start, end } };
        if (bn.label) block.label = bn.label;
        return block;
      }
      default:
        if (bn.fragments.length === 1 && !bn.label?.name) {
          this.addError(`expected attribute assignment or block body, got ${this.kind()}`);
        } else {
          this.addError(`expected block body, got ${this.kind()}`);
        }
        this.advance('IDENT');
        return undefined;
    }
  }

  private parseAttribute(bn: BlockName): Attribute {
    this.next(); // "="
    const name = bn.fragments[0];
    if (bn.fragments.length !== 1) {
      const joined = bn.fragments.map((f) => f.name).join('.');
      this.errors.push({
        span: { start: name.span.start, end: name.span.start + joined.length },
        message: 'attribute names may only consist of a single identifier with no "."',
      });
    } else if (bn.label) {
      this.errors.push({ span: bn.label.span, message: 'attribute names may not have labels' });
    }
    const value = this.parseExpression();
    return { kind: 'attribute', name, value, span: { start: name.span.start, end: value.span.end } };
  }

  /** BlockName = identifier { "." identifier } [ string ] */
  private parseBlockName(): BlockName | undefined {
    if (this.kind() !== 'IDENT') {
      this.addError(`expected identifier, got ${this.kind()}`);
      return undefined;
    }
    const fragments: Ident[] = [this.ident()];
    this.next();
    while (this.kind() === '.') {
      this.next();
      // A malformed fragment is kept so the rest of the name still parses.
      if (this.kind() !== 'IDENT') this.addError(`expected identifier, got ${this.kind()}`);
      fragments.push(this.ident());
      this.next();
    }
    const bn: BlockName = { fragments };
    if (this.kind() !== '=' && this.kind() !== '{') {
      if (this.kind() === 'STRING') {
        const lit = this.tokLit;
        if (lit[0] !== '"') this.addError(`expected block label to be a double quoted string, but got ${goQuote(lit)}`);
        const label = lit.length > 2 ? lit.slice(1, -1) : '';
        if (label && !isValidIdentifier(label)) {
          this.addError(`expected block label to be a valid identifier, but got ${goQuote(label)}`);
        }
        bn.label = { name: label, span: { start: this.tokStart, end: this.tokEnd } };
      } else {
        this.addError(`expected block label, got ${this.kind()}`);
      }
      this.next();
    }
    return bn;
  }

  private ident(): Ident {
    return { name: this.tokLit, span: { start: this.tokStart, end: this.tokEnd } };
  }

  parseExpression(): Expr {
    return this.parseBinOp(1);
  }

  /** Left-associative binary operators of precedence `minPrec` and higher. */
  private parseBinOp(minPrec: number): Expr {
    let left = this.parsePowExpr();
    for (;;) {
      const op = this.tokKind;
      const prec = binaryPrecedence(op);
      if (prec < minPrec) return left;
      const opSpan = { start: this.tokStart, end: this.tokEnd };
      this.next();
      const right = this.parseBinOp(prec + 1);
      left = {
        kind: 'binary', op: op as BinaryOperator, opSpan, left, right,
        span: { start: left.span.start, end: right.span.end },
      };
    }
  }

  /** PowExpr = UnaryExpr [ "^" PowExpr ]: `^` is right-associative. */
  private parsePowExpr(): Expr {
    const left = this.parseUnaryExpr();
    if (this.kind() !== '^') return left;
    const opSpan = { start: this.tokStart, end: this.tokEnd };
    this.next();
    const right = this.parsePowExpr();
    return {
      kind: 'binary', op: '^', opSpan, left, right,
      span: { start: left.span.start, end: right.span.end },
    };
  }

  private parseUnaryExpr(): Expr {
    this.enter();
    const expr = this.parseOperand();
    this.depth--;
    return expr;
  }

  /** UnaryExpr = OperExpr | unary_op UnaryExpr; OperExpr = PrimaryExpr { "." ident | "[" Expr "]" | "(" args ")" } */
  private parseOperand(): Expr {
    if (this.kind() === '!' || this.kind() === '-') {
      const op = this.tokKind as UnaryOperator;
      const start = this.tokStart;
      this.next();
      const value = this.parseUnaryExpr();
      return { kind: 'unary', op, value, span: { start, end: value.span.end } };
    }
    let primary = this.parsePrimaryExpr();
    for (;;) {
      const start = primary.span.start;
      switch (this.kind()) {
        case '.': {
          this.next();
          const name = this.ident();
          this.expect('IDENT');
          primary = { kind: 'access', value: primary, name, span: { start, end: name.span.end } };
          break;
        }
        case '[': {
          const lbrack = this.tokStart;
          this.next();
          const index = this.parseExpression();
          primary = { kind: 'index', value: primary, index, lbrack, span: { start, end: this.expectClose(']') } };
          break;
        }
        case '(': {
          const lparen = this.tokStart;
          this.next();
          const args = this.kind() !== ')' ? this.parseExpressionList(')') : [];
          primary = { kind: 'call', value: primary, args, lparen, span: { start, end: this.expectClose(')') } };
          break;
        }
        case 'STRING':
        case '{':
          if (!this.skipBlockUsedAsExpression(primary)) return primary;
          break;
        default:
          return primary;
      }
    }
  }

  /**
   * `x = prometheus.remote_write "x" { ... }`: parse the block to say so, as Alloy does.
   * Returns false when it was not a block after all and the statement was skipped.
   */
  private skipBlockUsedAsExpression(primary: Expr): boolean {
    if (this.kind() === 'STRING') this.next();
    if (!this.expect('{')) {
      this.consumeStatement();
      return false;
    }
    this.parseBody('}');
    const end = this.tokEnd;
    if (!this.expect('}')) {
      this.consumeStatement();
      return false;
    }
    this.errors.push({ span: { start: primary.span.start, end }, message: 'cannot use a block as an expression' });
    return true;
  }

  private parsePrimaryExpr(): Expr {
    const kind = this.tokKind;
    const start = this.tokStart;
    switch (kind) {
      case 'IDENT': {
        const name = this.tokLit;
        const span = { start, end: this.tokEnd };
        this.next();
        return { kind: 'identifier', name, span };
      }
      case 'STRING': case 'NUMBER': case 'FLOAT': case 'BOOL': case 'NULL': {
        const raw = this.tokLit;
        const span = { start, end: this.tokEnd };
        this.next();
        return { kind: 'literal', token: kind, raw, span };
      }
      case '(': {
        this.next();
        const inner = this.parseExpression();
        return { kind: 'paren', inner, span: { start, end: this.expectClose(')') } };
      }
      case '[': {
        this.next();
        const elements = this.kind() !== ']' ? this.parseExpressionList(']') : [];
        const array: ArrayExpr = { kind: 'array', elements, span: { start, end: this.expectClose(']') } };
        return array;
      }
      case '{': {
        this.next();
        const fields = this.parseFieldList();
        const object: ObjectExpr = { kind: 'object', fields, span: { start, end: this.expectClose('}') } };
        return object;
      }
    }
    this.addError(`expected expression, got ${kind}`);
    while (this.kind() !== 'EOF' && !STATEMENT_END.has(this.kind())) this.next();
    return { kind: 'bad', span: { start, end: start } };
  }

  /** ExpressionList = Expression { "," Expression } [ "," ] */
  private parseExpressionList(until: TokenKind): Expr[] {
    const exprs: Expr[] = [];
    while (this.kind() !== until && this.kind() !== 'EOF') {
      exprs.push(this.parseExpression());
      if (this.kind() === until) break;
      if (this.kind() !== ',') this.addError("missing ',' in expression list");
      this.next();
    }
    return exprs;
  }

  /** FieldList = Field { "," Field } [ "," ] */
  private parseFieldList(): ObjectField[] {
    const fields: ObjectField[] = [];
    while (this.kind() !== '}' && this.kind() !== 'EOF') {
      fields.push(this.parseField());
      if (this.kind() === '}') break;
      if (this.kind() !== ',') this.addError("missing ',' in field list");
      this.next();
    }
    return fields;
  }

  /** Field = ( string | identifier ) "=" Expression */
  private parseField(): ObjectField {
    const kind = this.tokKind;
    const lit = this.tokLit;
    const name: Ident = { name: lit, span: { start: this.tokStart, end: this.tokEnd } };
    let quoted = false;
    if (kind === 'STRING' || kind === 'IDENT') {
      // Like Alloy, the key keeps its escapes; `""` stays as written and unquoted.
      if (kind === 'STRING' && lit.length > 2) {
        name.name = lit.slice(1, -1);
        quoted = true;
      }
      this.next();
    } else {
      this.addError(`expected field name (string or identifier), got ${kind}`);
      this.advance('=');
    }
    this.expect('=');
    return { name, quoted, value: this.parseExpression() };
  }
}
