import { describe, expect, it } from 'vitest';
import { imagineResponseSchema, taskSchema } from './contract';
import { isAllowedUrl } from './url-scheme';

describe('isAllowedUrl', () => {
  it.each([
    'https://cdn.example/a.png',
    'http://127.0.0.1:4000/img/a.png?ex=1&hm=2',
    'blob:http://localhost/1234',
    'data:image/png;base64,AAAA',
    'DATA:image/webp;base64,AAAA',
    '/relay?url=https%3A%2F%2Fcdn.example%2Fa.png',
  ])('lets %s through', (url) => expect(isAllowedUrl(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'http://[bad',
  ])('refuses %j', (url) => expect(isAllowedUrl(url)).toBe(false));
});

describe('the contract refuses links at the boundary', () => {
  it('an imagine reply loses its javascript: links and says which', () => {
    const parsed = imagineResponseSchema.parse({
      image_url: 'javascript:alert(1)',
      raw_image_url: 'https://cdn.example/a.png',
      sub_image_urls: ['https://cdn.example/1.png', 'javascript:alert(2)'],
      progress: 100,
    });
    expect(parsed).toEqual({
      raw_image_url: 'https://cdn.example/a.png',
      sub_image_urls: ['https://cdn.example/1.png'],
      progress: 100,
      refused_urls: ['image_url', 'sub_image_urls'],
    });
  });

  it('so does a task record’s response (a videos reply: kinds/contracts.test.ts)', () => {
    const task = taskSchema.parse({ id: 't', response: { image_url: 'javascript:x' } });
    expect(task.response).toEqual({ refused_urls: ['image_url'] });
  });

  it('a clean reply is unchanged', () => {
    const body = { image_url: 'https://cdn.example/a.png', actions: ['upscale1'] };
    expect(imagineResponseSchema.parse(body)).toEqual(body);
  });
});
