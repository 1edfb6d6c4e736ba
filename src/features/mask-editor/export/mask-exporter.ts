import { encodeMask } from '../model/export-mask';
import { rasterizeMask } from '../model/rasterize';
import type { MaskExportJob, MaskExportReply, MaskExportRequest } from './mask-export-protocol';

/** Turns a mask history into the base64 image the API wants, in a worker when there is one. */
export interface MaskExporter {
  run(job: MaskExportJob): Promise<string>;
  /** Starts the worker now (when the editor opens), so the first Submit does not pay for it. */
  warm(): void;
  /** Ends the worker; a later `run` starts a new one. */
  dispose(): void;
}

/** Rasterise + encode on the calling thread (tests, and browsers without module workers). */
export async function exportOnThisThread(job: MaskExportJob): Promise<string> {
  const raster = rasterizeMask(job.shapes, job.width, job.height);
  return encodeMask(raster, job.width, job.height, job.format);
}

/**
 * A mask exporter backed by one module worker, started on first use and kept for the next export
 * (starting a worker costs more than a small export). Falls back to this thread when workers or
 * OffscreenCanvas are missing, or when the worker fails to start.
 */
export function createMaskExporter(): MaskExporter {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (s: string) => void; reject: (e: Error) => void }>();

  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };

  function start(): Worker | null {
    if (worker) return worker;
    if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
    try {
      worker = new Worker(new URL('./mask-export.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return null;
    }
    worker.onmessage = ({ data }: MessageEvent<MaskExportReply>) => {
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if ('error' in data) p.reject(new Error(data.error));
      else p.resolve(data.base64);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failAll(`the mask export worker failed: ${e.message || 'could not start'}`);
      worker?.terminate();
      worker = null;
    };
    return worker;
  }

  return {
    run(job) {
      const w = start();
      if (!w) return exportOnThisThread(job);
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: MaskExportRequest = { id, ...job };
        w.postMessage(request);
      });
    },
    warm() {
      start();
    },
    dispose() {
      failAll('the mask export was cancelled');
      worker?.terminate();
      worker = null;
    },
  };
}
