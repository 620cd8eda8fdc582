/**
 * What may go into a log line about an unexpected error. SQL errors carry the statement's bound
 * parameters and often row values in their message ("Key (external_ref)=(...)", "invalid input syntax
 * for type uuid: ..."), so only their class, SQLSTATE and the stack frames are kept.
 */
export function safeErrorLog(error: unknown): { message: string; stack?: string } {
  const e = error as { name?: string; message?: string; stack?: string; driverError?: { code?: string; routine?: string }; code?: unknown; routine?: unknown };
  const frames = e?.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  const driver = e?.driverError ?? (typeof e?.routine === 'string' ? (e as { code?: string; routine?: string }) : undefined);
  if (driver) return { message: `${e.name ?? 'DatabaseError'} (SQLSTATE ${driver.code ?? '?'}, ${driver.routine ?? 'unknown routine'}); message withheld, it may hold row values`, stack: frames };
  return { message: e?.message ?? String(error), stack: frames };
}
