// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { activateLocale } from '../../../i18n/activate';
import { WithI18n } from '../../../i18n/testing';
import { RegionFooter } from './region-footer';
import { ToolPanel } from './tool-panel';
import type { ViewportController } from './use-viewport';
import { ViewControls } from './view-controls';

const noop = () => undefined;
const viewport = {
  view: { width: 800, height: 600 },
  viewport: { x: 0, y: 0, scale: 1.5 },
  zoomIn: noop,
  zoomOut: noop,
  fit: noop,
} as unknown as ViewportController;

function renderEditorControls(coverage: number) {
  render(
    <>
      <ToolPanel
        tool="brush"
        onToolChange={noop}
        brush={{ size: 40, max: 256, onChange: noop }}
        history={{ canUndo: true, canRedo: false, canClear: true }}
        onMaskAction={noop}
      />
      <ViewControls viewport={viewport} showMask={false} onShowMaskChange={noop} />
      <RegionFooter
        mode="region"
        prompt="a red door"
        onPromptChange={noop}
        coverage={coverage}
        submitting={false}
        error={null}
        onSubmit={noop}
      />
    </>,
    { wrapper: WithI18n },
  );
}

afterEach(async () => {
  cleanup();
  await activateLocale('en');
});

describe('the mask editor’s controls in Simplified Chinese', () => {
  it('names its tools, edits, view and submit in Chinese', async () => {
    await activateLocale('zh-CN');
    renderEditorControls(0.42);
    const tools = screen.getByRole('group', { name: '工具' });
    expect(
      within(tools)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['画笔', '橡皮擦', '矩形', '套索']);
    expect(screen.getByRole('button', { name: '画笔' }).getAttribute('title')).toBe('画笔 (B)');
    const edits = screen.getByRole('group', { name: '编辑' });
    expect(
      within(edits)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['撤销', '重做', '清空', '反选']);
    expect(screen.getByRole('slider', { name: '画笔大小' }).getAttribute('aria-valuetext')).toBe(
      '40 图像像素',
    );
    const view = screen.getByRole('group', { name: '视图' });
    expect(within(view).getByRole('button', { name: '放大视图' })).toBeTruthy();
    expect(within(view).getByRole('checkbox', { name: '显示蒙版' })).toBeTruthy();
    expect(within(view).getByRole('status', { name: '缩放比例' }).textContent).toBe('150%');
    expect(screen.getByRole('textbox', { name: '区域提示词' })).toBeTruthy();
    expect(screen.getByText('区域：将重绘图片的 42%。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '提交区域' })).toBeTruthy();
  });

  it('warns in Chinese when the region is empty or covers nearly everything', async () => {
    await activateLocale('zh-CN');
    renderEditorControls(0);
    expect(screen.getByText('请先涂抹要重绘的区域 — 当前区域为空。')).toBeTruthy();
    cleanup();
    renderEditorControls(0.97);
    expect(screen.getByRole('alert').textContent).toBe(
      '区域几乎覆盖整张图片（97%）：几乎所有内容都会被重绘。',
    );
  });
});
