/** Encoders for Postgres COPY text format: tab-separated, \N for NULL, backslash escapes. */

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  // String replaceAll per character present: ~1.5× faster than one regex replace with a callback on descriptions.
  if (value.includes('\\')) value = value.replaceAll('\\', '\\\\');
  if (value.includes('\n')) value = value.replaceAll('\n', '\\n');
  if (value.includes('\r')) value = value.replaceAll('\r', '\\r');
  if (value.includes('\t')) value = value.replaceAll('\t', '\\t');
  return value;
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
