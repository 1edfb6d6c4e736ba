/**
 * Screen ↔ image mapping for the mask canvas, as pure functions.
 *
 * "Screen" means CSS pixels relative to the canvas element's top-left corner — the space pointer
 * events live in. The device pixel ratio only changes how many backing pixels Konva allocates,
 * never this mapping, which is why strokes land on the same image pixels at any DPR.
 *
 *   screen = image × scale + (x, y)
 */
export interface Viewport {
  /** CSS pixels per image pixel. */
  scale: number;
  /** Screen position of the image's top-left corner. */
  x: number;
  y: number;
}

/** A 2-D point. */
export interface Point {
  x: number;
  y: number;
}

/** A width × height pair. */
export interface Size {
  width: number;
  height: number;
}

/** Gap kept between a fitted image and the canvas edges, in CSS pixels. */
export const FIT_PADDING = 12;

/** Zoom factor of one "Zoom in" / "Zoom out" step. */
export const ZOOM_STEP = 1.25;

/** Scale that shows the whole image, centred, with `padding` around it. */
export function fitViewport(image: Size, view: Size, padding = FIT_PADDING): Viewport {
  const availW = Math.max(1, view.width - 2 * padding);
  const availH = Math.max(1, view.height - 2 * padding);
  const scale = Math.min(availW / image.width, availH / image.height);
  return {
    scale,
    x: (view.width - image.width * scale) / 2,
    y: (view.height - image.height * scale) / 2,
  };
}

/** Allowed scale range: from half the fitted size to 32 screen pixels per image pixel. */
export function zoomLimits(image: Size, view: Size): { min: number; max: number } {
  const fit = fitViewport(image, view).scale;
  return { min: fit / 2, max: Math.max(32, fit) };
}

/** Maps a screen point to image coordinates. */
export function screenToImage(vp: Viewport, p: Point): Point {
  return { x: (p.x - vp.x) / vp.scale, y: (p.y - vp.y) / vp.scale };
}

/** Maps an image point to screen coordinates. */
export function imageToScreen(vp: Viewport, p: Point): Point {
  return { x: p.x * vp.scale + vp.x, y: p.y * vp.scale + vp.y };
}

/** Maps a pointer event's client coordinates to the canvas element's screen space. */
export function clientToScreen(
  client: { clientX: number; clientY: number },
  rect: { left: number; top: number },
): Point {
  return { x: client.clientX - rect.left, y: client.clientY - rect.top };
}

/** Zooms by `factor`, keeping the image point under the screen point `anchor` where it is. */
export function zoomAt(
  vp: Viewport,
  factor: number,
  anchor: Point,
  limits: { min: number; max: number },
): Viewport {
  const scale = Math.min(limits.max, Math.max(limits.min, vp.scale * factor));
  const under = screenToImage(vp, anchor);
  return { scale, x: anchor.x - under.x * scale, y: anchor.y - under.y * scale };
}

/** Moves the image by (dx, dy) screen pixels. */
export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { scale: vp.scale, x: vp.x + dx, y: vp.y + dy };
}

/**
 * Two-finger gesture: the image points under the fingers at `from` follow them to `to` as well as
 * a similarity without rotation can — scale by the change in finger distance, and carry the image
 * point under the old midpoint to the new midpoint (so pinch and two-finger pan are one motion).
 */
export function pinch(
  vp: Viewport,
  from: readonly [Point, Point],
  to: readonly [Point, Point],
  limits: { min: number; max: number },
): Viewport {
  const d0 = Math.hypot(from[1].x - from[0].x, from[1].y - from[0].y);
  const d1 = Math.hypot(to[1].x - to[0].x, to[1].y - to[0].y);
  const factor = d0 > 0 && d1 > 0 ? d1 / d0 : 1;
  const m0 = midpoint(from[0], from[1]);
  const m1 = midpoint(to[0], to[1]);
  const scale = Math.min(limits.max, Math.max(limits.min, vp.scale * factor));
  const under = screenToImage(vp, m0);
  return { scale, x: m1.x - under.x * scale, y: m1.y - under.y * scale };
}

/**
 * Keeps at least `margin` CSS pixels of the image inside the view (or the whole image when it is
 * smaller than that), so a fling never loses the picture.
 */
export function clampPan(vp: Viewport, image: Size, view: Size, margin = 48): Viewport {
  const w = image.width * vp.scale;
  const h = image.height * vp.scale;
  const mx = Math.min(margin, w);
  const my = Math.min(margin, h);
  return {
    scale: vp.scale,
    x: Math.min(view.width - mx, Math.max(mx - w, vp.x)),
    y: Math.min(view.height - my, Math.max(my - h, vp.y)),
  };
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
