/** Runs until SIGINT/SIGTERM, then closes and exits: Ctrl-C stops everything cleanly. */
export function untilSignal(close: () => Promise<void>): void {
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    void close()
      .catch((err: unknown) => console.error('error while stopping:', err))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
