import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

/**
 * The ffmpeg binary that ships inside the npm tarball of `@ffmpeg-installer/linux-x64` (a static
 * build with libx264), so the engine needs no system package and no download at install time.
 */
export const FFMPEG_PATH: string = ffmpegInstaller.path;

/** One ffmpeg run: its arguments and how it is bounded. */
export interface FfmpegRun {
  /** Arguments after the binary; `-hide_banner` is added. */
  args: string[];
  /** Writes the process's stdin (raw frames); stdin is ended when it resolves. */
  input?: (write: (chunk: Uint8Array) => Promise<void>, signal: AbortSignal) => Promise<void>;
  /** Called with each stdout chunk instead of collecting them (decoding frame by frame). */
  onStdout?: (chunk: Buffer) => void;
  /** Stops the run: the process is killed and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Wall-time bound of the run (default 120 s); past it the process is killed. */
  timeoutMs?: number;
  /** Bound on stdout bytes (default 256 MiB); past it the process is killed. */
  maxStdoutBytes?: number;
}

/** What a finished run printed: stdout (unless streamed) and the tail of stderr. */
export interface FfmpegResult {
  stdout: Buffer;
  stderr: string;
}

const STDERR_KEEP = 64 * 1024;

/**
 * Runs ffmpeg to completion. The promise settles only after the process has exited, so an
 * aborted, timed-out or over-long run never leaves a process behind.
 */
export function runFfmpeg(run: FfmpegRun): Promise<FfmpegResult> {
  const timeoutMs = run.timeoutMs ?? 120_000;
  const maxStdout = run.maxStdoutBytes ?? 256 * 1024 * 1024;
  const outer = run.signal
    ? AbortSignal.any([run.signal, AbortSignal.timeout(timeoutMs)])
    : AbortSignal.timeout(timeoutMs);
  if (outer.aborted) return Promise.reject(outer.reason);

  return new Promise<FfmpegResult>((resolve, reject) => {
    const child = spawn(
      FFMPEG_PATH,
      ['-hide_banner', ...(run.input ? [] : ['-nostdin']), ...run.args],
      {
        stdio: [run.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      },
    );
    // Aborted when the run ends for any reason, so a writer waiting on 'drain' stops too.
    const local = new AbortController();
    let failure: unknown;
    const kill = (reason: unknown) => {
      failure ??= reason;
      local.abort(reason);
      child.kill('SIGKILL');
    };
    const onAbort = () => kill(outer.reason);
    outer.addEventListener('abort', onAbort, { once: true });

    const chunks: Buffer[] = [];
    let outBytes = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxStdout) {
        kill(new Error(`ffmpeg wrote more than ${maxStdout} bytes; the output was cut off.`));
        return;
      }
      if (run.onStdout) run.onStdout(chunk);
      else chunks.push(chunk);
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      stderr = (stderr + text).slice(-STDERR_KEEP);
    });

    child.on('error', (error) => kill(error));
    child.on('close', (code) => {
      outer.removeEventListener('abort', onAbort);
      local.abort(new Error('ffmpeg exited'));
      if (failure !== undefined) reject(failure);
      else if (code !== 0) reject(new Error(`ffmpeg failed (exit ${code}): ${lastLines(stderr)}`));
      else resolve({ stdout: Buffer.concat(chunks), stderr });
    });

    if (run.input && child.stdin) {
      const stdin = child.stdin;
      // EPIPE when ffmpeg dies early: the exit code or the kill reason tells the story.
      stdin.on('error', () => {});
      run
        .input((chunk) => write(stdin, chunk, local.signal), local.signal)
        .then(
          () => stdin.end(),
          (error: unknown) => {
            if (!local.signal.aborted) kill(error);
          },
        );
    }
  });
}

async function write(stdin: Writable, chunk: Uint8Array, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (!stdin.write(chunk)) await once(stdin, 'drain', { signal });
}

function lastLines(stderr: string): string {
  return stderr.trim().split('\n').slice(-3).join(' | ') || 'no message';
}
