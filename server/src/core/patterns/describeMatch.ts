// One sentence for a hover: what a regex matches in its context, with the wrapper it really runs in.
import { anchoredForm, validateRe2, type Anchoring } from './re2';
import { tokenizeRegex, type RegexToken } from './regexTokens';

export function describeMatch(pattern: string, anchoring: Anchoring): string {
  const valid = validateRe2(pattern);
  if (!valid.ok) return `invalid RE2: ${valid.reason}`;
  const shape = literalShape(pattern);
  if (anchoring === 'anchored') {
    const head = `anchored: matches the whole value ${anchoredForm(pattern)}`;
    return shape ? `${head}, i.e. ${anchoredShape(shape)}` : head;
  }
  const head = 'unanchored: matches if the pattern occurs anywhere in the text';
  return shape?.kind === 'exact' ? `${head}, i.e. text containing ${list(shape.texts, 'or')}` : head;
}

type Shape = { kind: 'exact' | 'prefix' | 'suffix' | 'contains'; texts: string[] };

function anchoredShape(shape: Shape): string {
  const texts = list(shape.texts, 'or');
  switch (shape.kind) {
    case 'exact':
      return shape.texts.length === 1 && shape.texts[0] === '' ? 'only the empty value' : `exactly ${texts}`;
    case 'prefix':
      return `values starting with ${texts}`;
    case 'suffix':
      return `values ending with ${texts}`;
    case 'contains':
      return `values containing ${texts}`;
  }
}

function list(texts: string[], conjunction: string): string {
  const quoted = texts.map((t) => `\`${t}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/**
 * Recognises the common cheap shapes: `a|b` (exact), `a.*` (prefix), `.*a` (suffix), `.*a.*`
 * (contains), with `a` literal text; anything else gets no paraphrase.
 */
function literalShape(pattern: string): Shape | undefined {
  const tokens = tokenizeRegex(pattern);
  const isAnyRun = (k: number) => tokens[k]?.kind === 'any' && tokens[k + 1] !== undefined && pattern.slice(tokens[k + 1].start, tokens[k + 1].end) === '*';
  const leading = isAnyRun(0);
  const trailing = tokens.length >= 2 && isAnyRun(tokens.length - 2);
  const body = tokens.slice(leading ? 2 : 0, trailing ? tokens.length - 2 : tokens.length);
  if (leading && trailing && tokens.length === 2) return undefined; // `.*` alone: everything
  const texts = literalAlternatives(pattern, body, leading || trailing);
  if (texts === undefined) return undefined;
  const kind = leading && trailing ? 'contains' : leading ? 'suffix' : trailing ? 'prefix' : 'exact';
  return { kind, texts };
}

function literalAlternatives(pattern: string, tokens: RegexToken[], single: boolean): string[] | undefined {
  const texts = [''];
  for (const t of tokens) {
    const text = pattern.slice(t.start, t.end);
    if (t.kind === 'alternate' && !single) texts.push('');
    else if (t.kind === 'literal') texts[texts.length - 1] += text;
    else if (t.kind === 'escape' && text.length === 2 && !/[0-9A-Za-z]/.test(text[1])) texts[texts.length - 1] += text[1];
    else return undefined;
  }
  return texts;
}
