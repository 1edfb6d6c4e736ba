import { readNdjson } from '../src/api/ndjson';
import { round, timeMedian, type Figures } from './measure';

/** NDJSON parsing throughput: realistic imagine lines, fed in 16 KiB chunks. */
export async function benchNdjson(): Promise<Figures> {
  const line = JSON.stringify({
    image_url:
      'https://midjourney.cdn.acedata.cloud/attachments/1234291876639674388/1234558451443699803/eae94f0f-0ba5-4b3c-9bad-59fb33ac2cbc_grid_0.webp?ex=66312ba7&is=662fda27&hm=4625d5f12158bffc07c4faaf6ce75af6f1396122f148b33b91f3e20b48fecc8b&width=256&height=256',
    image_width: 256,
    image_height: 256,
    image_id: '1234558451443699803',
    raw_image_width: 512,
    raw_image_height: 512,
    progress: 35,
    actions: [],
    task_id: '49589d2c-b6b3-4fbf-9f82-93068509c76f',
    success: true,
  });
  const bytes = new TextEncoder().encode(
    `${line}\n`.repeat(Math.ceil((16 * 1024 * 1024) / line.length)),
  );
  const chunk = 16 * 1024;
  const run = async () => {
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(i, i + chunk));
        i += chunk;
      },
    });
    let n = 0;
    for await (const _ of readNdjson(body)) n++;
    return n;
  };
  const ms = await timeMedian(run, 5, 1);
  const mb = bytes.length / (1024 * 1024);
  return {
    'ndjson.parse_throughput': {
      value: round(mb / (ms / 1000)),
      unit: 'MB/s',
      target: { op: '>=', value: 50 },
    },
  };
}
