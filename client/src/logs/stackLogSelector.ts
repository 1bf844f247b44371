// The LogQL selector for a whole stack, from its services' selectors (the language server computes one
// per service from the stack's log pipeline): one regex matcher over the label they share.

/** `{label="value"}` or `{label=~"regex"}`: the only shapes the server produces. */
interface Matcher {
  label: string;
  regex: string;
}

const SINGLE_MATCHER = /^\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|=)\s*("(?:[^"\\]|\\.)*"|`[^`]*`)\s*\}$/;

export function parseSingleMatcher(selector: string): Matcher | undefined {
  const m = SINGLE_MATCHER.exec(selector.trim());
  if (!m) return undefined;
  let value: string;
  try {
    value = m[3].startsWith('`') ? m[3].slice(1, -1) : (JSON.parse(m[3]) as string);
  } catch {
    return undefined;
  }
  return { label: m[1], regex: m[2] === '=' ? regexQuote(value) : value.includes('|') ? `(?:${value})` : value };
}

function regexQuote(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Loki anchors regex matchers, so `a|b` matches exactly a or b. */
export function stackLogSelector(stack: { projectName: string; services: { logSelector: string }[] }): string {
  const matchers = stack.services.map((s) => parseSingleMatcher(s.logSelector));
  const label = matchers[0]?.label;
  if (label && matchers.every((m) => m?.label === label)) {
    if (matchers.length === 1) return stack.services[0].logSelector;
    return `{${label}=~${JSON.stringify([...new Set(matchers.map((m) => m!.regex))].join('|'))}}`;
  }
  // Services found through different labels: the containers of the project, by compose's naming.
  return `{container=~${JSON.stringify(`/?${regexQuote(stack.projectName)}[-_].+`)}}`;
}
