// `creditkit import <file|->`: a price table pasted as TSV / CSV / plain text, or LiteLLM's
// model_prices_and_context_window.json, into a creditkit catalog (stdout or --out). Every row
// that cannot be read without guessing is reported with its line (or JSON path), exit 1.
import { writeFile } from 'node:fs/promises';
import {
  CatalogError, formatIssue, ImportError, importGenaiPrices, importLiteLLM, importTable, isGenaiPrices, lintCatalog, parseCatalog, PRICE_KEYS,
  type BrandMap, type CatalogInput, type ImportIssue, type PriceKey, type SectionKey,
} from '../../core/index.js';
import { DEFAULT_KEY_MODES, defaultColumns, GENAI_PRICE_FIELDS, LITELLM_SERVICE_TIERS, LITELLM_TOKEN_FIELDS, SECTION_KEYS, SECTIONS } from '../../core/catalog/import/index.js';
import { formatPathIssue, parseOptions, readText } from './check.js';

const OPTIONS_HELP = `  --format auto|tsv|csv|text|litellm|genai-prices   auto: a JSON list of providers is genai-prices, another .json or JSON object is LiteLLM, .csv is CSV, a tab makes TSV, else plain text
  --from litellm|genai-prices          the same as --format, for a price file
  --out <file>                         write the catalog there instead of to stdout
  --like <catalog.json>                take credit unit, key modes, billing types, caps and rounding from this catalog
  --id <slug> --name <text> --version <text>   (version default: today, UTC)
  --currency <ISO code> --credit-value <decimal>   what one credit is worth, e.g. USD 0.01
  --key-modes <id=Name,…>              key modes in column order (default platform=Platform key,own=Own key)
  --columns <section>=<mode.key,…>     column layout of a section, e.g. llm=platform.input,platform.output,own.input,own.output
  --billing-type <section>=<id>        billing type of a section's rows (sections: ${SECTION_KEYS.join(', ')})
  --section <section>                  section of rows before any heading (a paste of one table alone)
  --brand <Name=slug[:English name]>   a brand spelling and its id slug (repeatable; adds to the built-in map)
  --platform-brand <Name>              brand of rows without one (vector storage); default the catalog name
  --audio-model <regex>                LLM rows billed as LLM audio chat (repeatable; replaces /audio/i and /^qwen-omni/i)
  --fix <Wrong=Right>                  a misspelling fixed in id and name, kept as an alias (repeatable; replaces Auido=Audio, Thingking=Thinking)
  --decimal auto|point|comma           decimal mark of the prices (auto: each cell as written)
  --delimiter <char>                   CSV delimiter (default ";" if the file has one, else ",")
  --cap <mode>:<key>=<price>,…         a per-1K-token ceiling on the LLM rows of a key mode, e.g. own:input=0.01,cachedInput=0.01,output=0.1
  --note <text>                        a catalog note (repeatable)
  --source <document> --checked <YYYY-MM-DD>   where the prices come from
 LiteLLM and genai-prices:
  --provider <name>                    only this litellm_provider / genai-prices provider id (repeatable)
  --mode <mode>                        LiteLLM only: only this mode: chat, embedding, rerank, audio_transcription, audio_speech, moderation, image_generation (repeatable)
  --token-unit tokens-1k|tokens-1m     unit of token prices (default tokens-1k)`;

/** What the price-file importers map, and what they report (stated once, from the importers' own tables). */
function priceFileHelp(): string {
  const litellm = Object.entries(LITELLM_TOKEN_FIELDS).map(([field, key]) => `    ${field.padEnd(44)} ${key}`);
  const genai = Object.entries(GENAI_PRICE_FIELDS).map(([field, key]) => `    ${field.padEnd(44)} ${key}`);
  return [
    'LiteLLM price file (model_prices_and_context_window.json), USD → credits exactly:',
    ...litellm,
    `    <field>_above_<N>k_tokens                    a long-context tier above N×1000 input tokens (keys it does not price keep the base price)`,
    `    <field>_${Object.keys(LITELLM_SERVICE_TIERS).join(' | _')}               serviceTiers ${Object.values(LITELLM_SERVICE_TIERS).join(', ')} (what a tier does not price is not borrowed)`,
    '    search_context_cost_per_query                webSearch per call, where low, medium and high cost the same',
    '    input_cost_per_second (transcription)        audio, per 60 s',
    '    output_cost_per_second (speech)              audioOutput, per 60 s',
    '    input_cost_per_character (speech)            characters, per 1,000',
    '    input_cost_per_query (rerank)                request',
    '    output_cost_per_image, input_cost_per_image  request (image generation); "<quality>/<W>-x-<H>/<model>" entries become',
    '                                                 the model\'s generatedImages { "WxH/quality": … }',
    '  Any other price field (per pixel, image or video tokens, per-second audio on token models, tool',
    '  sessions, differing search context sizes…) is reported once, with the number of models carrying it.',
    'genai-prices data (prices/data.json), USD per 1M tokens → credits exactly:',
    ...genai,
    '    { base, tiers: [{ start, price }] }          a long-context tier above start',
    '    prices: [{ constraint: { start_date }, … }]  earlier prices until each next date',
    '  Reported, not mapped: requests_kcount, cache_audio_read_mtok, time-of-day constraints (start_time, end_time).',
  ].join('\n');
}

