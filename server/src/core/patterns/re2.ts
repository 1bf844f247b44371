// RE2 as Go compiles it: re2js rejects exactly what Go's regexp/syntax rejects, with the same messages.
import { RE2JS } from 're2js';

/**
 * How a context applies a regex: Prometheus/Alloy relabel rules and PromQL/LogQL label matchers
 * compile `^(?s:REGEX)$`; LogQL line filters, `regexp` stages and `loki.process` do not anchor.
 */
export type Anchoring = 'anchored' | 'unanchored';

export type Re2Validation = { ok: true } | { ok: false; reason: string };

const GO_PREFIX = 'error parsing regexp: ';

/** Verdicts by pattern: several checks ask about the same regex, and again on every keystroke. */
const verdicts = new Map<string, Re2Validation>();
const MAX_VERDICTS = 20_000;

const VALID: Re2Validation = { ok: true };

/**
 * Patterns RE2 always accepts, told without compiling (most relabel regexes and label matchers are
 * these): atoms (a printable ASCII literal, `.`, an escaped punctuation mark, `\d` `\w` `\s` and their
 * negations), each optionally followed by one `*`, `+` or `?`, with `|`, `^` and `$` between them.
 */
const SIMPLE_PATTERN = /^(?:(?:[^\\.+*?()|[\]{}^$\x00-\x1f\x7f-\uffff]|\.|\\[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]|\\[dDwWsS])[*+?]?|[|^$])*$/;

export function validateRe2(pattern: string): Re2Validation {
  if (SIMPLE_PATTERN.test(pattern)) return VALID;
  let verdict = verdicts.get(pattern);
  if (!verdict) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(pattern, (verdict = compileVerdict(pattern)));
  }
  return verdict;
}

function compileVerdict(pattern: string): Re2Validation {
  try {
    RE2JS.compile(pattern);
    return VALID;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: message.startsWith(GO_PREFIX) ? message.slice(GO_PREFIX.length) : message };
  }
}

/** The regex a relabel rule or label matcher really runs for `pattern`. */
export function anchoredForm(pattern: string): string {
  return `^(?s:${pattern})$`;
}

/** Whether `value` matches `pattern` in the given context; undefined when the pattern is not valid RE2. */
export function re2Matches(pattern: string, anchoring: Anchoring, value: string): boolean | undefined {
  try {
    if (anchoring === 'anchored') return RE2JS.compile(anchoredForm(pattern)).matches(value);
    return RE2JS.compile(pattern).matcher(value).find();
  } catch {
    return undefined;
  }
}
