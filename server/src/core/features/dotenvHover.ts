import { parseDotenv } from '../compose/dotenv';
import type { Environment } from '../analyzer';
import type { HoverResult } from './composeHover';
import { displayValue } from './secrets';

/** A .env entry's value as compose reads it (unquoted, expanded), and whether the environment overrides it. */
export function dotenvHover(text: string, offset: number, environment: Environment): HoverResult | undefined {
  const entry = parseDotenv(text, (n) => environment[n]).entries.find((e) => offset >= e.nameSpan.start && offset <= e.valueSpan.end);
  if (!entry) return undefined;
  const overridden = environment[entry.name] !== undefined ? '\n\nThe environment also sets it, and the environment wins.' : '';
  return { markdown: `**${entry.name}** = \`${displayValue(entry.name, entry.value)}\`${overridden}`, span: entry.nameSpan };
}