/** A heading that opens each section, as GPTBots' English list writes it (German ones work too). */
export const SECTION_HEADINGS: Record<SectionKey, string> = {
  llm: 'LLM Service Pricing',
  embedding: 'Embedding Service Pricing',
  rerank: 'Rerank Service Pricing',
  asr: 'ASR Service Pricing',
  tts: 'TTS Service Pricing',
  moderation: 'Content Moderation Service Pricing',
  storage: 'Vector Storage',
};

/** How a pasted table is read, from the importer's own defaults (sections, column order). */
function tableLayoutHelp(): string {
  const modes = DEFAULT_KEY_MODES.map((k) => k.id);
  const width = Math.max(...SECTION_KEYS.map((k) => k.length));
  const columns = SECTION_KEYS.map((key) => `    ${key.padEnd(width)}  brand, model, ${defaultColumns(key, modes).map((c) => `${c.keyMode}.${c.key}`).join(', ')}`);
  columns[SECTION_KEYS.indexOf('storage')] += ' (without a brand: the platform\'s, see --platform-brand; one price: for every key mode)';
  return [
    'Table layout (TSV, CSV, or text copied from a web page):',
    '  Sections: a heading line alone opens one and sets its billing type and unit:',
    `    ${SECTION_KEYS.map((k) => `"${SECTION_HEADINGS[k]}"`).join(', ')}`,
    `    (German editions' headings too); or --section for a table without one; or a first cell naming the section (${SECTION_KEYS.join(', ')}) on each row.`,
    `  Columns of a row, by default (key modes in the order of --key-modes, else of --like's catalog, else ${modes.join(', ')}):`,
    ...columns,
    '    --columns changes a section\'s price columns. Brand and model may also be one cell ("OpenAI GPT-4o") in text.',
    '  Prices: a decimal with point or comma (0.1375, 0,1375), "-" = not offered; no thousands separators, no currency signs.',
    '  Header rows are skipped: any line whose last cells are not prices, such as',
    '    Brand<TAB>Model<TAB>Input (GPTBots Key)<TAB>Output (GPTBots Key)<TAB>Input (Own Key)<TAB>Output (Own Key)',
    '  and notes; a note above the rows may state the unit ("Note: prices are measured in credits / 1M Tokens").',
    '  Lines starting with # are comments; a "FAQ" heading ends the tables.',
  ].join('\n');
}

const USAGE = `usage: creditkit import <table.tsv|table.csv|table.txt|litellm.json|genai-prices.json|-> [options]

${OPTIONS_HELP}

${tableLayoutHelp()}

${priceFileHelp()}`;

const OPTIONS = {
  format: { type: 'string' }, from: { type: 'string' }, out: { type: 'string' }, like: { type: 'string' },
  id: { type: 'string' }, name: { type: 'string' }, version: { type: 'string' },
  currency: { type: 'string' }, 'credit-value': { type: 'string' },
  'key-modes': { type: 'string' }, columns: { type: 'string', multiple: true }, 'billing-type': { type: 'string', multiple: true },
  section: { type: 'string' }, brand: { type: 'string', multiple: true }, 'platform-brand': { type: 'string' },
  'audio-model': { type: 'string', multiple: true }, fix: { type: 'string', multiple: true },
  decimal: { type: 'string' }, delimiter: { type: 'string' }, cap: { type: 'string', multiple: true },
  note: { type: 'string', multiple: true }, source: { type: 'string' }, checked: { type: 'string' },
  provider: { type: 'string', multiple: true }, mode: { type: 'string', multiple: true }, 'token-unit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class OptionError extends Error {}

function pairs(values: string[] | undefined, option: string): [string, string][] {
  return (values ?? []).flatMap((v) => v.split(',')).map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw new OptionError(`--${option}: expected name=value, got "${item}"`);
    return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
  });
}

