/**
 * A spinner on a terminal's stderr for runs that take longer than a second,
 * erased when the run ends, so quick runs and piped output stay clean.
 */
export function startProgress(stream: { write(text: string): unknown; isTTY?: boolean }, label: string, delayMs = 1000): () => void {
  if (!stream.isTTY) return () => undefined;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let shown = false;
  let interval: NodeJS.Timeout | undefined;
  const started = Date.now();
  const delay = setTimeout(() => {
    interval = setInterval(() => {
      shown = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      stream.write(`\r${frames[frame++ % frames.length]} ${label} (${seconds} s)`);
    }, 100);
    interval.unref();
  }, delayMs);
  delay.unref();
  return () => {
    clearTimeout(delay);
    if (interval) clearInterval(interval);
    if (shown) stream.write('\r\u001b[2K');
  };
}
