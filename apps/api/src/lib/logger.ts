// Structured JSON logs: one line per event, always with the request id and trace id.
import { dbErrorInfo } from '@cogo/db';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

// a stack's first line repeats the message (drizzle's holds the query's params): keep only the frames
const framesOf = (err: Error) => err.stack?.split('\n').filter((l) => /^\s+at /.test(l)).join('\n');
// a driver message may quote the connection string, password included
const redact = (text: string) => text.replace(/postgres(ql)?:\/\/\S+/g, '[url]');

/**
 * Serialises a thrown value for a log line: name, message, stack frames and cause. A database
 * failure becomes its SQLSTATE, message, object names and SQL text: never its parameters or detail.
 */
export function describeError(err: unknown): Record<string, unknown> {
  return describe(err, 0);
}

function describe(err: unknown, depth: number): Record<string, unknown> {
  if (!(err instanceof Error)) return { value: redact(String(err)) };
  const db = dbErrorInfo(err);
  if (db) return { name: 'DatabaseError', ...db, message: redact(db.message), stack: framesOf(err) };
  const out: Record<string, unknown> = { name: err.name, message: redact(err.message), stack: framesOf(err) };
  if (err.cause !== undefined && depth < 3) out.cause = describe(err.cause, depth + 1);
  return out;
}

/** A logger that writes JSON lines through console (Workers Logs picks them up). */
export function createLogger(level: LogLevel = 'info', base: Record<string, unknown> = {}): Logger {
  const write = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const line = JSON.stringify({ level: lvl, time: new Date().toISOString(), msg, ...base, ...fields });
    if (lvl === 'error') console.error(line);
    else if (lvl === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}
