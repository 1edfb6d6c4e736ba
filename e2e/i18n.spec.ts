import { test, expect, expectAccessible } from './fixtures';

test.describe('in Simplified Chinese (a zh-CN browser)', () => {
  test.use({ locale: 'zh-CN' });

  test('提示词 → 生成 → U2 → 缩小 2 倍 → 局部重绘 → 历史, by Chinese names, with no axe violations', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation', { name: '视图' })).toBeVisible();
    await expectAccessible(page, 'empty, zh-CN');

    const prompt = 'a lighthouse on a cliff at dusk --seed 7';
    await page.getByRole('textbox', { name: '提示词', exact: true }).fill(prompt);
    await page.getByRole('button', { name: '生成', exact: true }).click();
    const grid = page.getByRole('article', { name: prompt }).first();
    await expect(grid.getByRole('button', { name: 'U2', exact: true })).toBeVisible({
      timeout: 20_000,
    });
    for (const name of ['U1', 'V1', 'V4', '重新生成'])
      await expect(grid.getByRole('button', { name, exact: true })).toBeVisible();
    await expectAccessible(page, 'grid, zh-CN');

    await grid.getByRole('button', { name: 'U2', exact: true }).click();
    const upscaled = page
      .getByRole('article')
      .filter({ has: page.getByRole('button', { name: '局部重绘', exact: true }) })
      .first();
    for (const name of ['放大 2 倍', '变化（微妙）', '变化（强烈）', '局部重绘', '缩小 2 倍'])
      await expect(upscaled.getByRole('button', { name, exact: true })).toBeVisible();
    await expectAccessible(page, 'upscaled, zh-CN');

    await upscaled.getByRole('button', { name: '缩小 2 倍', exact: true }).click();
    const zoomed = page.getByRole('article').first();
    await expect(zoomed).toContainText('缩小 2 倍');
    await expect(zoomed.getByRole('button', { name: 'V1', exact: true })).toBeVisible();

    await upscaled.getByRole('button', { name: '局部重绘', exact: true }).click();
    const editor = page.getByRole('dialog', { name: '局部重绘' });
    await expect(editor).toBeVisible();
    await expect(editor.getByRole('button', { name: '画笔' })).toBeVisible();
    await expect(editor.getByRole('textbox', { name: '区域提示词' })).toHaveValue(prompt);
    await expectAccessible(page, 'vary region, zh-CN');
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();

    await page.getByRole('button', { name: '历史', exact: true }).click();
    const history = page.getByRole('region', { name: '历史' });
    await expect(history.getByRole('searchbox', { name: '搜索提示词' })).toBeVisible();
    await expect(history.getByRole('checkbox', { name: /^选择 (?!全选)/ }).first()).toBeVisible();
    await expect(page).toHaveTitle('历史 — Imagine Studio');
    await expectAccessible(page, 'history, zh-CN');
  });

  test('a Chinese prompt gets a hint that Midjourney understands English best; 立即翻译 translates it', async ({
    page,
  }) => {
    await page.goto('/');
    const box = page.getByRole('textbox', { name: '提示词', exact: true });
    await box.fill('一只红色的猫 --ar 2:3');
    const check = page.getByRole('list', { name: '提示词检查' });
    await expect(check).toContainText('Midjourney 对英文的理解最好');
    await check.getByRole('button', { name: '立即翻译' }).click();
    await expect(box).not.toHaveValue('一只红色的猫 --ar 2:3');
    const english = await box.inputValue();
    expect(english).toMatch(/ --ar 2:3$/);
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
    await expect(check).not.toContainText('Midjourney');
    // "Translate prompt" on: the service translates, so a Chinese prompt gets no hint.
    await box.fill('一只红色的猫');
    await expect(check).toContainText('Midjourney');
    await page.getByRole('checkbox', { name: '翻译提示词' }).check();
    await expect(check).not.toContainText('Midjourney');

    // 生成 sits on the buttons' row beside 生成视频, at its right end, not alone on a line below.
    const imagine = (await page.getByRole('button', { name: '生成', exact: true }).boundingBox())!;
    const animate = (await page.getByRole('button', { name: '生成视频' }).boundingBox())!;
    expect(Math.abs(imagine.y - animate.y)).toBeLessThan(4);
    expect(imagine.x).toBeGreaterThan(animate.x + animate.width);
  });
});

test('Settings → Language switches the whole studio without a reload, and the choice survives one', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('a quiet sea');
  // A mark on this document: a reload would lose it (and the typed prompt).
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const language = settings.getByRole('combobox', { name: 'Language' });
  await expect(language.getByRole('option')).toHaveText(['English', '简体中文']);
  await language.selectOption({ label: '简体中文' });

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const 设置 = page.getByRole('dialog', { name: '设置' });
  await expect(设置.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  await expect(设置.getByRole('button', { name: '测试连接' })).toBeVisible();
  await 设置.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('button', { name: '工作台', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '历史', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '设置', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '提示词', exact: true })).toHaveValue(
    'a quiet sea',
  );
  await expect(page.getByRole('button', { name: '生成', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Imagine' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '生成', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await page
    .getByRole('dialog', { name: '设置' })
    .getByRole('combobox', { name: '语言' })
    .selectOption({ label: 'English' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});
