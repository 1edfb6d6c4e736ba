import { test, expect } from './fixtures';

test.describe('composer', () => {
  test('the prompt is the one source of truth: controls write --params, typing moves controls', async ({
    page,
  }) => {
    await page.goto('/');
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.fill('a koi pond');
    await page.getByText('Parameters').click();
    await page.getByLabel('Aspect ratio').selectOption('16:9');
    await expect(prompt).toHaveValue('a koi pond --ar 16:9');
    await page.getByLabel('Chaos').fill('20');
    await expect(prompt).toHaveValue('a koi pond --ar 16:9 --c 20');
    await prompt.fill('a koi pond --ar 3:2 --tile');
    await expect(page.getByLabel('Aspect ratio')).toHaveValue('3:2');
    await expect(page.getByRole('checkbox', { name: 'Tile' })).toBeChecked();
    // Speed switches belong in Mode: warned, and stripped from what is sent.
    await prompt.fill('a koi pond --fast');
    await expect(page.getByRole('list', { name: 'Prompt check' })).toContainText('Mode');
  });

  test('reference images: bad links refused with a reason, at most five, paste and drop work', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    const url = page.getByRole('textbox', { name: 'Image URL' });
    const add = page.getByRole('button', { name: 'Add image' });
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('a collage');

    await url.fill('data:image/png;base64,iVBORw0KGgo=');
    await add.click();
    await expect(page.getByRole('alert')).toContainText('http');
    await url.fill('https://example.com/gallery/page.html');
    await add.click();
    await expect(page.getByRole('alert')).toContainText(/web page|image file/);

    for (let i = 1; i <= 4; i++) {
      await url.fill(`https://cdn.example.com/ref-${i}.png`);
      await add.click();
    }
    // Paste straight into the field.
    await url.focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'https://cdn.example.com/ref-5.jpg');
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    const thumbs = page.getByRole('list', { name: 'Reference images' }).getByRole('listitem');
    await expect(thumbs).toHaveCount(5);
    await expect(page.getByRole('slider', { name: 'Image weight' })).toBeVisible();

    // A sixth, dropped on the composer: refused, nothing lost.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/uri-list', 'https://cdn.example.com/ref-6.png');
      document
        .querySelector('.refs')!
        .dispatchEvent(
          new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
    });
    await expect(page.getByRole('alert')).toContainText('5');
    await expect(thumbs).toHaveCount(5);
    // Issue 14: the references are thumbnails, not long links in the words of the prompt.
    await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(
      'a collage',
    );

    await page.getByRole('button', { name: 'Remove reference 5' }).click();
    await expect(thumbs).toHaveCount(4);
    // The references survive a reload, beside the draft's words.
    await page.reload();
    await expect(thumbs).toHaveCount(4);
    await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(
      'a collage',
    );
    // The request still reads as the service wants it: the links first, then the words.
    await page.getByRole('button', { name: 'Imagine' }).click();
    const sent = await firstImagine(requests);
    expect(sent.prompt).toBe(
      [1, 2, 3, 4].map((i) => `https://cdn.example.com/ref-${i}.png`).join(' ') + ' a collage',
    );
  });
});

test.describe('references beside the words', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a link pasted or typed at the start of the Prompt box becomes a thumbnail', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
    const thumbs = page.getByRole('list', { name: 'Reference images' }).getByRole('listitem');
    await page.evaluate(() => navigator.clipboard.writeText('https://cdn.example.com/pasted.png'));
    await box.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(thumbs).toHaveCount(1);
    await expect(box).toHaveValue('');
    // Typed: the link moves once a space ends it, and the words stay in the box.
    await box.pressSequentially('https://cdn.example.com/typed.png a red kite --ar 3:2');
    await expect(thumbs).toHaveCount(2);
    await expect(box).toHaveValue('a red kite --ar 3:2');
    await page.getByRole('button', { name: 'Imagine' }).click();
    const sent = await firstImagine(requests);
    expect(sent.prompt).toBe(
      'https://cdn.example.com/pasted.png https://cdn.example.com/typed.png a red kite --ar 3:2',
    );
  });
});

test('"Translate prompt" sends translation: true; speed switches are left out of the prompt', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('一只可爱的猫 --fast');
  await page.getByRole('checkbox', { name: 'Translate prompt' }).check();
  await page.getByRole('button', { name: 'Imagine' }).click();
  await expect(
    page.getByRole('article').first().getByRole('button', { name: 'U1', exact: true }),
  ).toBeVisible();
  const sent = requests.find((r) => r.url.endsWith('/midjourney/imagine'))!;
  expect(JSON.parse(sent.body!)).toMatchObject({
    prompt: '一只可爱的猫',
    translation: true,
    mode: 'fast',
  });
});

test('a prompt over the engine’s limit is counted and held back, not sent to a 400', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  const imagine = page.getByRole('button', { name: 'Imagine' });
  await prompt.fill('a'.repeat(5612));
  await expect(page.getByText('The prompt is 5,612 of 6,000 characters — 388 left.')).toBeVisible();
  await expect(imagine).toBeEnabled();
  await prompt.fill('a'.repeat(18_488));
  await expect(
    page.getByText(
      'The prompt is 18,488 characters long; the limit is 6,000 — shorten it by 12,488.',
    ),
  ).toBeVisible();
  await expect(imagine).toBeDisabled();
  await prompt.press('Enter');
  await expect(prompt).toHaveValue('a'.repeat(18_488));
  expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toEqual([]);
});

/** The body of the first imagine request the page sent, once it has gone out. */
async function firstImagine(requests: { url: string; body?: string | null }[]) {
  const imagines = () => requests.filter((r) => r.url.endsWith('/midjourney/imagine'));
  await expect.poll(imagines).toHaveLength(1);
  return JSON.parse(imagines()[0]!.body!) as { prompt: string };
}
