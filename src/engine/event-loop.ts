/**
 * Linting a stack never waits on anything (reads are synchronous, see
 * ./sources.ts), so nothing else runs until the code that lints stack after
 * stack lets the event loop turn: timers (the terminal's spinner), signals,
 * and the messages of worker threads that finished a stack and wait for the next.
 */
export function turnEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
