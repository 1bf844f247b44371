// A YAML scalar as an embedded string: its decoded value with the way back to the raw characters,
// for every scalar style. When a style's mapping cannot be rebuilt exactly (a folded plain scalar,
// an unusual escape), offsets fall back to the whole scalar and no fix is offered.
import { Scalar } from 'yaml';
import { DecodedStringBuilder, type DecodedString } from '../queries/decodedString';
import { mapToJsonString } from '../queries/jsonString';
import { encodeJsonStringContent, type EmbeddedString } from './embedded';

export function yamlEmbedded(file: string, text: string, node: Scalar): EmbeddedString | undefined {
  if (!node.range || node.value === null || node.value === undefined || typeof node.value === 'object') return undefined;
  const [start, end] = node.range;
  const value = String(node.value);
  const raw = text.slice(start, end);
  const exact = exactMapping(raw, node.type, value);
  if (exact) {
    return { file, value, span: { start, end }, toFile: (o) => start + exact.decoded.toRaw(o), encode: exact.encode };
  }
  return { file, value, span: { start, end }, toFile: (o) => (o >= value.length ? end : start) };
}

interface Mapping {
  decoded: DecodedString;
  encode?: (text: string) => string | undefined;
}

const noNewline = (encode: (t: string) => string) => (t: string) => (t.includes('\n') ? undefined : encode(t));

function exactMapping(raw: string, type: Scalar['type'], value: string): Mapping | undefined {
  let mapping: Mapping | undefined;
  switch (type) {
    case Scalar.PLAIN:
      mapping = raw === value ? { decoded: identity(raw), encode: plainEncoder(value) } : undefined;
      break;
    case Scalar.QUOTE_SINGLE:
      mapping = raw.includes('\n') ? undefined : { decoded: singleQuoted(raw), encode: noNewline((t) => t.replace(/'/g, "''")) };
      break;
    case Scalar.QUOTE_DOUBLE:
      mapping = raw.includes('\n') ? undefined : { decoded: mapToJsonString(raw), encode: noNewline(encodeJsonStringContent) };
      break;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      mapping = { decoded: blockScalar(raw, type === Scalar.BLOCK_FOLDED), encode: noNewline((t) => t) };
      break;
  }
  // Trailing newlines depend on chomping; every character before them must agree.
  if (!mapping || mapping.decoded.value.replace(/\n+$/, '') !== value.replace(/\n+$/, '')) return undefined;
  return mapping;
}

function identity(raw: string): DecodedString {
  return { value: raw, toRaw: (o) => Math.min(Math.max(0, o), raw.length) };
}

/** A plain scalar stays plain only for text YAML reads back the same; otherwise no fix. */
function plainEncoder(original: string): ((t: string) => string | undefined) | undefined {
  if (/^[\s'"]|\s$/.test(original)) return undefined;
  return (t) => (/: |\s#|^[-?:,[\]{}#&*!|>'"%@`\s]|\n|\s$/.test(t) ? undefined : t);
}

function singleQuoted(raw: string): DecodedString {
  const out = new DecodedStringBuilder();
  const close = raw.length - 1;
  for (let i = 1; i < close; i++) {
    if (raw[i] === "'" && raw[i + 1] === "'") out.push("'", i++);
    else out.push(raw[i], i);
  }
  return out.finish(close);
}

/** `|` and `>` scalars: content lines lose their indentation; folded ones join lines with a space. */
function blockScalar(raw: string, folded: boolean): DecodedString {
  const out = new DecodedStringBuilder();
  const firstBreak = raw.indexOf('\n');
  if (firstBreak < 0) return out.finish(raw.length);
  const lines: Array<{ text: string; at: number }> = [];
  for (let at = firstBreak + 1; at <= raw.length; ) {
    const next = raw.indexOf('\n', at);
    const stop = next < 0 ? raw.length : next;
    lines.push({ text: raw.slice(at, stop), at });
    if (next < 0) break;
    at = next + 1;
  }
  const indent = Math.min(...lines.filter((l) => l.text.trim() !== '').map((l) => l.text.length - l.text.trimStart().length));
  lines.forEach((line, k) => {
    const content = line.text.slice(indent);
    for (let j = 0; j < content.length; j++) out.push(content[j], line.at + indent + j);
    const nextLine = lines[k + 1];
    const joinWithSpace = folded && content !== '' && nextLine !== undefined && nextLine.text.trim() !== '' && !/^\s/.test(nextLine.text.slice(indent));
    if (nextLine !== undefined || line.text !== '') out.push(joinWithSpace ? ' ' : '\n', line.at + line.text.length);
  });
  return out.finish(raw.length);
}