function sectionOf(name: string, option: string): SectionKey {
  if (!(SECTION_KEYS as string[]).includes(name)) throw new OptionError(`--${option}: unknown section "${name}" (one of ${SECTION_KEYS.join(', ')})`);
  return name as SectionKey;
}

function priceKeyOf(name: string, option: string): PriceKey {
  if (!(PRICE_KEYS as readonly string[]).includes(name)) throw new OptionError(`--${option}: unknown price key "${name}" (one of ${PRICE_KEYS.join(', ')})`);
  return name as PriceKey;
}

function brandsOf(values: string[] | undefined): BrandMap {
  const brands: BrandMap = {};
  for (const value of values ?? []) {
    const m = /^(.+?)=([a-z0-9][a-z0-9._-]*)(?::(.+))?$/.exec(value);
    if (!m) throw new OptionError(`--brand: expected "Name=slug" or "Name=slug:English name", got "${value}"`);
    brands[m[1]!.trim()] = { slug: m[2]!, ...(m[3] && { en: m[3].trim() }) };
  }
  return brands;
}

function columnsOf(values: string[] | undefined) {
  const columns: Partial<Record<SectionKey, { keyMode: string; key: PriceKey }[]>> = {};
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    if (at <= 0) throw new OptionError(`--columns: expected section=mode.key,…, got "${value}"`);
    columns[sectionOf(value.slice(0, at), 'columns')] = value.slice(at + 1).split(',').map((col) => {
      const [keyMode, key] = col.trim().split('.');
      if (!keyMode || !key) throw new OptionError(`--columns: expected mode.key, got "${col}"`);
      return { keyMode, key: priceKeyOf(key, 'columns') };
    });
  }
  return columns;
}

function capsOf(values: string[] | undefined): CatalogInput['caps'] {
  return values?.map((value) => {
    const m = /^([a-z0-9][a-z0-9._-]*):(.+)$/.exec(value);
    if (!m) throw new OptionError(`--cap: expected mode:key=price,…, got "${value}"`);
    const prices = Object.fromEntries(pairs([m[2]!], 'cap').map(([k, v]) => [priceKeyOf(k, 'cap'), v]));
    return { keyMode: m[1]!, billingTypes: ['llm-text-chat', 'llm-audio-chat'], unit: 'tokens-1k' as const, prices };
  });
}

function regexOf(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch (error) {
    throw new OptionError(`--audio-model: ${(error as Error).message}`);
  }
}

