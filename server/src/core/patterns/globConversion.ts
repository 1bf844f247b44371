// Conversions between shell-style globs (Promtail/Alloy `__path__`, doublestar) and RE2 regexes,
// used by quick fixes. A glob `*` becomes `.*`: relabel values have no path separators to respect.
import { tokenizeRegex, type RegexToken } from './regexTokens';

const REGEX_META = /[\\.+*?()|[\]{}^$]/g;
const GLOB_META = /[\\*?[\]{}]/g;

function quoteRegex(text: string): string {
  return text.replace(REGEX_META, '\\$&');
}

/** An RE2 regex matching (at least) every string the glob matches, meant to be used anchored. */
export function globToRegex(glob: string): string {
  return convertGlob(glob, 0, glob.length);
}

function convertGlob(g: string, from: number, to: number): string {
  let out = '';
  let i = from;
  while (i < to) {
    const c = g[i];
    if (c === '*') {
      const run = i;
      while (g[i] === '*' && i < to) i++;
      // `**/` also matches no directory at all (doublestar): `a/**/b` matches `a/b`.
      if (i - run >= 2 && g[i] === '/' && i < to && (run === from || g[run - 1] === '/')) {
        out += '(?:.*/)?';
        i++;
      } else out += '.*';
      continue;
    }
    if (c === '?') out += '.';
    else if (c === '\\' && i + 1 < to) out += quoteRegex(g[++i]);
    else if (c === '[' && classClose(g, i, to) > 0) {
      const close = classClose(g, i, to);
      out += convertClass(g.slice(i + 1, close));
      i = close;
    } else if (c === '{' && braceClose(g, i, to) > 0) {
      const close = braceClose(g, i, to);
      out += `(?:${splitBraces(g, i + 1, close).map(([a, b]) => convertGlob(g, a, b)).join('|')})`;
      i = close;
    } else out += quoteRegex(c);
    i++;
  }
  return out;
}

function classClose(g: string, open: number, to: number): number {
  let j = open + 1;
  if (g[j] === '!' || g[j] === '^') j++;
  if (g[j] === ']') j++;
  for (; j < to; j++) {
    if (g[j] === '\\') j++;
    else if (g[j] === ']') return j;
  }
  return -1;
}

function convertClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = (negated ? body.slice(1) : body).replace(/\\(.)/g, (_m, ch: string) => quoteRegex(ch));
  return `[${negated ? '^' : ''}${members}]`;
}

function braceClose(g: string, open: number, to: number): number {
  let depth = 0;
  for (let j = open; j < to; j++) {
    if (g[j] === '\\') j++;
    else if (g[j] === '{') depth++;
    else if (g[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

/** Ranges of the comma-separated alternatives between `{` and `}` (nested braces kept whole). */
function splitBraces(g: string, from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let j = from; j < to; j++) {
    if (g[j] === '\\') j++;
    else if (g[j] === '{') depth++;
    else if (g[j] === '}') depth--;
    else if (g[j] === ',' && depth === 0) {
      parts.push([start, j]);
      start = j + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

/**
 * The glob a regex means, when globs can say it: `^/var/log/.*\.log$` gives `/var/log/*.log`,
 * `(a|b)` gives `{a,b}`. Undefined when the regex uses repetition or classes globs lack (`a+`, `\d`).
 */
export function regexToGlob(regex: string): string | undefined {
  const tokens = tokenizeRegex(regex);
  let from = 0;
  let to = tokens.length;
  if (tokens[0]?.kind === 'assertion' && regex[tokens[0].start] === '^') from++;
  const last = tokens[to - 1];
  if (to > from && last.kind === 'assertion' && regex[last.start] === '$') to--;
  const state = { regex, tokens, i: from, end: to };
  const alts = convertAlternatives(state, false);
  if (alts === undefined || state.i !== to) return undefined;
  return alts.length === 1 ? alts[0] : `{${alts.join(',')}}`;
}

interface TokenCursor {
  regex: string;
  tokens: RegexToken[];
  i: number;
  end: number;
}

function convertAlternatives(s: TokenCursor, inGroup: boolean): string[] | undefined {
  const alts = [''];
  while (s.i < s.end) {
    const t = s.tokens[s.i];
    if (t.kind === 'groupClose') return inGroup ? alts : undefined;
    if (t.kind === 'alternate') {
      alts.push('');
      s.i++;
      continue;
    }
    const piece = convertAtom(s);
    if (piece === undefined) return undefined;
    alts[alts.length - 1] += piece;
  }
  return inGroup ? undefined : alts;
}

/** One atom plus its repetition, as glob text. */
function convertAtom(s: TokenCursor): string | undefined {
  const t = s.tokens[s.i++];
  const text = s.regex.slice(t.start, t.end);
  if (t.kind === 'groupOpen') return convertGroup(s, text);
  const next = s.tokens[s.i];
  const repeat = s.i < s.end && next.kind === 'repeat' ? s.regex.slice(next.start, next.end) : '';
  if (repeat) s.i++;
  switch (t.kind) {
    case 'literal':
      return repeat ? undefined : text.replace(GLOB_META, '\\$&');
    case 'escape':
      return !repeat && text.length === 2 && !/[0-9A-Za-z]/.test(text[1]) ? text[1].replace(GLOB_META, '\\$&') : undefined;
    case 'any':
      return ({ '': '?', '*': '*', '*?': '*', '+': '?*', '+?': '?*' } as Record<string, string>)[repeat];
    case 'class':
      if (text === '[^/]' && (repeat === '*' || repeat === '*?')) return '*';
      return repeat || text.includes('\\') || text.includes('[:') ? undefined : text.replace(/^\[\^/, '[!');
    default:
      return undefined;
  }
}

function convertGroup(s: TokenCursor, open: string): string | undefined {
  if (open !== '(' && open !== '(?:') return undefined;
  const alts = convertAlternatives(s, true);
  if (alts === undefined) return undefined;
  s.i++; // the `)`
  if (s.i < s.end && s.tokens[s.i].kind === 'repeat') return undefined;
  return alts.length === 1 ? alts[0] : `{${alts.join(',')}}`;
}
