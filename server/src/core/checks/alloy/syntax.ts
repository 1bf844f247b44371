import type { Check } from '../check';
import type { Fix } from '../../diagnostic';
import type { AlloyTarget } from './target';

const SEMICOLON = "illegal character U+003B ';'";

/**
 * Alloy separates statements with newlines only, and list or object items with commas: a `;` becomes
 * a line break (in a block) or a comma (where the parser wanted one).
 */
function semicolonFix(target: AlloyTarget, at: number): Fix | undefined {
  const { text, file, parsed } = target;
  if (text[at] !== ';') return undefined;
  let end = at + 1;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (parsed.errors.some((e) => e.span.start === at && e.message.startsWith("missing ','"))) {
    return { title: 'Replace `;` with `,`', edits: [{ file, span: { start: at, end: at + 1 }, newText: ',' }], preferred: true };
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const indent = /^[ \t]*/.exec(before)![0];
  // `rule { a = 1; b = 2 }`: the second statement goes inside the block, one level deeper.
  const opensBlock = (before.match(/\{/g)?.length ?? 0) > (before.match(/\}/g)?.length ?? 0);
  const step = indent.includes('\t') || indent === '' ? '\t' : indent.length % 4 === 0 ? '    ' : '  ';
  const newText = `\n${indent}${opensBlock ? step : ''}`;
  return { title: 'Put the next statement on its own line', edits: [{ file, span: { start: at, end }, newText }], preferred: true };
}

export const alloySyntax: Check<AlloyTarget> = {
  code: 'river/syntax',
  severity: 'error',
  description: 'Alloy cannot parse the file (the errors `alloy fmt` and `alloy run` print).',
  run(target, report) {
    const { file, parsed } = target;
    const semicolons = new Set(parsed.errors.filter((e) => e.message === SEMICOLON).map((e) => e.span.start));
    for (const error of parsed.errors) {
      const fix = semicolons.has(error.span.start) ? semicolonFix(target, error.span.start) : undefined;
      report({ file, span: error.span, message: error.message, fixes: fix ? [fix] : [] });
    }
  },
};
