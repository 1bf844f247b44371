// Alloy's token kinds, named exactly as Alloy prints them in messages ("expected }, got IDENT").

export type Operator =
  | '||' | '&&' | '!' | '=' | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '+' | '-' | '*' | '/' | '%' | '^'
  | '{' | '}' | '(' | ')' | '[' | ']' | ',' | '.';

export type TokenKind =
  | 'ILLEGAL' | 'EOF' | 'COMMENT' | 'TERMINATOR'
  | 'IDENT' | 'NUMBER' | 'FLOAT' | 'STRING' | 'BOOL' | 'NULL'
  | Operator;

export interface Token {
  kind: TokenKind;
  /** UTF-16 offsets; a TERMINATOR made from EOF or from a comment that ends the line is empty. */
  start: number;
  end: number;
  /** Source text of literals, keywords, comments and ILLEGAL characters; "\n" for TERMINATOR; "" otherwise. */
  lit: string;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '^';
export type UnaryOperator = '!' | '-';

/** Binding strength of a binary operator; 0 for tokens that are not binary operators. */
export function binaryPrecedence(kind: TokenKind): number {
  switch (kind) {
    case '||': return 1;
    case '&&': return 2;
    case '==': case '!=': case '<': case '<=': case '>': case '>=': return 3;
    case '+': case '-': return 4;
    case '*': case '/': case '%': return 5;
    case '^': return 6;
    default: return 0;
  }
}

export function keywordKind(ident: string): 'BOOL' | 'NULL' | 'IDENT' {
  if (ident === 'true' || ident === 'false') return 'BOOL';
  return ident === 'null' ? 'NULL' : 'IDENT';
}
