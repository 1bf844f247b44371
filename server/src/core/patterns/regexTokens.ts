// A shallow scanner for RE2 patterns: enough structure to tell literal text from regex syntax,
// without building a parse tree (re2js already validates; we only need token boundaries).

export type RegexTokenKind =
  | 'literal' // a plain character that matches itself
  | 'escape' // \. \d \pL \x{41} \Q…\E
  | 'class' // [...]
  | 'any' // .
  | 'repeat' // * + ? {n,m} (a lazy ? after a repeat is folded into it)
  | 'alternate' // |
  | 'groupOpen' // ( (?: (?i) (?P<n>
  | 'groupClose' // )
  | 'assertion'; // ^ $

export interface RegexToken {
  kind: RegexTokenKind;
  start: number;
  end: number;
}

const REPEAT_COUNT = /^\{\d+(,\d*)?\}/;

export function tokenizeRegex(pattern: string): RegexToken[] {
  const tokens: RegexToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const start = i;
    const kind = scanOne(pattern, i);
    i = kind.end;
    const prev = tokens[tokens.length - 1];
    // `*?` is one lazy repetition, not a repetition of a repetition.
    if (kind.kind === 'repeat' && pattern[start] === '?' && prev?.kind === 'repeat' && prev.end === start) {
      prev.end = i;
      continue;
    }
    tokens.push({ kind: kind.kind, start, end: i });
  }
  return tokens;
}

function scanOne(p: string, i: number): { kind: RegexTokenKind; end: number } {
  const c = p[i];
  switch (c) {
    case '\\':
      return { kind: 'escape', end: escapeEnd(p, i) };
    case '[':
      return { kind: 'class', end: classEnd(p, i) };
    case '.':
      return { kind: 'any', end: i + 1 };
    case '*':
    case '+':
    case '?':
      return { kind: 'repeat', end: i + 1 };
    case '{': {
      // RE2 treats a `{` that does not start a valid count as a literal.
      const m = REPEAT_COUNT.exec(p.slice(i));
      return m ? { kind: 'repeat', end: i + m[0].length } : { kind: 'literal', end: i + 1 };
    }
    case '|':
      return { kind: 'alternate', end: i + 1 };
    case '(':
      return { kind: 'groupOpen', end: groupOpenEnd(p, i) };
    case ')':
      return { kind: 'groupClose', end: i + 1 };
    case '^':
    case '$':
      return { kind: 'assertion', end: i + 1 };
    default:
      return { kind: 'literal', end: i + 1 };
  }
}

function escapeEnd(p: string, i: number): number {
  const next = p[i + 1];
  if (next === undefined) return i + 1;
  if (next === 'Q') {
    const close = p.indexOf('\\E', i + 2);
    return close < 0 ? p.length : close + 2;
  }
  if ((next === 'x' || next === 'p' || next === 'P') && p[i + 2] === '{') {
    const close = p.indexOf('}', i + 3);
    return close < 0 ? p.length : close + 1;
  }
  if (next === 'x') return Math.min(p.length, i + 4);
  if (next === 'p' || next === 'P') return Math.min(p.length, i + 3);
  return i + 2;
}

function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++; // a leading ] is a literal member
  while (j < p.length && p[j] !== ']') {
    if (p[j] === '\\') j += 2;
    else if (p.startsWith('[:', j)) {
      const close = p.indexOf(':]', j + 2);
      j = close < 0 ? j + 1 : close + 2;
    } else j++;
  }
  return Math.min(p.length, j + 1);
}

function groupOpenEnd(p: string, i: number): number {
  if (p[i + 1] !== '?') return i + 1;
  // (?flags) (?flags: (?P<name> (?<name>: the header ends at the first ) : or >
  for (let j = i + 2; j < p.length; j++) {
    if (p[j] === ')' || p[j] === ':' || p[j] === '>') return j + 1;
  }
  return p.length;
}

/** True when nothing before `index` can be repeated: start of pattern, of a group or of an alternative. */
export function startsOperand(tokens: RegexToken[], index: number): boolean {
  const prev = tokens[index - 1];
  return prev === undefined || prev.kind === 'alternate' || prev.kind === 'groupOpen';
}
