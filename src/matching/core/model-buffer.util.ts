/**
 * One binary layout for every matching model stored in the `ml_models.weights` bytea column:
 *
 *   magic (4 ASCII bytes) | format version u32 | meta length u32 | meta JSON (UTF-8) | zero padding to 4 bytes |
 *   float count u32 | float32 payload
 *
 * All integers and floats little-endian, written through DataView so the bytes do not depend on the host.
 */
export class MatchModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatchModelFormatError';
  }
}

export interface ModelBufferContents<M> {
  meta: M;
  floats: Float32Array;
}

export function writeModelBuffer(magic: string, version: number, meta: unknown, floats: Float32Array): Buffer {
  if (magic.length !== 4) throw new RangeError('magic must be 4 characters');
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const metaEnd = 12 + metaBytes.length;
  const payloadStart = Math.ceil(metaEnd / 4) * 4 + 4;
  const out = Buffer.alloc(payloadStart + floats.length * 4);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out.write(magic, 0, 'ascii');
  view.setUint32(4, version, true);
  view.setUint32(8, metaBytes.length, true);
  metaBytes.copy(out, 12);
  view.setUint32(payloadStart - 4, floats.length, true);
  for (let i = 0; i < floats.length; i++) view.setFloat32(payloadStart + i * 4, floats[i], true);
  return out;
}

export function readModelBuffer<M>(buffer: Uint8Array, magic: string, version: number): ModelBufferContents<M> {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer.byteLength < 16) throw new MatchModelFormatError(`Model buffer too short (${buffer.byteLength} bytes)`);
  const found = Buffer.from(buffer.buffer, buffer.byteOffset, 4).toString('ascii');
  if (found !== magic) throw new MatchModelFormatError(`Expected a "${magic}" model buffer, found "${found}"`);
  const foundVersion = view.getUint32(4, true);
  if (foundVersion !== version) throw new MatchModelFormatError(`Unsupported ${magic} format version ${foundVersion} (expected ${version})`);
  const metaLength = view.getUint32(8, true);
  const payloadStart = Math.ceil((12 + metaLength) / 4) * 4 + 4;
  if (payloadStart > buffer.byteLength) throw new MatchModelFormatError('Model buffer truncated in its header');
  let meta: M;
  try {
    meta = JSON.parse(Buffer.from(buffer.buffer, buffer.byteOffset + 12, metaLength).toString('utf8')) as M;
  } catch {
    throw new MatchModelFormatError('Model buffer metadata is not valid JSON');
  }
  const count = view.getUint32(payloadStart - 4, true);
  if (payloadStart + count * 4 !== buffer.byteLength) {
    throw new MatchModelFormatError(`Model buffer holds ${buffer.byteLength - payloadStart} payload bytes, header says ${count * 4}`);
  }
  const floats = new Float32Array(count);
  for (let i = 0; i < count; i++) floats[i] = view.getFloat32(payloadStart + i * 4, true);
  return { meta, floats };
}
