import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/**
 * Reading a file of the checkout without ever blocking on it. A FIFO named
 * `Dockerfile` or `.env` would hold an ordinary open until some writer came,
 * and a device such as `/dev/zero` would be read for ever; so files are opened
 * without blocking (`O_NONBLOCK`, which changes nothing for a regular file)
 * and anything but a regular file is refused once opened, by what it is.
 */

/** Thrown for a path that is there but is no regular file; `code` as Node's errors have one. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(
    readonly path: string,
    /** What it is: "a FIFO", "a socket", "a folder"… */
    readonly what: string,
  ) {
    super(`is ${what}, not a regular file`);
  }
}

/** What a non-regular file is, in words. */
export function fileTypeOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

const NON_BLOCKING = process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * The bytes of a regular file; `tooBig` is called with its size first and,
 * returning true, skips the read (undefined). Throws Node's error (`ENOENT`,
 * `EACCES`…) or a NotRegularFileError.
 */
export function readRegularFileSync(abs: string, tooBig?: (size: number) => boolean): Buffer | undefined {
  const fd = openSync(abs, NON_BLOCKING);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(abs, fileTypeOf(stat));
    if (tooBig?.(stat.size)) return undefined;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The text of a regular file as UTF-8, or undefined when it is missing, unreadable, no regular file or over `maxBytes`. */
export function readTextIfRegular(abs: string, maxBytes = Infinity): string | undefined {
  try {
    return readRegularFileSync(abs, (size) => size > maxBytes)?.toString('utf8');
  } catch {
    return undefined;
  }
}
