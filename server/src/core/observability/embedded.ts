// Strings that hold another language inside a config file: a PromQL query in a JSON dashboard, a
// relabel regex in YAML. Each knows where its characters are in the file and how to write new text
// back in the file's own quoting, so checks can point and fix without knowing the container.
import type { Span } from '../diagnostic';
import type { Anchoring } from '../patterns/re2';
import type { ParsedQuery, QueryLanguage } from '../queries/queryParse';
import type { DecodedString } from '../queries/decodedString';
import { mapToJsonString } from '../queries/jsonString';

export interface EmbeddedString {
  file: string;
  /** The decoded value. */
  value: string;
  /** The raw literal in the file (quotes included). */
  span: Span;
  /** File offset of a UTF-16 offset into `value` (the end maps past the last character). */
  toFile(offset: number): number;
  /** Raw text for the file that decodes to `text`; undefined when the literal cannot be edited safely. */
  encode?(text: string): string | undefined;
}

export interface EmbeddedQuery extends EmbeddedString {
  language: QueryLanguage;
  /** False when the language is a guess: then a parse error may be ours, and is not reported. */
  confident: boolean;
  /** What the query is, for messages: `panel "Errors", target A`. */
  where: string;
  /** Queries from a dashboard (their labels are checked against the workspace's log pipelines). */
  fromDashboard?: boolean;
  /** The query parsed in `language`: once for all the checks that read it. */
  parsed: ParsedQuery;
}

export interface EmbeddedPattern extends EmbeddedString {
  syntax: 'regex' | 'glob';
  anchoring: Anchoring;
  /** The field it is in, for messages: `relabel_configs[0].regex`. */
  where: string;
}

/** A query in an embedded string. (Fields copied one by one: spreading objects with closures into thousands of queries is slow.) */
export function embeddedQuery(s: EmbeddedString, query: Omit<EmbeddedQuery, keyof EmbeddedString>): EmbeddedQuery {
  const { file, value, span, toFile, encode } = s;
  return { file, value, span, toFile, encode, language: query.language, confident: query.confident, where: query.where, fromDashboard: query.fromDashboard, parsed: query.parsed };
}

/** A span of `value` (decoded offsets) as a file span. */
export function fileSpan(s: EmbeddedString, span: Span): Span {
  return { start: s.toFile(span.start), end: s.toFile(span.end) };
}

/**
 * An embedded string for the JSON string literal at `span` of `text`: its value now, the way back to
 * its raw characters when first asked for (most queries never have a finding to place).
 */
export function jsonEmbedded(file: string, text: string, span: Span, value: string): EmbeddedString {
  let decoded: DecodedString | undefined;
  return {
    file,
    value,
    span,
    toFile: (offset) => span.start + (decoded ??= mapToJsonString(text.slice(span.start, span.end))).toRaw(offset),
    encode: encodeJsonStringContent,
  };
}

/** Text as it must appear between the quotes of a JSON string. */
export function encodeJsonStringContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** A piece of an embedded string as an embedded string of its own (the query inside `label_values(…)`). */
export function sliceEmbedded(s: EmbeddedString, from: number, to: number): EmbeddedString {
  return {
    file: s.file,
    value: s.value.slice(from, to),
    span: { start: s.toFile(from), end: s.toFile(to) },
    toFile: (offset) => s.toFile(from + offset),
    encode: s.encode,
  };
}
