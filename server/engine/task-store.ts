/**
 * The engine's memory: tasks (what `/midjourney/tasks` returns), attachments (the bytes behind
 * every image URL) and image records (what an action on an `image_id` starts from). Bounded by
 * age, count and bytes; evicting a task takes its images with it.
 */
import type { Picture } from './pictures/picture';

/** The states a task goes through (Nexior's `state`). */
export type TaskState = 'pending' | 'generating' | 'finished' | 'failed';

/** The task types the engine records (`edits` is the reference's guess, §7.4). */
export type TaskType = 'imagine' | 'describe' | 'videos' | 'edits';

/** A task as the tasks endpoint returns it. */
export interface TaskView {
  id: string;
  trace_id: string;
  type: TaskType;
  created_at: number;
  request: Record<string, unknown>;
  response?: Record<string, unknown>;
  image_id?: string;
  finished_at?: number;
  duration?: number;
  state: TaskState;
}

/** A stored task: its public view plus what it owns in the store. */
export interface TaskRecord extends TaskView {
  /** Attachment paths written for this task (finals and previews). */
  attachments: Set<string>;
  /** Image ids registered by this task (its final image). */
  images: Set<string>;
  /** Bytes of the stored request echo (a mask can be megabytes): counted in the memory bound. */
  requestBytes?: number;
}

/** One encoded image file. */
export interface StoredFile {
  bytes: Buffer;
  type: string;
  width: number;
  height: number;
}

/** The bytes behind one attachment path: the raw file and, for `&width&height`, its thumbnail. */
export interface Attachment {
  taskId: string;
  /** Finals never change (immutable caching); previews die when their task completes. */
  final: boolean;
  raw: StoredFile;
  thumb?: StoredFile;
}

/** What the next action on an image needs. */
export interface ImageRecord {
  imageId: string;
  taskId: string;
  seed: number;
  kind: 'grid' | 'single';
  actions: readonly string[];
  /** The full-resolution picture (the same buffer as the raw attachment). */
  picture: Picture;
  /** The prompt text of the chain, for file names. */
  text: string;
  /** The full prompt of the chain (its `--v`/`--niji` decide the post-upscale actions). */
  prompt?: string;
  /** For an upscale (2x/4x/subtle/creative): the image it was made from, which its redo redoes. */
  upscaledFrom?: Picture;
  /** Draws this grid again with another seed (reroll); absent for single images. */
  redo?: (seed: number) => Promise<Picture>;
}

/** The clips of one videos result (what `extend` continues from). */
export interface VideoRecord {
  videoId: string;
  taskId: string;
  /** The four MP4s (the same buffers as their attachments, so counted once). */
  clips: readonly Buffer[];
}

/** Which tasks `list` returns. */
export interface TaskQuery {
  offset: number;
  limit: number;
  type?: string;
  createdMin?: number;
  createdMax?: number;
}

/** Limits for `evict`. */
export interface EvictionLimits {
  now: number;
  maxTasks: number;
  maxAgeMs: number;
  maxBytes: number;
  /** Tasks whose job still runs are never evicted (their job would write into the void). */
  isActive: (taskId: string) => boolean;
}

