import { readFileHead } from './parsers/file-sniffer';

/** Declared types that are never tabular or JSON data; anything else (incl. octet-stream, vnd.ms-excel for CSV) is sniffed. */
const REFUSED_PREFIXES = ['image/', 'audio/', 'video/', 'font/', 'model/'];
const REFUSED_TYPES = new Set([
  'application/pdf',
  'application/zip',
  'application/x-zip-compressed',
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/x-bzip2',
  'application/x-msdownload',
  'application/x-executable',
  'application/java-archive',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

/** Magic numbers of common binary files, some of which have no NUL byte near the start. */
const SIGNATURES: Array<[string, Buffer]> = [
  ['PDF', Buffer.from('%PDF-')],
  ['ZIP (or XLSX/DOCX)', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
  ['gzip', Buffer.from([0x1f, 0x8b])],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
  ['GIF', Buffer.from('GIF8')],
  ['7z', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['RAR', Buffer.from('Rar!')],
  ['ELF executable', Buffer.from([0x7f, 0x45, 0x4c, 0x46])],
  ['Windows executable', Buffer.from('MZ')],
  ['MP3', Buffer.from('ID3')],
  ['Ogg', Buffer.from('OggS')],
  ['RIFF (WAV/AVI/WebP)', Buffer.from('RIFF')],
  ['OLE (XLS/DOC)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])],
];

const SNIFF_BYTES = 8 * 1024;

/** Why an upload is not a data file we can read, or null when it may be one. */
export async function unsupportedUploadReason(path: string, declaredType: string | undefined): Promise<string | null> {
  const type = (declaredType ?? '').split(';')[0].trim().toLowerCase();
  if (type && (REFUSED_PREFIXES.some((prefix) => type.startsWith(prefix)) || REFUSED_TYPES.has(type))) {
    return `unsupported file type ${type}: upload CSV, JSON-LD, NDJSON or HTML (text/csv, application/json, application/ld+json, application/x-ndjson, text/plain, text/html)`;
  }
  const head = await readFileHead(path, SNIFF_BYTES);
  const signature = SIGNATURES.find(([, magic]) => head.subarray(0, magic.length).equals(magic));
  if (signature) return `the file is ${signature[0]}, not text: upload CSV, JSON-LD, NDJSON or HTML`;
  const nul = head.indexOf(0);
  if (nul >= 0) return `the file looks binary (NUL byte at offset ${nul}): upload CSV, JSON-LD, NDJSON or HTML`;
  return null;
}
