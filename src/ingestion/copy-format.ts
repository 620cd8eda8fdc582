/** Encoders for Postgres COPY text format: tab-separated, \N for NULL, backslash escapes. */

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '\\N' : String(value);
}

export function copyBool(value: boolean): string {
  return value ? 't' : 'f';
}

export function copyIntArray(values: readonly number[]): string {
  return `{${values.join(',')}}`;
}

/** text[] literal inside COPY: quote every element, escape quotes and backslashes for both layers. */
export function copyTextArray(values: readonly string[]): string {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return copyText(literal);
}
