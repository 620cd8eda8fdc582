import type * as tfType from '@tensorflow/tfjs';

export type BackendPreference = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

let selected: { tf: typeof tfType; backend: string } | undefined;

/**
 * Pick the TensorFlow.js backend once per process: tfjs-node (native) when it loads, else WASM, else
 * the pure-JS cpu backend. tfjs-node is an optionalDependency whose install needs a download that
 * many networks block, so its absence is normal. Only worker processes call this.
 */
export async function selectTfBackend(preference: BackendPreference = 'auto'): Promise<{ tf: typeof tfType; backend: string }> {
  if (selected) return selected;
  const candidates = preference === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [preference, 'cpu'];
  let tf: typeof tfType | undefined;
  for (const name of candidates) {
    try {
      if (name === 'tensorflow') {
        tf = require('@tensorflow/tfjs-node') as typeof tfType;
      } else {
        tf ??= require('@tensorflow/tfjs') as typeof tfType;
        if (name === 'wasm') {
          // Registers the 'wasm' backend; its .wasm binaries ship inside the npm package.
          require('@tensorflow/tfjs-backend-wasm');
        }
      }
      if (await tf.setBackend(name)) {
        await tf.ready();
        selected = { tf, backend: tf.getBackend() };
        return selected;
      }
    } catch {
      // try the next backend
    }
  }
  throw new Error('No TensorFlow.js backend could be initialised');
}

/** Run in a short-lived child process so an API-only process never loads TensorFlow.js itself. */
export function probeTfBackendInChild(preference: BackendPreference = 'auto'): Promise<string> {
  const { execFile } = require('node:child_process') as typeof import('node:child_process');
  const script = `require(${JSON.stringify(__filename)}).selectTfBackend(${JSON.stringify(preference)}).then(r => { process.stdout.write(r.backend); process.exit(0); }, e => { process.stdout.write('unavailable'); process.exit(0); })`;
  const isTs = __filename.endsWith('.ts');
  const args = isTs ? ['-r', 'ts-node/register/transpile-only', '-e', script] : ['-e', script];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: 60_000 }, (error, stdout) => resolve(error ? 'unavailable' : stdout.trim() || 'unavailable'));
  });
}
