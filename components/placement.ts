/**
 * Where the hover card goes: below the name, or above it when there is more room there, never on it;
 * kept inside the viewport sideways; as tall as the room allows (it scrolls beyond that). A few lines
 * instead of a positioning library, because the content script carries every byte into every page.
 */
export const PLACEMENT = {
  /** Space between the name and the card. */
  gapPx: 6,
  /** The card keeps this far from the viewport's edges. */
  paddingPx: 8,
  /** The card is never squeezed below this height: it scrolls instead. */
  minHeightPx: 160,
} as const;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** `anchor`: the name's box; `card`: the card's natural size; `viewport`: its size. All in viewport pixels. */
export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): { x: number; y: number; maxHeight: number; side: 'below' | 'above' } {
  const { gapPx: gap, paddingPx: pad, minHeightPx } = PLACEMENT;
  const below = viewport.height - pad - (anchor.bottom + gap);
  const above = anchor.top - gap - pad;
  const side = card.height <= below || below >= above ? 'below' : 'above';
  const maxHeight = Math.max(minHeightPx, Math.floor(side === 'below' ? below : above));
  const height = Math.min(card.height, maxHeight);
  const y = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  const x = Math.max(pad, Math.min(anchor.left, viewport.width - pad - card.width));
  return { x: Math.round(x), y: Math.round(y), maxHeight, side };
}
