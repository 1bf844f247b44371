// Detects globs written where a regex is expected (relabel `regex`, PromQL `=~`) and regexes written
// where a glob is expected (`__path__`). Precision first: a hint fires only when the text cannot
// reasonably be read the other way.
import type { Span } from '../diagnostic';
import { globToRegex, regexToGlob } from './globConversion';
import { anchoredForm, re2Matches, type Anchoring } from './re2';
import { startsOperand, tokenizeRegex, type RegexToken } from './regexTokens';

export interface GlobHint {
  /** The offending characters, as offsets into the pattern. */
  span: Span;
  message: string;
  /** The whole pattern rewritten, when a rewrite is known. */
  suggestion?: string;
}

// Characters that separate words in names and paths: a `*` after one of these never means "repeat it".
const SEPARATORS = new Set(['-', '_', '/', ':', '@', '=', ',', ' ']);

export function findGlobAsRegex(pattern: string, anchoring: Anchoring): GlobHint | undefined {
  // Both hints are about a `*`, and neither is about `.*`, the regex's own "any text".
  if (!pattern.includes('*') || onlyDotStars(pattern)) return undefined;
  return findGlobAsRegexInTokens(pattern, anchoring);
}

/**
 * Every `*` follows a `.` that can only be "any character" (no escapes, no classes): such a star
 * repeats the dot, so RE2 accepts it and it is no glob (dashboards are full of `svc-.*`).
 */
export function onlyDotStars(pattern: string): boolean {
  if (pattern.includes('\\') || pattern.includes('[')) return false;
  for (let i = pattern.indexOf('*'); i !== -1; i = pattern.indexOf('*', i + 1)) if (pattern.charCodeAt(i - 1) !== 46) return false;
  return true;
}

/** The hints as the tokens give them (what `findGlobAsRegex` answers for every pattern). */
export function findGlobAsRegexInTokens(pattern: string, anchoring: Anchoring): GlobHint | undefined {
  if (!pattern.includes('*')) return undefined;
  const tokens = tokenizeRegex(pattern);
  return rejectedStar(pattern, tokens) ?? (anchoring === 'anchored' ? globStarInLiteralText(pattern, tokens) : undefined);
}

/** A `*` with nothing to repeat (`*.log`, `(*a)`, `a**`): RE2 rejects it, and the author meant a glob. */
function rejectedStar(pattern: string, tokens: RegexToken[]): GlobHint | undefined {
  const offending = tokens.filter((t, k) => pattern[t.start] === '*' && t.kind === 'repeat' && (startsOperand(tokens, k) || tokens[k - 1].kind === 'repeat'));
  if (offending.length === 0) return undefined;
  const [first] = offending;
  const suggestion = readsAsGlob(pattern, tokens, 'loose') ? alternativesToRegex(pattern, tokens, 'loose') : replaceStars(pattern, offending);
  return {
    span: { start: first.start, end: first.start + 1 },
    message:
      '`*` has nothing to repeat here, so RE2 rejects it (missing argument to repetition operator). ' +
      `This looks like a glob; in a regex, "any text" is \`.*\`: \`${suggestion}\`.`,
    suggestion,
  };
}

/** Anchored `app-*` or `dark_tower_ac*`: plain text with a `*` that repeats one character. */
function globStarInLiteralText(pattern: string, tokens: RegexToken[]): GlobHint | undefined {
  if (!readsAsGlob(pattern, tokens, 'strict')) return undefined;
  const star = tokens.find((t, k) => pattern[t.start] === '*' && looksLikeGlobStar(pattern, tokens, k));
  if (star === undefined) return undefined;
  const suggestion = alternativesToRegex(pattern, tokens, 'strict');
  const repeated = pattern[star.start - 1];
  const example = counterexample(pattern, suggestion);
  return {
    span: { start: star.start, end: star.end },
    message:
      `\`*\` repeats only the \`${repeated}\` before it, and this regex is anchored (${anchoredForm(pattern)})` +
      (example === undefined ? '' : `, so it does not match \`${example}\``) +
      `. This looks like a glob: write \`${suggestion}\`.`,
    suggestion,
  };
}

/**
 * Whether the pattern is glob text: strictly, only plain characters, `*` and top-level `|` (what a
 * person writes as a glob); loosely, also `.`, `?` and `[...]`, read the glob way (for patterns RE2
 * rejects anyway, where the glob reading is the only one left).
 */
