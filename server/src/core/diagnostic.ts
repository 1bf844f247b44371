// The language core's view of a finding: plain data, no LSP types, offsets into one file's text.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Half-open range of UTF-16 offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  file: string;
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor should offer first ("Fix all"/auto-fix). */
  preferred?: boolean;
}

export interface Finding {
  /** Absolute path of the file the finding is in. */
  file: string;
  span: Span;
  severity: Severity;
  code: string;
  message: string;
  fixes?: Fix[];
}
