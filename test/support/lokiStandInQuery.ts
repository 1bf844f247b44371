// The LogQL and parameter parsing of the Loki stand-in: stream selectors with the four matchers, line
// filters, and Loki's timestamp and duration forms. Just enough LogQL for StackLens's log view.

export type Labels = Record<string, string>;

interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
  regexp?: RegExp;
}

interface LineFilter {
  op: '|=' | '!=' | '|~' | '!~';
  value: string;
  regexp?: RegExp;
}

export interface LogQuery {
  matches(labels: Labels): boolean;
  keeps(line: string): boolean;
}

/** A 400-class problem with a request, worded as Loki words it; sent as plain text. */
export class BadRequest extends Error {}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** Parses `{a="b", c=~"x|y"} |= "text" !~ "re"`; throws BadRequest with a Loki-like parse error. */
export function parseLogQuery(query: string): LogQuery {
  let pos = 0;
  const fail = (what: string): never => {
    throw new BadRequest(`parse error at line 1, col ${pos + 1}: syntax error: ${what}`);
  };
  const skipSpace = () => {
    while (pos < query.length && /\s/.test(query[pos])) pos++;
  };
  const readString = (): string => {
    skipSpace();
    const quote = query[pos];
    if (quote === '`') {
      const end = query.indexOf('`', pos + 1);
      if (end < 0) fail('unterminated raw string');
      const value = query.slice(pos + 1, end);
      pos = end + 1;
      return value;
    }
    if (quote !== '"') return fail(`unexpected ${JSON.stringify(query.slice(pos, pos + 10) || 'end of input')}, expecting STRING`);
    let value = '';
    for (pos++; pos < query.length && query[pos] !== '"'; pos++) {
      if (query[pos] !== '\\') {
        value += query[pos];
        continue;
      }
      const next = query[++pos];
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    }
    if (query[pos] !== '"') fail('unterminated string');
    pos++;
    return value;
  };
  const compile = (source: string, anchored: boolean): RegExp => {
    try {
      return new RegExp(anchored ? `^(?:${source})$` : source, 's');
    } catch (error) {
      return fail(`invalid regexp ${JSON.stringify(source)}: ${(error as Error).message}`);
    }
  };

  skipSpace();
  if (query[pos] !== '{') fail(`unexpected ${JSON.stringify(query.slice(pos, pos + 10) || 'end of input')}, expecting {`);
  pos++;
  const matchers: Matcher[] = [];
  for (;;) {
    skipSpace();
    if (query[pos] === '}') break;
    const name = LABEL_NAME.exec(query.slice(pos))?.[0] ?? fail('expecting IDENTIFIER');
    pos += name.length;
    skipSpace();
    const op = (['=~', '!~', '!=', '='] as const).find((o) => query.startsWith(o, pos)) ?? fail('expecting = != =~ !~');
    pos += op.length;
    const value = readString();
    matchers.push({ name, op, value, regexp: op.endsWith('~') ? compile(value, true) : undefined });
    skipSpace();
    if (query[pos] === ',') pos++;
    else if (query[pos] !== '}') fail('expecting , or }');
  }
  pos++;
  if (!matchers.some((m) => !matchesValue(m, ''))) {
    throw new BadRequest(
      'queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will',
    );
  }
  const filters: LineFilter[] = [];
  for (skipSpace(); pos < query.length; skipSpace()) {
    const op = (['|=', '!=', '|~', '!~'] as const).find((o) => query.startsWith(o, pos));
    if (!op) return fail(`unexpected ${JSON.stringify(query.slice(pos, pos + 10))}: the stand-in supports line filters only`);
    pos += op.length;
    const value = readString();
    filters.push({ op, value, regexp: op.endsWith('~') ? compile(value, false) : undefined });
  }
  return {
    matches: (labels) => matchers.every((m) => matchesValue(m, labels[m.name] ?? '')),
    keeps: (line) => filters.every((f) => keepsLine(f, line)),
  };
}

function matchesValue(m: Matcher, value: string): boolean {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return m.regexp!.test(value);
    case '!~':
      return !m.regexp!.test(value);
  }
}

function keepsLine(f: LineFilter, line: string): boolean {
  switch (f.op) {
    case '|=':
      return line.includes(f.value);
    case '!=':
      return !line.includes(f.value);
    case '|~':
      return f.regexp!.test(line);
    case '!~':
      return !f.regexp!.test(line);
  }
}

/** Loki's timestamp forms: ns epoch; ≤10 digits = seconds; a float = fractional seconds; RFC3339(Nano). */
export function parseTimestamp(value: string | null, fallback: bigint): bigint {
  if (value === null || value === '') return fallback;
  if (/^-?\d+$/.test(value)) return value.replace('-', '').length <= 10 ? BigInt(value) * 1_000_000_000n : BigInt(value);
  if (/^-?\d+\.\d*$/.test(value)) {
    const [whole, fraction] = value.split('.');
    return BigInt(whole) * 1_000_000_000n + BigInt((fraction + '000000000').slice(0, 9));
  }
  const rfc = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(value);
  if (rfc) {
    const ms = Date.parse(`${rfc[1]}${rfc[3]}`);
    if (!Number.isNaN(ms)) return BigInt(ms) * 1_000_000n + BigInt(((rfc[2] ?? '') + '000000000').slice(0, 9));
  }
  throw new BadRequest(`cannot parse "${value}" to a valid timestamp`);
}

/** A Go duration (`1h30m`, `500ms`) or float seconds, in ns. */
export function parseDuration(value: string): bigint {
  if (/^\d+(\.\d+)?$/.test(value)) return BigInt(Math.round(Number(value) * 1e9));
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9, d: 86400e9, w: 604800e9 };
  let total = 0;
  const rest = value.replace(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g, (_, n: string, unit: string) => {
    total += Number(n) * units[unit];
    return '';
  });
  if (rest !== '' || value === '') throw new BadRequest(`cannot parse "${value}" to a valid duration`);
  return BigInt(Math.round(total));
}

export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}
