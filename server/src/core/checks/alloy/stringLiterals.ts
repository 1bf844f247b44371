// Positions inside Alloy string literals: `"\\d+"` in the source is the regex `\d+`, and a finding
// about its `+` must point at the `+` in the source, not two characters early.
import type { Span } from '../../diagnostic';
import type { LiteralExpr } from '../../alloy/ast';
import { goQuote } from '../../alloy/quote';

const ESCAPE = /^\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/s;

/** Source offset of each UTF-16 unit of the literal's value, plus one for the end of the value. */
export function valueOffsets(literal: LiteralExpr): number[] {
  const { raw, span } = literal;
  const offsets: number[] = [];
  const closing = raw.length > 1 && raw.endsWith(raw[0]) ? raw.length - 1 : raw.length;
  if (raw.startsWith('`')) {
    for (let i = 1; i < closing; i++) if (raw[i] !== '\r') offsets.push(span.start + i);
  } else {
    for (let i = 1; i < closing; ) {
      const m = raw[i] === '\\' ? ESCAPE.exec(raw.slice(i, i + 10)) : null;
      const width = m ? m[0].length : 1;
      const units = m && m[1].length > 1 && /^[uU]/.test(m[1]) && parseInt(m[1].slice(1), 16) > 0xffff ? 2 : 1;
      for (let u = 0; u < units; u++) offsets.push(span.start + i);
      i += width;
    }
  }
  offsets.push(span.start + closing);
  return offsets;
}

/** The source span of `[start, end)` of the literal's value. */
export function valueSpan(literal: LiteralExpr, part: Span): Span {
  const offsets = valueOffsets(literal);
  const at = (k: number) => offsets[Math.min(Math.max(k, 0), offsets.length - 1)];
  return { start: at(part.start), end: at(part.end) };
}

/** The literal to write for `value`, keeping a raw string raw when it can be. */
export function quoteLike(literal: LiteralExpr, value: string): string {
  return literal.raw.startsWith('`') && !value.includes('`') ? `\`${value}\`` : goQuote(value);
}
