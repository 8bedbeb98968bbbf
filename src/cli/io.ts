// SPDX-License-Identifier: EUPL-1.2
// Where commands write. One line per call; the same commands write to the terminal, to a test's
// buffer, or back over the server's command socket.
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

let pipeGuarded = false;
/** `radhus token list … | head` closes the pipe early: that is the reader's choice, not an error. */
function guardPipes(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
}

export const processOutput: Output = {
  out: (line) => {
    guardPipes();
    process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    guardPipes();
    process.stderr.write(`${line}\n`);
  },
};

export interface CapturedOutput extends Output {
  stdout: string[];
  stderr: string[];
}

export function captureOutput(): CapturedOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => void stdout.push(line), err: (line) => void stderr.push(line) };
}

/** Aligned columns for list commands. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
