import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { activateLocale } from '../i18n/activate';
import { promptTitle, shortImageName } from './image-link-name';
import { jobTitle } from './job';
import { cardName, type NamedJob } from './job-names';

afterEach(() => activateLocale('en'));

const A = 'https://cdn.discordapp.com/attachments/1/2/fox.png?ex=66&is=65&hm=9f3a2b&';
const B = 'https://cdn.acedata.cloud/r/abc/lake%20view.webp?token=x';
const BLEND = `${A} ${B} --ar 3:2`;

describe('image links in titles', () => {
  it('names a link by its host and file, never its query string', () => {
    expect(shortImageName(A)).toBe('cdn.discordapp.com/fox.png');
    expect(shortImageName(B)).toBe('cdn.acedata.cloud/lake view.webp');
  });

  it('titles a blend as the images blended, and a prompt with a link by its short name', () => {
    expect(promptTitle(BLEND, i18n)).toBe(
      '2 images blended: cdn.discordapp.com/fox.png, cdn.acedata.cloud/lake view.webp --ar 3:2',
    );
    expect(promptTitle(`${A} a fox at dawn --sref ${B}`, i18n)).toBe(
      'cdn.discordapp.com/fox.png a fox at dawn --sref cdn.acedata.cloud/lake view.webp',
    );
    expect(promptTitle('a fox at dawn', i18n)).toBe('a fox at dawn');
  });

  it('in Chinese too', async () => {
    await activateLocale('zh-CN');
    expect(promptTitle(`${A} ${B}`, i18n)).toBe(
      '已融合 2 张图片：cdn.discordapp.com/fox.png, cdn.acedata.cloud/lake view.webp',
    );
  });

  it('keeps the query string out of every title of a blend’s lineage, and tells them apart', () => {
    const grid: NamedJob = { id: 'g', request: { prompt: BLEND } };
    const up: NamedJob = {
      id: 'u',
      request: { action: 'upscale1', image_id: 'i1' },
      parent: { jobId: 'g', imageId: 'i0', action: 'upscale1', label: BLEND },
    };
    const region: NamedJob = {
      id: 'r',
      request: { action: 'variation_region', image_id: 'i1', prompt: BLEND },
      parent: { jobId: 'u', imageId: 'i1', action: 'variation_region', label: BLEND },
    };
    const orphan: NamedJob = { ...up, id: 'o', parent: { ...up.parent!, jobId: 'gone' } };
    const byId: Record<string, NamedJob> = { g: grid, u: up, r: region };
    const titles = [grid, up, region, orphan].map((j) => cardName(j, (id) => byId[id]).title);
    expect(new Set(titles).size).toBe(4);
    expect(jobTitle(up)).toBe(titles[0]);
    for (const t of [...titles, cardName(up, (id) => byId[id]).prompt ?? ''])
      expect(t).not.toMatch(/https?:|hm=|\?ex=/);
  });
});
