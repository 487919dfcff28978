/**
 * The CLI's results on stdout. console.log drops write errors, so a full disk (`> /dev/full`) or a
 * reader that went away (`| head -0`) would lose the output and still exit 0; here every write is
 * checked and the first failure is kept for the exit code.
 */
export class Output {
  private failure: string | undefined;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    // A stream error is reported here instead of crashing the process with an unhandled 'error' event.
    stream.on('error', (error: unknown) => this.fail(error));
  }

  /** Writes one line (a newline is added) and resolves once the operating system took it, or it failed. */
  line(text: string): Promise<void> {
    return new Promise((resolve) => {
      try {
        this.stream.write(`${text}\n`, (error?: Error | null) => {
          if (error) this.fail(error);
          resolve();
        });
      } catch (error) {
        // A file or device as stdout is written synchronously: its error is thrown here.
        this.fail(error);
        resolve();
      }
    });
  }

  /** Why writing failed ("ENOSPC: no space left on device"), or undefined if every write went through. */
  get error(): string | undefined {
    return this.failure;
  }

  private fail(error: unknown): void {
    this.failure ??= describeError(error);
  }
}

/** `CODE: what it means` for system errors, the message otherwise; one line either way. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const meaning = ERRNO_MEANINGS[code ?? ''];
  return (meaning ? `${code}: ${meaning}` : message).split('\n')[0];
}

const ERRNO_MEANINGS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EPIPE: 'the reading end was closed',
  EBADF: 'the output is closed',
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system',
};
