/**
 * `gsef … | head` closes the pipe before the output ends: the reader has what it wanted, so the
 * process stops quietly (exit 0) instead of dying on EPIPE with a stack trace. Any other write
 * error ends it with one line.
 */
export function stopQuietlyWhenTheReaderLeaves(program: string): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.stderr.write(`${program}: cannot write the output: ${error.message}\n`);
      process.exit(error.code === 'EPIPE' ? 0 : 1);
    });
  }
}

/**
 * A bot serving Slack or Discord writes only console reminders to stdout, and its log to stderr:
 * losing a reader must not stop it serving, so what cannot be written is dropped.
 */
export function keepServingWhenTheReaderLeaves(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
}