/** Everything the engine keeps, in memory. */
export class TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly byTrace = new Map<string, string>();
  private readonly files = new Map<string, Attachment>();
  private readonly images = new Map<string, ImageRecord>();
  private readonly videos = new Map<string, VideoRecord>();
  /** Uploaded pictures (re-hosted references) by path, with when they came (ms), oldest first. */
  private readonly uploads = new Map<string, number>();
  private totalBytes = 0;
  /** Bytes of stored request echoes: counted with the files against `maxBytes`. */
  private requestBytes = 0;

  addTask(task: TaskRecord): void {
    this.tasks.set(task.id, task);
    this.requestBytes += task.requestBytes ?? 0;
    this.byTrace.set(task.trace_id, task.id);
  }

  getTask(id: string): TaskRecord | undefined {
    return this.tasks.get(id);
  }

  /** The newest task submitted with this trace id. */
  findByTrace(traceId: string): TaskRecord | undefined {
    const id = this.byTrace.get(traceId);
    return id === undefined ? undefined : this.tasks.get(id);
  }

  /** Newest first, filtered and paged; `total` counts every match. */
  list(query: TaskQuery): { items: TaskRecord[]; total: number } {
    const matches: TaskRecord[] = [];
    for (const task of this.tasks.values()) {
      if (query.type !== undefined && task.type !== query.type) continue;
      if (query.createdMin !== undefined && task.created_at < query.createdMin) continue;
      if (query.createdMax !== undefined && task.created_at > query.createdMax) continue;
      matches.push(task);
    }
    matches.reverse();
    return {
      items: matches.slice(query.offset, query.offset + query.limit),
      total: matches.length,
    };
  }

  putFile(path: string, attachment: Attachment): void {
    this.deleteFile(path);
    this.files.set(path, attachment);
    this.totalBytes += attachment.raw.bytes.length + (attachment.thumb?.bytes.length ?? 0);
    this.tasks.get(attachment.taskId)?.attachments.add(path);
  }

  /** Keep an uploaded picture: a file of no task, evicted by age and bytes like a task's. */
  putUpload(path: string, file: StoredFile, now: number): void {
    this.putFile(path, { taskId: '', final: true, raw: file });
    this.uploads.delete(path);
    this.uploads.set(path, now);
  }

  getFile(path: string): Attachment | undefined {
    return this.files.get(path);
  }

  deleteFile(path: string): void {
    const old = this.files.get(path);
    if (!old) return;
    this.files.delete(path);
    this.totalBytes -= old.raw.bytes.length + (old.thumb?.bytes.length ?? 0);
    this.tasks.get(old.taskId)?.attachments.delete(path);
  }

  putImage(record: ImageRecord): void {
    this.images.set(record.imageId, record);
    this.tasks.get(record.taskId)?.images.add(record.imageId);
  }

  getImage(imageId: string): ImageRecord | undefined {
    return this.images.get(imageId);
  }

  /** Register a videos result; its id joins the task's `images` so it goes with the task. */
  putVideo(record: VideoRecord): void {
    this.videos.set(record.videoId, record);
    this.tasks.get(record.taskId)?.images.add(record.videoId);
  }

  getVideo(videoId: string): VideoRecord | undefined {
    return this.videos.get(videoId);
  }

  /** Forget a task and everything it wrote. */
  removeTask(id: string): void {
    const task = this.tasks.get(id);
    if (!task) return;
    for (const path of [...task.attachments]) this.deleteFile(path);
    for (const imageId of task.images) {
      this.images.delete(imageId);
      this.videos.delete(imageId);
    }
    this.tasks.delete(id);
    this.requestBytes -= task.requestBytes ?? 0;
    if (this.byTrace.get(task.trace_id) === id) this.byTrace.delete(task.trace_id);
  }

  /** Drop the oldest idle tasks (and uploads) beyond the limits; returns how many went. */
  evict(limits: EvictionLimits): number {
    let removed = 0;
    // Uploads go first: each is one picture a person can upload again, a task is a whole result.
    for (const [path, at] of [...this.uploads]) {
      const tooOld = limits.now - at > limits.maxAgeMs;
      const tooMany = this.uploads.size > limits.maxTasks;
      const tooBig = this.totalBytes + this.requestBytes > limits.maxBytes;
      if (!tooOld && !tooMany && !tooBig) break;
      this.uploads.delete(path);
      this.deleteFile(path);
      removed += 1;
    }
    let count = this.tasks.size;
    // Map order is insertion order, i.e. oldest first.
    for (const task of [...this.tasks.values()]) {
      const tooOld = limits.now - task.created_at * 1000 > limits.maxAgeMs;
      const tooMany = count > limits.maxTasks;
      const tooBig = this.totalBytes + this.requestBytes > limits.maxBytes;
      if (!tooOld && !tooMany && !tooBig) break;
      if (limits.isActive(task.id)) continue;
      this.removeTask(task.id);
      count -= 1;
      removed += 1;
    }
    return removed;
  }

  /** Forget every task that `keep` does not protect. */
  clear(keep: (taskId: string) => boolean): void {
    for (const id of [...this.tasks.keys()]) if (!keep(id)) this.removeTask(id);
    for (const path of this.uploads.keys()) this.deleteFile(path);
    this.uploads.clear();
  }

  stats(): { tasks: number; images: number; files: number; bytes: number; requestBytes: number } {
    return {
      tasks: this.tasks.size,
      images: this.images.size,
      files: this.files.size,
      bytes: this.totalBytes,
      requestBytes: this.requestBytes,
    };
  }
}

/** The public view of a task (no internal bookkeeping). */
export function taskView(task: TaskRecord): TaskView {
  const view: TaskView = {
    id: task.id,
    trace_id: task.trace_id,
    type: task.type,
    created_at: task.created_at,
    request: task.request,
    state: task.state,
  };
  if (task.response !== undefined) view.response = task.response;
  if (task.image_id !== undefined) view.image_id = task.image_id;
  if (task.finished_at !== undefined) view.finished_at = task.finished_at;
  if (task.duration !== undefined) view.duration = task.duration;
  return view;
}
