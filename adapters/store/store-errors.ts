/**
 * Which store failures are worth retrying. A write that fails because of its data (a constraint,
 * a value the column refuses, a statement the database cannot run) fails again every time: it is
 * `transient: false`, and the write buffer isolates the row at fault. Anything else (busy or
 * locked, a lock or statement timeout, a full disk, a connection refused or cut, a server
 * restarting, an unknown failure) is `transient: true`: the rows wait in the buffer and are written
 * once the database takes them again.
 */

/** SQLite result codes (better-sqlite3's `code`, extended codes included) caused by the data or the statement. */
const SQLITE_PERMANENT = /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE|ERROR)(_|$)/;
/**
 * PostgreSQL SQLSTATE classes caused by the data or the statement: 22 data exception (e.g. 22021,
 * a NUL byte), 23 integrity constraint, 42 syntax or access rule, 54 program limit exceeded.
 */
const POSTGRES_PERMANENT = /^(22|23|42|54)[0-9A-Z]{3}$/;

/** `false` when retrying `error`'s write cannot help (see the module doc), `true` otherwise. */
export function isTransientStoreError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return true;
  return !(SQLITE_PERMANENT.test(code) || POSTGRES_PERMANENT.test(code));
}

/** `error` marked with `transient` (read by the core's write buffer), as an Error. */
export function classified(error: unknown): Error & { transient: boolean } {
  const e = error instanceof Error || (typeof error === 'object' && error !== null) ? (error as Error) : new Error(String(error));
  return Object.assign(e, { transient: isTransientStoreError(e) });
}
