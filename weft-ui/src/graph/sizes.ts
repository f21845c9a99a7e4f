// The size each kind of node is drawn at; the layout reserves exactly this.
import type { GraphNode } from './types';

export const POD_HEIGHT = 32;
export const GROUP_HEIGHT = 46;
export const BOUNDARY_HEIGHT = 26;
export const VIRTUAL_SIZE = 12;
const CHAR = 7; // mean width of a 12px sans-serif character
const MAX_LABEL = 30;

/** The label as drawn: long names are cut with an ellipsis (the full name is in the tooltip). */
export function shortLabel(label: string, max = MAX_LABEL): string {
  return label.length > max ? label.slice(0, max - 1) + '…' : label;
}

export function nodeSize(n: GraphNode): { w: number; h: number } {
  switch (n.kind) {
    case 'virtual':
      return { w: VIRTUAL_SIZE, h: VIRTUAL_SIZE };
    case 'group':
      return { w: Math.max(150, shortLabel(n.label).length * CHAR + 36), h: GROUP_HEIGHT };
    case 'boundary':
      return { w: Math.max(60, shortLabel(n.label).length * CHAR + 28), h: BOUNDARY_HEIGHT };
    default:
      return { w: Math.max(72, shortLabel(n.label).length * CHAR + 40), h: POD_HEIGHT };
  }
}
