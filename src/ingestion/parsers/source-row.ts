/** One record read from a file, already mapped to field names, or the reason it could not be read. */
export interface SourceRow {
  /** 1-based physical line where the record starts (CSV, NDJSON, HTML), else null. */
  line: number | null;
  /** JSON pointer inside a JSON-LD document, else null. */
  pointer: string | null;
  fields?: Record<string, string | undefined>;
  rejection?: { code: string; message: string; field?: string; value?: string };
}

/** Raised when the file as a whole cannot be read; the run fails with this message. */
export class FileFormatError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
