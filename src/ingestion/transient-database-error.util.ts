/** SQLSTATEs that say "the server or the connection went away", not "this statement is wrong". */
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

const TRANSIENT_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// node-postgres reports a dropped connection with plain messages and no code.
const TRANSIENT_MESSAGE = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Connection refused/i;

/**
 * True when retrying the same work later can succeed: Postgres restarting or unreachable, a network
 * cut, a deadlock. TypeORM wraps driver errors (`driverError`); both layers are looked at.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_ERRNOS.has(code)) return true;
    if (typeof e.message === 'string' && TRANSIENT_MESSAGE.test(e.message)) return true;
    e = e.driverError as typeof e;
  }
  return false;
}
