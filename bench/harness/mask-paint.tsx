/**
 * Bench harness page (Vite dev server only): the real Vary Region dialog on a generated
 * 2048×2048 picture whose region already holds `?strokes=N` committed strokes (500 by default),
 * as if the person had been painting for a long while. `window.benchReady` turns true once the
 * picture is loaded and the dialog is rendered.
 */
import { createRoot } from 'react-dom/client';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { activateLocale } from '../../src/i18n/activate';
import { MaskEditorDialog } from '../../src/features/mask-editor/components/mask-editor-dialog';
import { regionStore } from '../../src/features/mask-editor/model/region-store';
import { brushStrokes, seededRandom } from './mask-shapes';

const SIZE = 2048;
const IMAGE_ID = 'bench-mask-paint';

/** A busy 2048² picture (gradient and discs), so the image layer costs what a real one does. */
async function pictureUrl(): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  const gradient = ctx.createLinearGradient(0, 0, SIZE, SIZE);
  gradient.addColorStop(0, '#1d3557');
  gradient.addColorStop(0.5, '#e9c46a');
  gradient.addColorStop(1, '#9d0208');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, SIZE, SIZE);
  const random = seededRandom(3);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsla(${Math.floor(random() * 360)}, 70%, 55%, 0.5)`;
    ctx.beginPath();
    ctx.arc(random() * SIZE, random() * SIZE, 10 + random() * 120, 0, Math.PI * 2);
    ctx.fill();
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not encode'))), 'image/png'),
  );
  return URL.createObjectURL(blob);
}

const strokes = Number(new URLSearchParams(location.search).get('strokes') ?? 500);
// The committed history the dialog opens with, set in one go (one sessionStorage write).
regionStore.setState({
  byImageId: {
    [IMAGE_ID]: {
      mask: { shapes: brushStrokes(strokes, SIZE, 11), undone: [] },
      touched: Date.now(),
    },
  },
});

// The editor speaks through Lingui, as in the studio: English, its catalogs loaded first.
const [imageUrl] = await Promise.all([pictureUrl(), activateLocale('en')]);
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <I18nProvider i18n={i18n}>
    <MaskEditorDialog
      imageId={IMAGE_ID}
      imageUrl={imageUrl}
      width={SIZE}
      height={SIZE}
      prompt="bench picture"
      onSubmit={() => {}}
      onClose={() => {}}
    />
  </I18nProvider>,
);
(window as unknown as { benchReady?: boolean }).benchReady = true;
