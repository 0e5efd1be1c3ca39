/**
 * The one location model every file kind shares.
 *
 * Offsets are 0-based UTF-16 code units (what JS strings, yaml, tree-sitter's
 * JS binding and SARIF's `utf16CodeUnits` column kind all use). Lines and
 * columns are 1-based, for people and for SARIF. End positions are exclusive.
 */

export interface Position {
  /** 1-based line */
  line: number;
  /** 1-based column, in UTF-16 code units */
  column: number;
  /** 0-based offset into the file text, in UTF-16 code units */
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of offsets [start, end) into one file's text. */
export interface Span {
  start: number;
  end: number;
}

/** Maps offsets to line/column and back for one text. Built once per file. */
export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] === 0. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1, offset: o };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(Math.max(span.start, span.end)) };
  }

  /** Offset of a 0-based line and character (the LSP convention dockerfile-ast uses). */
  offsetAt(line0: number, character: number): number {
    if (line0 >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, line0)]!;
    return Math.min(start + character, this.lineEnd(line0 + 1));
  }

  /** Offset just past the last character of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineEnd(line));
  }
}
