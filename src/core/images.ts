// Image input as tokens, by the tile rule of the GPTBots price list (OpenAI's "high detail"):
// tiles = ⌈w/512⌉·⌈h/512⌉, tokens = 85 + 170·tiles; "low detail" is a flat 85.

export type ImageTokenRule = 'tiles' | 'low';

export const IMAGE_BASE_TOKENS = 85;
export const IMAGE_TILE_TOKENS = 170;
export const IMAGE_TILE_SIZE = 512;

/** Tokens of one input image of width × height pixels. 2000 × 500 → 4 tiles → 765 tokens. */
export function imageTokens(width: number, height: number, rule: ImageTokenRule = 'tiles'): number {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`image size must be positive whole pixels, got ${width} × ${height}`);
  }
  if (rule === 'low') return IMAGE_BASE_TOKENS;
  const tiles = Math.ceil(width / IMAGE_TILE_SIZE) * Math.ceil(height / IMAGE_TILE_SIZE);
  return IMAGE_BASE_TOKENS + IMAGE_TILE_TOKENS * tiles;
}
