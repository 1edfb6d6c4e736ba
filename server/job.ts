/**
 * One running imagine job as an event source. The runner (engine) pushes progress lines and one
 * end body into it; deliveries (stream, wait, callbacks) subscribe. The job does not care who is
 * listening: a client that goes away only unsubscribes.
 */
import type { TaskRecord } from './task-store';

/** A response body or NDJSON line (success or failure shape). */
export type Body = Record<string, unknown>;

/** Someone interested in a job's output. */
export interface JobListener {
  line(line: Body): void;
  end(body: Body): void;
  /** The engine went away mid-job (a simulated restart): drop the connection. */
  abort?(): void;
}

/** A job's event hub and its task. */
export class Job {
  readonly task: TaskRecord;
  readonly done: Promise<Body>;
  /** Set while the job sits in an injected stall. */
  stalled = false;
  private readonly lines: Body[] = [];
  private result: Body | undefined;
  private readonly listeners = new Set<JobListener>();
  private resolveDone!: (body: Body) => void;
  private readonly clock: () => number;

  constructor(task: TaskRecord, clock: () => number = Date.now) {
    this.task = task;
    this.clock = clock;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get finished(): boolean {
    return this.result !== undefined;
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Listen from the start (lines already sent are replayed); returns the unsubscribe. */
  subscribe(listener: JobListener): () => void {
    for (const line of this.lines) safely(() => listener.line(line));
    if (this.result !== undefined) {
      const result = this.result;
      safely(() => listener.end(result));
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Set once the job was abandoned by a simulated restart: nothing it does is heard again. */
  private aborted = false;

  /** A progress line: becomes the task's latest response. */
  emitLine(line: Body): void {
    if (this.result !== undefined || this.aborted) return;
    this.lines.push(line);
    this.task.response = line;
    this.task.state = 'generating';
    for (const listener of [...this.listeners]) safely(() => listener.line(line));
  }

  /** The end: the final body (success) or the failure body. */
  finish(body: Body): void {
    if (this.result !== undefined || this.aborted) return;
    this.result = body;
    this.lines.length = 0;
    const now = this.clock() / 1000;
    this.task.response = body;
    this.task.state = body.success === true ? 'finished' : 'failed';
    this.task.finished_at = now;
    this.task.duration = now - this.task.created_at;
    if (typeof body.image_id === 'string' && body.success === true)
      this.task.image_id = body.image_id;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) safely(() => listener.end(body));
    this.resolveDone(body);
  }

  /** Abandon the job as a crashed server would: listeners lose their connection, nothing ends. */
  abort(): void {
    if (this.result !== undefined || this.aborted) return;
    this.aborted = true;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) safely(() => listener.abort?.());
    this.resolveDone({
      success: false,
      error: { code: 'api_error', message: 'Engine restarted.' },
    });
  }
}

// A listener's bug (or a closed stream controller) must not stop the job.
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    /* ignored on purpose */
  }
}
