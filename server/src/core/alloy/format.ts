// `alloy fmt`: walks the tree the way grafana/alloy syntax/printer/walker.go does and hands the
// tokens to the printer. Line breaks, trailing commas and blank lines follow the source layout.

import { ArrayExpr, Attribute, Block, CallExpr, Expr, ObjectExpr, Statement } from './ast';
import { lineLookup } from './lines';
import { parseAlloy, SyntaxError } from './parser';
import { Printer } from './printer';
import { goQuote } from './quote';

export type FormatResult = { text: string } | { errors: SyntaxError[] };

/** Formats like `alloy fmt`, final newline included; a file with syntax errors is not formatted. */
export function formatAlloy(text: string): FormatResult {
  const { file, errors, comments } = parseAlloy(text);
  if (errors.length > 0) return { errors };
  const lineOf = lineLookup(text);
  const walker = new Walker(new Printer(lineOf, comments, text), lineOf);
  walker.statements(file.body);
  return { text: walker.p.finish() + '\n' };
}

type Node = Statement | Expr;

class Walker {
  constructor(readonly p: Printer, private readonly lineOf: (offset: number) => number) {}

  /** Alloy compares lines of first and last characters; spans end one past the last. */
  private startLine(n: Node): number {
    return this.lineOf(n.span.start);
  }

  private endLine(n: Node): number {
    return this.lineOf(n.span.end - 1);
  }

  private lines(n: Node): number {
    return this.endLine(n) - this.startLine(n) + 1;
  }

  private differentLines(a: number, b: number): boolean {
    return this.lineOf(a) !== this.lineOf(b);
  }

  statements(body: Statement[]): void {
    body.forEach((s, i) => {
      // Blocks are always set apart by a blank line; a blank line in the source is kept.
      if (i > 0 && (s.kind === 'block' || this.startLine(s) - this.endLine(body[i - 1]) > 1)) this.p.space('\f');
      if (s.kind === 'attribute') this.attribute(s);
      else this.block(s);
      // A statement over several lines ends the run of aligned `=`.
      this.p.space(this.lines(s) > 1 ? '\f' : '\n');
    });
  }

  private attribute(a: Attribute): void {
    this.p.at(a.name.span.start);
    this.p.text(a.name.name, 'IDENT');
    this.p.space('\v');
    this.p.token('=');
    this.p.space(' ');
    this.expr(a.value);
  }

  private block(b: Block): void {
    this.p.at(b.name[0].span.start);
    this.p.text(b.name.map((n) => n.name).join('.'), 'IDENT');
    if (b.label?.name) {
      this.p.space(' ');
      this.p.at(b.label.span.start);
      this.p.text(goQuote(b.label.name), 'STRING');
    }
    this.p.space(' ');
    this.p.at(b.lcurly);
    this.p.token('{');
    this.p.space('>');
    if (b.body.length > 0) {
      this.p.space('\f');
      this.statements(b.body);
    } else {
      this.p.space(' ');
    }
    this.p.space('<');
    this.p.at(b.rcurly);
    this.p.token('}');
  }

  private expr(e: Expr): void {
    switch (e.kind) {
      case 'literal':
        this.p.at(e.span.start);
        this.p.text(e.raw, e.token);
        return;
      case 'identifier':
        this.p.at(e.span.start);
        this.p.text(e.name, 'IDENT');
        return;
      case 'array': return this.array(e);
      case 'object': return this.object(e);
      case 'call': return this.call(e);
      case 'access':
        this.expr(e.value);
        this.p.token('.');
        this.p.text(e.name.name, 'IDENT');
        return;
      case 'index':
        this.expr(e.value);
        this.p.at(e.lbrack);
        this.p.token('[');
        this.expr(e.index);
        this.p.at(e.span.end - 1);
        this.p.token(']');
        return;
      case 'unary':
        this.p.at(e.span.start);
        this.p.token(e.op);
        this.expr(e.value);
        return;
      case 'binary':
        this.expr(e.left);
        this.p.space(' ');
        this.p.at(e.opSpan.start);
        this.p.token(e.op);
        this.p.space(' ');
        this.expr(e.right);
        return;
      case 'paren':
        this.p.token('(');
        this.expr(e.inner);
        this.p.token(')');
        return;
      case 'bad':
        return; // only in files with errors, which are not formatted
    }
  }

  private array(e: ArrayExpr): void {
    const rbrack = e.span.end - 1;
    this.p.at(e.span.start);
    this.p.token('[');
    let prev = e.span.start;
    e.elements.forEach((el, i) => {
      // An element on its own line is indented; the indent comes first so comments before it are too.
      const ownLine = this.differentLines(prev, el.span.start);
      if (ownLine) this.p.space('>', '\f');
      else if (i > 0) this.p.space(' ');
      prev = el.span.end - 1;
      this.expr(el);
      if (i + 1 < e.elements.length) this.p.token(',');
      if (ownLine) this.p.space('<');
    });
    // A `]` on its own line needs a trailing comma.
    if (e.elements.length > 0 && this.differentLines(prev, rbrack)) {
      this.p.token(',');
      this.p.space('>', '\f', '<');
    }
    this.p.at(rbrack);
    this.p.token(']');
  }

  private object(e: ObjectExpr): void {
    const rcurly = e.span.end - 1;
    this.p.at(e.span.start);
    this.p.token('{');
    this.p.space('>');
    let prev = e.span.start;
    e.fields.forEach((f, i) => {
      if (this.differentLines(prev, f.name.span.start)) {
        // `=` stays aligned with the previous field only when that field fit on one line.
        this.p.space(i > 0 && this.lines(e.fields[i - 1].value) === 1 ? '\n' : '\f');
      } else if (i > 0) {
        this.p.space(' ');
      }
      prev = f.name.span.end - 1;
      this.p.at(f.name.span.start);
      this.p.text(f.quoted ? goQuote(f.name.name) : f.name.name, f.quoted ? 'STRING' : 'IDENT');
      this.p.space('\v');
      this.p.token('=');
      this.p.space(' ');
      this.expr(f.value);
      if (i + 1 < e.fields.length) this.p.token(',');
    });
    if (e.fields.length > 0 && this.differentLines(prev, rcurly)) {
      this.p.token(',');
      this.p.space('\f');
    }
    this.p.space('<');
    this.p.at(rcurly);
    this.p.token('}');
  }

  private call(e: CallExpr): void {
    const rparen = e.span.end - 1;
    this.expr(e.value);
    this.p.token('(');
    let prev = e.lparen;
    e.args.forEach((arg, i) => {
      const ownLine = this.differentLines(prev, arg.span.start);
      if (ownLine) this.p.space('\f', '>');
      this.expr(arg);
      prev = arg.span.end - 1;
      if (i + 1 < e.args.length) {
        this.p.token(',');
        this.p.space(' ');
      }
      if (ownLine) this.p.space('<');
    });
    if (this.differentLines(prev, rparen)) {
      this.p.token(',');
      this.p.space('\f');
    }
    this.p.token(')');
  }
}
