// Decoded string values that remember where each character came from, so a finding inside a
// decoded value (a regex error at one character) can point at the raw source text.

export interface DecodedString {
  value: string;
  /** Raw offset (into the literal, quotes included) of the decoded UTF-16 offset; the end maps past the last character. */
  toRaw(decodedOffset: number): number;
}

export class DecodedStringBuilder {
  private value = '';
  private readonly rawStarts: number[] = [];

  /** Appends the decoded text of one raw source piece that starts at `rawStart`. */
  push(decoded: string, rawStart: number): void {
    this.value += decoded;
    for (let k = 0; k < decoded.length; k++) this.rawStarts.push(rawStart);
  }

  finish(rawEnd: number): DecodedString {
    const { value, rawStarts } = this;
    return {
      value,
      toRaw: (offset) => (offset >= rawStarts.length ? rawEnd : rawStarts[Math.max(0, Math.floor(offset))] ?? rawEnd),
    };
  }
}
