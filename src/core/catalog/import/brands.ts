// Brand spellings of the published price lists → id slug and English name. Both GPTBots editions
// are covered, misspellings included (NteEase), so an import never invents a slug silently.

export interface BrandInfo {
  slug: string;
  /** English name, shown beside a published brand that is not English (百度 → Baidu). */
  en?: string;
}

export type BrandMap = Record<string, BrandInfo>;

export const DEFAULT_BRANDS: BrandMap = {
  OpenAI: { slug: 'openai' },
  Azure: { slug: 'azure' },
  百度: { slug: 'baidu', en: 'Baidu' },
  Baidu: { slug: 'baidu' },
  Meta: { slug: 'meta' },
  Ali: { slug: 'alibaba', en: 'Alibaba' },
  Alibaba: { slug: 'alibaba' },
  Mistral: { slug: 'mistral' },
  Mixtral: { slug: 'mistral', en: 'Mistral' },
  智谱: { slug: 'zhipu', en: 'Zhipu AI' },
  ZhiPu: { slug: 'zhipu', en: 'Zhipu AI' },
  Anthropic: { slug: 'anthropic' },
  Tencent: { slug: 'tencent' },
  Google: { slug: 'google' },
  日日新: { slug: 'sensetime', en: 'SenseTime' },
  SenseTime: { slug: 'sensetime' },
  DeepSeek: { slug: 'deepseek' },
  月之暗面: { slug: 'moonshot', en: 'Moonshot AI' },
  Moonshot: { slug: 'moonshot', en: 'Moonshot AI' },
  xAI: { slug: 'xai' },
  Seed: { slug: 'bytedance', en: 'ByteDance' },
  Jina: { slug: 'jina' },
  'NetEase BCE': { slug: 'netease', en: 'NetEase' },
  NetEase: { slug: 'netease' },
  NteEase: { slug: 'netease', en: 'NetEase' },
  'Baai BGE': { slug: 'baai', en: 'BAAI' },
  Baai: { slug: 'baai', en: 'BAAI' },
  Minimax: { slug: 'minimax' },
};

/** Looks a published brand up, case-insensitively (a paste may change nothing but case). */
export function lookupBrand(brands: BrandMap, name: string): BrandInfo | undefined {
  if (brands[name]) return brands[name];
  const lower = name.toLowerCase();
  for (const [spelling, info] of Object.entries(brands)) if (spelling.toLowerCase() === lower) return info;
  return undefined;
}

/**
 * The longest known brand spelling that starts a whitespace-separated line ("NetEase BCE
 * BCE-Rerank 0.0012 0.0001"), and the rest of the label after it.
 */
export function splitBrandPrefix(brands: BrandMap, label: string): { brand: string; rest: string } | undefined {
  let best: string | undefined;
  const lower = label.toLowerCase();
  for (const spelling of Object.keys(brands)) {
    const s = spelling.toLowerCase();
    if (lower.startsWith(s + ' ') && (!best || s.length > best.length)) best = label.slice(0, spelling.length);
  }
  return best ? { brand: best, rest: label.slice(best.length).trim() } : undefined;
}
