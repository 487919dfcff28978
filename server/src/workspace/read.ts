import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { stripBom } from '../engine/files';

export type ReadResult =
  | { text: string }
  /** Over the byte limit: not read at all. */
  | { tooLarge: number }
  /** A folder, device, FIFO or socket: never opened for reading (`/dev/zero` would never end). */
  | { notAFile: true }
  | { error: string };

// O_NONBLOCK: opening a FIFO that was swapped in after a check must not block the server.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most `maxBytes` bytes as UTF-8 without its byte order mark, the way
 * editors show it. The size and type come from the open descriptor, so what is read is what was checked;
 * at most `maxBytes` are read even if the file grows meanwhile.
 */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    // Opening a device can have effects of its own (a tape rewinds): look before opening.
    if (!statSync(path).isFile()) return { notAFile: true };
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { error: errorCode(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { notAFile: true };
    if (stats.size > maxBytes) return { tooLarge: stats.size };
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { tooLarge: length };
    return { text: stripBom(buffer.toString('utf8', 0, length)) };
  } catch (error) {
    return { error: errorCode(error) };
  } finally {
    closeSync(fd);
  }
}

/** The first `maxBytes` of a regular file (to sniff the kind of a file too large to read whole). */
export function readHead(path: string, maxBytes: number): string | undefined {
  let fd: number;
  try {
    if (!statSync(path).isFile()) return undefined;
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(maxBytes);
    const read = readSync(fd, buffer, 0, maxBytes, 0);
    return stripBom(buffer.toString('utf8', 0, read));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
