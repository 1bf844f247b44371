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

/** Printable ASCII without a metacharacter: a literal, which RE2 always accepts (most relabel regexes are). */
const PLAIN_LITERAL = /^[^\\.+*?()|[\]{}^$\x00-\x1f\x7f-\uffff]*$/;

export function validateRe2(pattern: string): Re2Validation {
  if (PLAIN_LITERAL.test(pattern)) return VALID;
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
