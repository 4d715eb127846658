/** Ignores EPIPE when the reader of stdout goes away early (`azscan scan | head`). */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
