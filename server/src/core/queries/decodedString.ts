// Decoded string values that remember where each character came from, so a finding inside a
// decoded value (a regex error at one character) can point at the raw source text.

export interface DecodedString {
  value: string;
  /** Raw offset (into the literal, quotes included) of the decoded UTF-16 offset; the end maps past the last character. */
  toRaw(decodedOffset: number): number;
}

/**
 * Builds a decoded value and its mapping as runs, not a raw offset per character: a run of text
 * copied as it is maps offset by offset, and the characters of an escape all map to its start. A
 * query with two escapes has five runs, whatever its length.
 */
export class DecodedStringBuilder {
  private text = '';
  private length = 0;
  /** Triples: decoded start, raw start, step (1: characters copied one to one; 0: all at the raw start). */
  private readonly runs: number[] = [];

  /** `value`: the decoded text when the caller has it already (only the mapping is built then). */
  constructor(private readonly value?: string) {}

  /** Appends `raw[from..to)` as it is: each character maps to its own raw offset. */
  copy(raw: string, from: number, to: number): void {
    if (to <= from) return;
    this.extend(to - from, from, 1);
    if (this.value === undefined) this.text += raw.slice(from, to);
  }

  /** Appends the decoded text of one raw source piece that starts at `rawStart`. */
  push(decoded: string, rawStart: number): void {
    if (decoded.length === 0) return;
    this.extend(decoded.length, rawStart, decoded.length === 1 ? 1 : 0);
    if (this.value === undefined) this.text += decoded;
  }

  finish(rawEnd: number): DecodedString {
    const runs = this.runs;
    const value = this.value ?? this.text;
    // Text copied as it is, with no escape (most values): an offset is enough.
    if (runs.length === 0 || (runs.length === 3 && runs[2] === 1)) return plainDecoded(value, runs.length === 0 ? rawEnd : runs[1], rawEnd);
    return new RunMappedString(value, runs, rawEnd);
  }

  private extend(length: number, rawStart: number, step: number): void {
    const runs = this.runs;
    const n = runs.length;
    const decodedStart = this.length;
    this.length += length;
    // A one-to-one piece right after a one-to-one run that ends just before it continues that run.
    if (step === 1 && n > 0 && runs[n - 1] === 1 && runs[n - 2] + (decodedStart - runs[n - 3]) === rawStart) return;
    runs.push(decodedStart, rawStart, length === 1 ? 1 : step);
  }
}

/** A value that is its raw text from `rawStart` on: each character maps to its own raw offset. */
export function plainDecoded(value: string, rawStart: number, rawEnd: number): DecodedString {
  return new PlainString(value, rawStart, rawEnd);
}

class PlainString implements DecodedString {
  constructor(
    readonly value: string,
    private readonly rawStart: number,
    private readonly rawEnd: number,
  ) {}

  toRaw(decodedOffset: number): number {
    const k = Math.max(0, Math.floor(decodedOffset));
    return k < this.value.length ? this.rawStart + k : this.rawEnd;
  }
}

class RunMappedString implements DecodedString {
  constructor(
    readonly value: string,
    private readonly runs: readonly number[],
    private readonly rawEnd: number,
  ) {}

  toRaw(decodedOffset: number): number {
    const k = Math.max(0, Math.floor(decodedOffset));
    if (!(k < this.value.length)) return this.rawEnd;
    const runs = this.runs;
    let r = runs.length - 3;
    while (runs[r] > k) r -= 3;
    return runs[r + 1] + runs[r + 2] * (k - runs[r]);
  }
}
