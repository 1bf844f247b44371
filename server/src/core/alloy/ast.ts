// The Alloy syntax tree. Every node carries the UTF-16 span of its source text.

import { Span } from '../diagnostic';
import { BinaryOperator, UnaryOperator } from './tokens';

export interface Ident {
  name: string;
  span: Span;
}

export interface Comment {
  /** Text with `//` or `/* *\/` markers, without carriage returns. */
  text: string;
  span: Span;
}

export interface AlloyFile {
  body: Statement[];
}

export type Statement = Attribute | Block;

export interface Attribute {
  kind: 'attribute';
  name: Ident;
  value: Expr;
  span: Span;
}

export interface Block {
  kind: 'block';
  /** The dotted name split into its fragments: `discovery.relabel` is two idents. */
  name: Ident[];
  /** Label without its quotes (`""` gives an empty name); the span covers the quotes. */
  label?: Ident;
  body: Statement[];
  /** Offset of `{`. */
  lcurly: number;
  /** Offset of `}`, or the end of the text when the block is not closed. */
  rcurly: number;
  span: Span;
}

export type Expr =
  | LiteralExpr | IdentifierExpr | ArrayExpr | ObjectExpr | AccessExpr
  | IndexExpr | CallExpr | UnaryExpr | BinaryExpr | ParenExpr | BadExpr;

export interface LiteralExpr {
  kind: 'literal';
  token: 'STRING' | 'NUMBER' | 'FLOAT' | 'BOOL' | 'NULL';
  /** Source text, quotes and escapes included. */
  raw: string;
  span: Span;
}

export interface IdentifierExpr {
  kind: 'identifier';
  name: string;
  span: Span;
}

export interface ArrayExpr {
  kind: 'array';
  elements: Expr[];
  span: Span;
}

export interface ObjectField {
  /** Key without quotes; its span covers the quotes when `quoted`. */
  name: Ident;
  quoted: boolean;
  value: Expr;
}

export interface ObjectExpr {
  kind: 'object';
  fields: ObjectField[];
  span: Span;
}

export interface AccessExpr {
  kind: 'access';
  value: Expr;
  name: Ident;
  span: Span;
}

export interface IndexExpr {
  kind: 'index';
  value: Expr;
  index: Expr;
  /** Offset of `[`. */
  lbrack: number;
  span: Span;
}

export interface CallExpr {
  kind: 'call';
  value: Expr;
  args: Expr[];
  /** Offset of `(`. */
  lparen: number;
  span: Span;
}

export interface UnaryExpr {
  kind: 'unary';
  op: UnaryOperator;
  value: Expr;
  span: Span;
}

export interface BinaryExpr {
  kind: 'binary';
  op: BinaryOperator;
  opSpan: Span;
  left: Expr;
  right: Expr;
  span: Span;
}

export interface ParenExpr {
  kind: 'paren';
  inner: Expr;
  span: Span;
}

/** Stands in where an expression was expected but could not be parsed; Alloy's parser uses `null`. */
export interface BadExpr {
  kind: 'bad';
  span: Span;
}

export function blockFullName(block: Block): string {
  return block.name.map((n) => n.name).join('.');
}

/** Span of the whole dotted block name, `discovery.relabel`. */
export function blockNameSpan(block: Block): Span {
  return { start: block.name[0].span.start, end: block.name[block.name.length - 1].span.end };
}
