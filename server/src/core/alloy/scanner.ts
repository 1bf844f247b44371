// The Alloy lexer. It follows grafana/alloy syntax/scanner: the same tokens, the same error
// messages at the same positions, and Go-style automatic TERMINATOR insertion after a line ends
// in an identifier, literal, `)`, `]` or `}`.

import { Span } from '../diagnostic';
import { keywordKind, Token, TokenKind } from './tokens';

export type LexErrorHandler = (span: Span, message: string) => void;

// Runs of characters skipped natively (sticky regexes), without next() per character. Each takes
// only characters next() has nothing to say about: not NUL, a surrogate or a BOM.
const BLANKS = /[ \t\r]+/y;
const BLANKS_AND_NEWLINES = /[ \t\r\n]+/y;
const ASCII_WORD = /[A-Za-z0-9_]+/y;
const PLAIN_IN_DOUBLE_QUOTES = /[^"\\\n\0\ud800-\uffff]+/y;
const PLAIN_IN_SINGLE_QUOTES = /[^'\\\n\0\ud800-\uffff]+/y;
const PLAIN_IN_BACKTICKS = /[^`\\\n\0\ud800-\uffff]+/y;

const EOF = -1;
const BOM = 0xfeff;
const NL = 0x0a;

/** Character codes, inlined by the compiler: a switch compares constants, not calls evaluated per case. */
const enum Ch {
  SingleQuote = 0x27, DoubleQuote = 0x22, Backtick = 0x60, Backslash = 0x5c,
  Pipe = 0x7c, Ampersand = 0x26, Bang = 0x21, Equals = 0x3d, Less = 0x3c, Greater = 0x3e,
  Slash = 0x2f, Star = 0x2a, Plus = 0x2b, Minus = 0x2d, Percent = 0x25, Caret = 0x5e, Dot = 0x2e, Comma = 0x2c,
  LCurly = 0x7b, RCurly = 0x7d, LParen = 0x28, RParen = 0x29, LBrack = 0x5b, RBrack = 0x5d,
  A = 0x61, B = 0x62, F = 0x66, N = 0x6e, R = 0x72, T = 0x74, V = 0x76, X = 0x78, U = 0x75, BigU = 0x55,
}

export function isLetter(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || ch === 0x5f ||
    (ch >= 0x80 && /\p{L}/u.test(String.fromCodePoint(ch)));
}

function isDecimal(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isDigit(ch: number): boolean {
  return isDecimal(ch) || (ch >= 0x80 && /\p{Nd}/u.test(String.fromCodePoint(ch)));
}

/** Go's `%#U`: `U+003B ';'`, without the quoted character when it is not printable. */
export function describeRune(ch: number): string {
  const hex = 'U+' + ch.toString(16).toUpperCase().padStart(4, '0');
  const s = String.fromCodePoint(ch);
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(s) ? `${hex} '${s}'` : hex;
}

function digitVal(ch: number): number {
  if (isDecimal(ch)) return ch - 0x30;
  const l = ch | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : 16;
}

export class Scanner {
  private ch = EOF;
  private offset = 0; // offset of ch
  private readOffset = 0; // offset after ch
  private insertTerm = false;
  /** The token read() scanned last, as in Token. */
  tokenKind: TokenKind = 'EOF';
  tokenStart = 0;
  tokenEnd = 0;
  tokenLit = '';

  constructor(private readonly src: string, private readonly onError: LexErrorHandler = () => {}) {
    this.next();
    if (this.ch === BOM) this.next(); // a BOM is allowed as the very first character only
  }

  private error(start: number, end: number, message: string): void {
    this.onError({ start, end: Math.min(Math.max(end, start), this.src.length) }, message);
  }

  private peek(): number {
    return this.readOffset < this.src.length ? this.src.charCodeAt(this.readOffset) : EOF;
  }

  private next(): void {
    if (this.readOffset >= this.src.length) {
      this.offset = this.src.length;
      this.ch = EOF;
      return;
    }
    this.offset = this.readOffset;
    const unit = this.src.charCodeAt(this.offset);
    // Almost every character: not NUL, not a surrogate, not a BOM (0xfeff is above 0xd800).
    if (unit !== 0 && unit < 0xd800) {
      this.readOffset++;
      this.ch = unit;
      return;
    }
    let r = this.src.codePointAt(this.offset)!;
    const width = r > 0xffff ? 2 : 1;
    if (r === 0) {
      this.error(this.offset, this.offset + 1, 'illegal character NUL');
    } else if (r >= 0xd800 && r <= 0xdfff) {
      // A lone surrogate is what invalid UTF-8 becomes once the text is a JS string.
      this.error(this.offset, this.offset + 1, 'illegal UTF-8 encoding');
      r = 0xfffd;
    } else if (r === BOM && this.offset > 0) {
      this.error(this.offset, this.offset + 1, 'illegal byte order mark');
    }
    this.readOffset += width;
    this.ch = r;
  }

  /** Scans the next token and returns it as an object (tokenize, completion). */
  scan(): Token {
    this.read();
    return { kind: this.tokenKind, start: this.tokenStart, end: this.tokenEnd, lit: this.tokenLit };
  }

  /** Scans the next token into tokenKind, tokenStart, tokenEnd and tokenLit: no object per token. */
  read(): void {
    this.skipWhitespace();
    const start = this.offset;
    const ch = this.ch;
    let insertTerm = false;
    let kind: TokenKind;
    let lit = '';

    if (isLetter(ch)) {
      lit = this.scanIdentifier();
      kind = keywordKind(lit);
      insertTerm = true;
    } else if (isDecimal(ch) || (ch === 0x2e && isDecimal(this.peek()))) {
      insertTerm = true;
      kind = this.scanNumber();
      lit = this.src.slice(start, this.offset);
    } else {
      this.next(); // make progress; ch is the first character, this.ch the second
      switch (ch) {
        case EOF:
          if (this.insertTerm) {
            this.insertTerm = false;
            return this.token('TERMINATOR', start, start, '\n');
          }
          return this.token('EOF', start, start, '');
        case NL: // reachable only when a terminator is due; skipWhitespace eats other newlines
          this.insertTerm = false;
          return this.token('TERMINATOR', start, start + 1, '\n');
        case Ch.SingleQuote:
          this.error(start, start + 1, 'illegal single-quoted string; use double quotes');
          insertTerm = true;
          kind = 'ILLEGAL';
          lit = this.scanString(start, Ch.SingleQuote, true, false);
          break;
        case Ch.DoubleQuote:
          insertTerm = true;
          kind = 'STRING';
          lit = this.scanString(start, Ch.DoubleQuote, true, false);
          break;
        case Ch.Backtick:
          insertTerm = true;
          kind = 'STRING';
          lit = this.scanString(start, Ch.Backtick, false, true);
          break;
        case Ch.Pipe:
          kind = this.pair(Ch.Pipe, '||', 'missing second | in ||');
          break;
        case Ch.Ampersand:
          kind = this.pair(Ch.Ampersand, '&&', 'missing second & in &&');
          break;
        case Ch.Bang: kind = this.switch2('!', '!='); break;
        case Ch.Equals: kind = this.switch2('=', '=='); break;
        case Ch.Less: kind = this.switch2('<', '<='); break;
        case Ch.Greater: kind = this.switch2('>', '>='); break;
        case Ch.Slash:
          if (this.ch === Ch.Slash || this.ch === Ch.Star) {
            // A terminator is due: emit it before the comment when the comment ends the line.
            if (this.insertTerm && this.commentEndsLine(start)) {
              this.readOffset = start;
              this.next();
              this.insertTerm = false;
              return this.token('TERMINATOR', start, start, '\n');
            }
            kind = 'COMMENT';
            lit = this.scanComment(start);
          } else {
            kind = '/';
          }
          break;
        case Ch.RCurly: case Ch.RParen: case Ch.RBrack:
          insertTerm = true;
          kind = String.fromCharCode(ch) as TokenKind;
          break;
        case Ch.Plus: case Ch.Minus: case Ch.Star: case Ch.Percent: case Ch.Caret:
        case Ch.LCurly: case Ch.LParen: case Ch.LBrack: case Ch.Comma: case Ch.Dot:
          kind = String.fromCharCode(ch) as TokenKind;
          break;
        default:
          // next() already reported a misplaced BOM.
          if (ch !== BOM) this.error(start, this.offset, `illegal character ${describeRune(ch)}`);
          insertTerm = this.insertTerm; // an illegal character keeps the pending terminator
          kind = 'ILLEGAL';
          lit = String.fromCodePoint(ch);
      }
    }
    this.insertTerm = insertTerm;
    this.token(kind, start, this.offset, lit);
  }

  private token(kind: TokenKind, start: number, end: number, lit: string): void {
    this.tokenKind = kind;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.tokenLit = lit;
  }

  private skipWhitespace(): void {
    const src = this.src;
    let i = this.offset;
    const run = this.insertTerm ? BLANKS : BLANKS_AND_NEWLINES;
    run.lastIndex = i;
    if (run.test(src)) i = run.lastIndex;
    this.resumeAt(i);
  }

  private switch2(one: TokenKind, two: TokenKind): TokenKind {
    if (this.ch !== Ch.Equals) return one;
    this.next();
    return two;
  }

  private pair(ch: number, kind: TokenKind, message: string): TokenKind {
    if (this.ch === ch) this.next();
    else this.error(this.offset, this.offset, message);
    return kind;
  }

  private scanIdentifier(): string {
    const src = this.src;
    const start = this.offset;
    // Runs of ASCII letters, digits and `_` in one match; Unicode ones through next().
    for (;;) {
      let i = this.offset;
      ASCII_WORD.lastIndex = i;
      if (ASCII_WORD.test(src)) i = ASCII_WORD.lastIndex;
      this.resumeAt(i);
      if (!(this.ch >= 0x80 && (isLetter(this.ch) || isDigit(this.ch)))) break;
      this.next();
    }
    return src.slice(start, this.offset);
  }

  /**
   * Continues at `i`, past characters a loop skipped without next(): such loops take only characters
   * next() has nothing to say about (not NUL, a surrogate or a BOM; charCodeAt past the end is NaN).
   */
  private resumeAt(i: number): void {
    if (i === this.offset) return;
    this.readOffset = i;
    this.next();
  }

  private digits(): number {
    let count = 0;
    for (; isDecimal(this.ch); count++) this.next();
    return count;
  }

  private scanNumber(): TokenKind {
    const start = this.offset;
    let kind: TokenKind = 'NUMBER';
    if (this.ch !== 0x2e) this.digits();
    if (this.ch === 0x2e) {
      kind = 'FLOAT';
      this.next();
      this.digits();
    }
    if ((this.ch | 0x20) === 0x65) {
      kind = 'FLOAT';
      this.next();
      if (this.ch === Ch.Plus || this.ch === Ch.Minus) this.next();
      if (this.digits() === 0) this.error(start, this.offset, 'exponent has no digits');
    }
    return kind;
  }

  private scanString(start: number, until: number, escapes: boolean, multiline: boolean): string {
    const src = this.src;
    for (;;) {
      // Plain characters in one match; the closing quote, escapes, line breaks and odd characters below.
      let i = this.offset;
      const plain = until === Ch.DoubleQuote ? PLAIN_IN_DOUBLE_QUOTES : until === Ch.Backtick ? PLAIN_IN_BACKTICKS : PLAIN_IN_SINGLE_QUOTES;
      plain.lastIndex = i;
      if (plain.test(src)) i = plain.lastIndex;
      this.resumeAt(i);
      const ch = this.ch;
      if ((!multiline && ch === NL) || ch === EOF) {
        this.error(start, this.offset, 'string literal not terminated');
        break;
      }
      this.next();
      if (ch === until) break;
      if (escapes && ch === Ch.Backslash) this.scanEscape();
    }
    return this.src.slice(start, this.offset);
  }

  /** Checks one escape after a backslash; on an error it stops at the offending character. */
  private scanEscape(): void {
    const start = this.offset;
    let n: number;
    let base: number;
    let max: number;
    switch (this.ch) {
      case Ch.A: case Ch.B: case Ch.F: case Ch.N: case Ch.R:
      case Ch.T: case Ch.V: case Ch.Backslash: case Ch.DoubleQuote:
        this.next();
        return;
      case Ch.X: this.next(); [n, base, max] = [2, 16, 255]; break;
      case Ch.U: this.next(); [n, base, max] = [4, 16, 0x10ffff]; break;
      case Ch.BigU: this.next(); [n, base, max] = [8, 16, 0x10ffff]; break;
      default:
        if (this.ch >= 0x30 && this.ch <= 0x37) {
          [n, base, max] = [3, 8, 255];
          break;
        }
        this.error(start, start + 1, this.ch === EOF ? 'escape sequence not terminated' : 'unknown escape sequence');
        return;
    }
    let x = 0;
    for (; n > 0; n--) {
      const d = digitVal(this.ch);
      if (d >= base) {
        const message = this.ch === EOF ? 'escape sequence not terminated'
          : `illegal character ${describeRune(this.ch)} in escape sequence`;
        this.error(start, this.offset + 1, message);
        return;
      }
      x = x * base + d;
      this.next();
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.error(start, this.offset, 'escape sequence is invalid Unicode code point');
    }
  }

  private scanComment(start: number): string {
    if (this.ch === Ch.Slash) {
      const src = this.src;
      let i = this.offset;
      for (let c = src.charCodeAt(i); c !== NL && c !== 0 && c < 0xd800; c = src.charCodeAt(++i));
      this.resumeAt(i);
      for (let ch: number = this.ch; ch !== NL && ch !== EOF; ch = this.ch) this.next();
      // The line break of a CRLF file is not part of the comment.
      const text = this.src.slice(start, this.offset);
      return text.includes('\r') ? text.replace(/\r$/, '').replace(/\r/g, '') : text;
    }
    this.next();
    while (this.ch !== EOF) {
      const ch = this.ch;
      this.next();
      if (ch === Ch.Star && this.ch === Ch.Slash) {
        this.next();
        return stripBlockCR(this.src.slice(start, this.offset));
      }
    }
    this.error(start, this.offset, 'block comment not terminated');
    return stripBlockCR(this.src.slice(start, this.offset));
  }

  /** Whether the comments starting at `start` run to the end of the line (or of the file). */
  private commentEndsLine(start: number): boolean {
    const s = this.src;
    let i = start + 1;
    while (s[i] === '/' || s[i] === '*') {
      if (s[i] === '/') return true;
      i++;
      while (i < s.length) {
        const c = s[i++];
        if (c === '\n') return true;
        if (c === '*' && s[i] === '/') {
          i++;
          break;
        }
      }
      while (s[i] === ' ' || s[i] === '\t' || s[i] === '\r') i++;
      if (i >= s.length || s[i] === '\n') return true;
      if (s[i] !== '/') return false;
      i++;
    }
    return false;
  }
}

/** Drops CRs from a block comment, but never one that keeps a `*` and `/` from closing it early. */
function stripBlockCR(text: string): string {
  const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
  let out = '';
  for (let j = 0; j < trimmed.length; j++) {
    const c = trimmed[j];
    if (c !== '\r' || (out.length > 2 && out.endsWith('*') && trimmed[j + 1] === '/')) out += c;
  }
  return out;
}

/** Whether `text` is exactly one Alloy identifier (block labels must be). */
export function isValidIdentifier(text: string): boolean {
  if (ASCII_IDENTIFIER.test(text)) return keywordKind(text) === 'IDENT';
  // Any other ASCII text ends the identifier early or is none; Unicode letters and digits need the scanner.
  if (/^[\x00-\x7f]*$/.test(text)) return false;
  const scanner = new Scanner(text);
  scanner.read();
  return scanner.tokenKind === 'IDENT' && scanner.tokenLit === text;
}

const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Scans the whole text, comments included, ending with the EOF token. */
export function tokenize(text: string, onError?: LexErrorHandler): Token[] {
  const scanner = new Scanner(text, onError);
  const tokens: Token[] = [];
  for (let tok = scanner.scan(); ; tok = scanner.scan()) {
    tokens.push(tok);
    if (tok.kind === 'EOF') return tokens;
  }
}