function readsAsGlob(pattern: string, tokens: RegexToken[], mode: 'strict' | 'loose'): boolean {
  return tokens.every((t) => {
    const text = pattern.slice(t.start, t.end);
    if (t.kind === 'literal' || t.kind === 'alternate' || text === '*') return true;
    return mode === 'loose' && (t.kind === 'any' || t.kind === 'class' || text === '?');
  });
}

function looksLikeGlobStar(pattern: string, tokens: RegexToken[], k: number): boolean {
  const prev = tokens[k - 1];
  if (prev?.kind !== 'literal') return false;
  if (SEPARATORS.has(pattern[prev.start])) return true;
  const next = tokens[k + 1];
  const endsAlternative = next === undefined || next.kind === 'alternate';
  // `x*` alone may well mean "any number of x"; `ac*` after a word is a prefix match gone wrong.
  return endsAlternative && tokens[k - 2]?.kind === 'literal';
}

function alternativesToRegex(pattern: string, tokens: RegexToken[], mode: 'strict' | 'loose'): string {
  const bars = tokens.filter((t) => t.kind === 'alternate').map((t) => t.start);
  const bounds = [-1, ...bars, pattern.length];
  // Strict glob text has no glob syntax but `*`: braces and brackets in it stay literal.
  const asGlob = (text: string) => (mode === 'strict' ? text.replace(/[?[\]{}\\]/g, '\\$&') : text);
  return bounds
    .slice(1)
    .map((end, n) => globToRegex(asGlob(pattern.slice(bounds[n] + 1, end))))
    .join('|');
}

function replaceStars(pattern: string, stars: RegexToken[]): string {
  let out = '';
  let from = 0;
  for (const s of stars) {
    out += pattern.slice(from, s.start) + '.*';
    from = s.end;
  }
  return out + pattern.slice(from);
}

/** What the glob author expected to match and the regex does not, checked with RE2 itself. */
function counterexample(pattern: string, suggestion: string): string | undefined {
  const firstAlternative = pattern.split('|').find((a) => a.includes('*')) ?? pattern;
  const example = firstAlternative.replace(/\*+/g, 'x1');
  const missed = re2Matches(pattern, 'anchored', example) === false && re2Matches(suggestion, 'anchored', example) === true;
  return missed ? example : undefined;
}

// Regex syntax that no doublestar glob uses, each with why it gives the regex away and, when there is
// one, its glob spelling (used when the whole text is not a regex, e.g. `/logs/(a|b)/*.log`).
// `respell` matches what to rewrite once the text is known to be a regex (default: `re`).
const REGEX_SIGNS: Array<{ re: RegExp; what: string; glob?: (m: string) => string; respell?: RegExp }> = [
  // `app.*` reads well as a glob too (any extension), so only a `.*` that starts a path segment counts.
  {
    re: /(?<=^|\/)\.\*|\.\+/g,
    what: '`.*` is regex for "any text"; a glob writes `*`',
    glob: (m) => (m === '.*' ? '*' : '?*'),
    respell: /\.[*+]/g,
  },
  { re: /\\\./g, what: '`\\.` escapes a dot in a regex; in a glob a dot is already literal', glob: () => '.' },
  { re: /^\^/g, what: '`^` anchors a regex; globs always match the whole path', glob: () => '' },
  { re: /(?<!\\)\$$/g, what: '`$` anchors a regex; globs always match the whole path', glob: () => '' },
  { re: /\(([^()]*\|[^()]*)\)/g, what: '`(a|b)` is regex alternation; a glob writes `{a,b}`', glob: (m) => `{${m.slice(1, -1).split('|').join(',')}}` },
  { re: /[\])]\+/g, what: '`+` repeats in a regex; globs have no repetition' },
];

export function findRegexAsGlob(glob: string): GlobHint | undefined {
  for (const sign of REGEX_SIGNS) {
    sign.re.lastIndex = 0;
    const m = sign.re.exec(glob);
    if (m === null) continue;
    const suggestion = respellSigns(glob) ?? regexToGlob(glob);
    return {
      span: { start: m.index, end: m.index + m[0].length },
      message: `This looks like a regex, but this field takes a glob: ${sign.what}.` + (suggestion === undefined ? '' : ` Try \`${suggestion}\`.`),
      suggestion,
    };
  }
  return undefined;
}

/** The text with each regex sign spelled the glob way; undefined if one has no glob spelling. */
function respellSigns(text: string): string | undefined {
  let out = text;
  for (const sign of REGEX_SIGNS) {
    const { glob, respell = sign.re } = sign;
    if (glob === undefined) {
      if (out.search(respell) >= 0) return undefined;
      continue;
    }
    out = out.replace(respell, glob);
  }
  return out;
}
