// Formatting an Alloy file as `alloy fmt` does: one edit for the whole text, none while it does not parse.
import { formatAlloy } from '../alloy/format';
import type { Span } from '../diagnostic';

export interface AlloyEdit {
  span: Span;
  newText: string;
}

export function alloyFormatting(text: string): AlloyEdit[] {
  const result = formatAlloy(text);
  if (!('text' in result) || result.text === text) return [];
  return [{ span: { start: 0, end: text.length }, newText: result.text }];
}
