// Pan and zoom as one transform: screen = graph × k + (x, y).

export interface View {
  x: number;
  y: number;
  k: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 3;
const PAD = 24;

const clampK = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** The whole graph in the viewport, never enlarged beyond `maxK`. */
export function fitView(width: number, height: number, vw: number, vh: number, maxK = 1): View {
  const k = clampK(Math.min(maxK, (vw - 2 * PAD) / Math.max(width, 1), (vh - 2 * PAD) / Math.max(height, 1)));
  return { k, x: (vw - width * k) / 2, y: Math.max(PAD - 0, (vh - height * k) / 2) };
}

/**
 * The first view of a graph: fitted when it can be read that way, else at a readable zoom with the
 * graph's start (the root) in view.
 */
export function initialView(width: number, height: number, vw: number, vh: number, root?: { x: number; y: number }): View {
  const fit = fitView(width, height, vw, vh);
  if (fit.k >= 0.5) return fit;
  const k = 0.6;
  const r = root ?? { x: width / 2, y: 0 };
  return { k, x: vw / 2 - r.x * k, y: PAD - Math.max(0, r.y - 40) * k };
}

/** Zooms by `factor` keeping the graph point under (px, py) where it is. */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const k = clampK(v.k * factor);
  const f = k / v.k;
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
}

/** Moves the view so the graph point (gx, gy) shows at (sx, sy). */
export function placeAt(v: View, gx: number, gy: number, sx: number, sy: number): View {
  return { k: v.k, x: sx - gx * v.k, y: sy - gy * v.k };
}

/** The part of the graph in view, in graph coordinates, widened by `margin` screen pixels. */
export function visibleRect(v: View, vw: number, vh: number, margin = 120) {
  return {
    x0: (-margin - v.x) / v.k,
    y0: (-margin - v.y) / v.k,
    x1: (vw + margin - v.x) / v.k,
    y1: (vh + margin - v.y) / v.k,
  };
}
