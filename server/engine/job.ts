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

/** One item of a job's stream: a progress line, or the end body (success or failure). */
export type JobEvent = { kind: 'line'; body: Body } | { kind: 'end'; body: Body };

/** Thrown by `events()` when the job was abandoned by a simulated restart. */
export class JobAborted extends Error {
  constructor() {
    super('Engine restarted');
  }
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

  /**
   * The job's lines as an async stream, from the start (lines already sent are replayed), ending
   * after the end body; throws `JobAborted` on a simulated restart. `return()` unsubscribes at
   * once, even while a `next()` is pending, so a delivery that gives up never holds the job.
   */
  events(): AsyncIterableIterator<JobEvent> {
    const queue: JobEvent[] = [];
    let closed = false;
    let aborted = false;
    let wake: (() => void) | undefined;
    const push = (event: JobEvent): void => {
      queue.push(event);
      wake?.();
    };
    const unsubscribe = this.subscribe({
      line: (body) => push({ kind: 'line', body }),
      end: (body) => push({ kind: 'end', body }),
      abort: () => {
        aborted = true;
        wake?.();
      },
    });
    const finish = (): IteratorResult<JobEvent> => {
      closed = true;
      unsubscribe();
      wake?.();
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<JobEvent> = {
      async next() {
        while (queue.length === 0) {
          if (closed) return { done: true, value: undefined };
          if (aborted) {
            finish();
            throw new JobAborted();
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
        const event = queue.shift() as JobEvent;
        if (event.kind === 'end') {
          closed = true;
          unsubscribe();
        }
        return { done: false, value: event };
      },
      return: () => Promise.resolve(finish()),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Set once the job was abandoned by a simulated restart: nothing it does is heard again. */
  private aborted = false;

  /**
   * A progress line: its progress and preview become the task's latest response, without the
   * line's `success`. Clients of the tasks endpoint (the provider's own MCP server among them)
   * read `response.success === true` as "finished"; a task still running says nothing of the kind.
   */
  emitLine(line: Body): void {
    if (this.result !== undefined || this.aborted) return;
    this.lines.push(line);
    const { success: _success, ...pending } = line;
    this.task.response = pending;
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