function report(issues: readonly ImportIssue[]): void {
  for (const issue of issues) console.error(`${issue.severity}: ${formatIssue(issue)}`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, OPTIONS, USAGE);
  if (!parsed) return args.includes('--help') || args.includes('-h') ? 0 : 2;
  if (parsed.positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const v = parsed.values as Record<string, string | undefined> & Record<string, string[] | undefined>;
  const file = parsed.positionals[0]!;
  const read = await readText(file);
  if ('error' in read) {
    console.error(`${file}: cannot read: ${read.error}`);
    return 1;
  }

  let base: CatalogInput | undefined;
  if (v.like) {
    const like = await readText(v.like);
    try {
      if ('error' in like) throw new OptionError(`--like ${v.like}: cannot read: ${like.error}`);
      base = JSON.parse(like.text) as CatalogInput;
      parseCatalog(base);
    } catch (error) {
      if (error instanceof CatalogError) console.error(`--like ${v.like}: invalid catalog\n${error.issues.map((i) => `  ${formatPathIssue(i)}`).join('\n')}`);
      else console.error(error instanceof OptionError ? error.message : `--like ${v.like}: not valid JSON (${(error as Error).message})`);
      return 1;
    }
  }

  const format = (v.from as string | undefined) ?? (v.format as string | undefined) ?? 'auto';
  if (!['auto', 'tsv', 'csv', 'text', 'litellm', 'genai-prices'].includes(format)) {
    console.error(`--${v.from ? 'from' : 'format'}: expected auto, tsv, csv, text, litellm or genai-prices, got "${format}"`);
    return 2;
  }
  const looksJson = file.endsWith('.json') || /^[[{]/.test(read.text.trimStart());
  let parsedJson: unknown;
  if (format === 'auto' && looksJson) {
    try {
      parsedJson = JSON.parse(read.text);
    } catch {
      // not JSON after all: LiteLLM's importer names the parse error
    }
  }
  const isGenai = format === 'genai-prices' || (format === 'auto' && isGenaiPrices(parsedJson));
  const isLiteLLM = !isGenai && (format === 'litellm' || (format === 'auto' && looksJson));
  const tableFormat = format === 'auto' ? (file.endsWith('.csv') ? 'csv' : 'auto') : (format as 'tsv' | 'csv' | 'text');

  try {
    const decimal = v.decimal as string | undefined;
    if (decimal && !['auto', 'point', 'comma'].includes(decimal)) throw new OptionError(`--decimal: expected auto, point or comma, got "${decimal}"`);
    const tokenUnit = v['token-unit'] as string | undefined;
    if (tokenUnit && tokenUnit !== 'tokens-1k' && tokenUnit !== 'tokens-1m') throw new OptionError(`--token-unit: expected tokens-1k or tokens-1m, got "${tokenUnit}"`);
    if (v.checked && !v.source) throw new OptionError('--checked needs --source');
    const keyModes = v['key-modes'] ? pairs([v['key-modes'] as string], 'key-modes').map(([id, name]) => ({ id, name })) : undefined;
    const meta = {
      ...(v.id && { id: v.id as string }),
      ...(v.name && { name: v.name as string }),
      version: (v.version as string | undefined) ?? new Date().toISOString().slice(0, 10),
      ...(v.currency && { currency: v.currency as string }),
      ...(v['credit-value'] && { creditValue: v['credit-value'] as string }),
      ...(keyModes && { keyModes }),
      ...(v.note && { notes: v.note as string[] }),
      ...(v.source && { source: { document: v.source as string, checked: (v.checked as string | undefined) ?? new Date().toISOString().slice(0, 10) } }),
      ...(v.cap && { caps: capsOf(v.cap as string[]) }),
      ...(base && { base }),
      brands: brandsOf(v.brand as string[] | undefined),
      ...(v['audio-model'] && { audioModels: (v['audio-model'] as string[]).map(regexOf) }),
    };
    const priceFile = {
      ...meta,
      name: meta.name ?? (isGenai ? 'genai-prices list prices' : 'LiteLLM list prices'),
      creditValue: meta.creditValue ?? (base?.creditUnit.value as string | undefined) ?? '',
      ...(v.provider && { providers: v.provider as string[] }),
      ...(tokenUnit && { tokenUnit: tokenUnit as 'tokens-1k' | 'tokens-1m' }),
    };
    const result = isGenai
      ? importGenaiPrices(parsedJson ?? read.text, { ...priceFile, id: meta.id ?? 'genai-prices' })
      : isLiteLLM
      ? importLiteLLM(read.text, { ...priceFile, id: meta.id ?? 'litellm', ...(v.mode && { modes: v.mode as string[] }) })
      : importTable(read.text, {
          ...meta,
          format: tableFormat,
          ...(v.delimiter && { delimiter: v.delimiter as string }),
          ...(decimal && { decimalMark: decimal as 'auto' | 'point' | 'comma' }),
          ...(v.section && { section: sectionOf(v.section as string, 'section') }),
          ...(v['platform-brand'] && { platformBrand: { brand: v['platform-brand'] as string, slug: meta.id ?? base?.id ?? 'imported' } }),
          columns: columnsOf(v.columns as string[] | undefined),
          billingTypes: Object.fromEntries(pairs(v['billing-type'] as string[] | undefined, 'billing-type').map(([s, id]) => [sectionOf(s, 'billing-type'), id])),
          ...(v.fix && { fixes: Object.fromEntries(pairs(v.fix as string[], 'fix')) }),
        });
    report(result.issues);
    const json = JSON.stringify(result.catalog, null, 2);
    if (v.out) await writeFile(v.out as string, json + '\n');
    else console.log(json);
    const warnings = lintCatalog(parseCatalog(result.catalog));
    const services = result.catalog.services.length;
    console.error(
      `imported ${services} service${services === 1 ? '' : 's'}${v.out ? ` into ${v.out}` : ''}` +
        (warnings.length ? `; the linter has ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (creditkit check)` : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof OptionError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof ImportError) {
      report(error.issues);
      const count = error.issues.filter((i) => i.severity === 'error').length;
      console.error(`${file}: import failed, ${count} problem${count === 1 ? '' : 's'}; nothing written`);
      return 1;
    }
    throw error;
  }
}
