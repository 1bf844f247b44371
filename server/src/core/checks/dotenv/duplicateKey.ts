import type { Check } from '../check';
import { LineIndex } from '../../text/lineIndex';
import type { DotenvTarget } from './target';

export const dotenvDuplicateKey: Check<DotenvTarget> = {
  code: 'dotenv/duplicate-key',
  severity: 'information',
  description: 'A variable defined twice in one env file: the later definition wins.',
  run({ file, text, parsed }, report) {
    const lines = LineIndex.of(text);
    const last = new Map(parsed.entries.map((e) => [e.name, e]));
    for (const entry of parsed.entries) {
      const winner = last.get(entry.name)!;
      if (winner === entry) continue;
      const start = lines.lineStart(entry.line);
      const end = Math.max(lines.lineStart(lines.positionAt(entry.valueSpan.end).line + 1), entry.valueSpan.end);
      report({
        file,
        span: entry.nameSpan,
        message: `${entry.name} is defined again on line ${winner.line + 1}, and that later value wins: remove one of them.`,
        fixes: [{ title: `Remove this definition of ${entry.name}`, edits: [{ file, span: { start, end }, newText: '' }], preferred: true }],
      });
    }
  },
};
