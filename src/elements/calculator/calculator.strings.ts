// <credit-calculator>'s own strings; the shared ones (credits, key modes, billing types) are in src/i18n.
import { defineStrings } from '../../i18n/index.js';
import type { ParsedNumber } from './parse-number.js';
import type { PresetWorkloadId } from './presets.js';

export type FieldId =
  | 'name'
  | 'users'
  | 'days'
  | 'requestsPerUserPerDay'
  | 'requestsLow'
  | 'requestsHigh'
  | 'inputTokens'
  | 'outputTokens'
  | 'imagesPerRequest'
  | 'imageWidth'
  | 'imageHeight'
  | 'toolCalls'
  | 'audioSeconds'
  | 'characters'
  | 'knowledgeBaseTokens'
  | 'outputCap'
  | 'balance';

export interface CalculatorStrings {
  title: string;
  scenario: string;
  scenarioName: string;
  period: string;
  calendarDays: string;
  workingDays: string;
  days: string;
  /** The days of use of the month the period is derived from. */
  daysHint: (month: string, working: number, calendar: number) => string;
  users: string;
  presets: string;
  presetNames: Record<'support' | 'knowledge' | 'voice' | 'workday', string>;
  applyPreset: string;
  workload: (n: number) => string;
  workloadName: string;
  searchService: string;
  service: string;
  keyMode: string;
  addWorkload: string;
  removeWorkload: (name: string) => string;
  fields: Record<Exclude<FieldId, 'name' | 'users' | 'days' | 'balance'>, string>;
  units: Partial<Record<FieldId, string>>;
  range: string;
  levers: string;
  cacheHitRate: string;
  compression: string;
  routeShare: string;
  routeTo: string;
  /** The batch lever, and why it is off for a service without a batch tier. */
  batchShare: string;
  batchUnavailable: (service: string) => string;
  /** The prompt-cache levers: shares of each request's input read from and written to the provider's cache. */
  cacheReadShare: string;
  cacheWriteShare: string;
  cacheWrite1hShare: string;
  /** In the breakdown: the catalog has no cache-write price, so cache writes are priced as input. */
  cacheWritesAtInput: string;
  /** Names of the presets' workloads, by id. */
  presetWorkloads: Record<PresetWorkloadId, string>;
  none: string;
  prompt: string;
  promptHint: string;
  promptCount: (tokens: string, exact: boolean, method: string) => string;
  promptCounting: string;
  promptUnavailable: string;
  promptUse: (tokens: string) => string;
  promptUsed: string;
  errors: Record<Exclude<ParsedNumber, { ok: true }>['reason'], (limit: string) => string>;
  keepingLast: string;
  results: string;
  perMonth: string;
  band: (low: string, high: string) => string;
  perUser: string;
  perDay: string;
  byBillingType: string;
  byWorkload: string;
  chartTitle: (what: string) => string;
  tableCaption: string;
  item: string;
  creditsColumn: string;
  share: string;
  total: string;
  noWorkloads: string;
  recommendations: string;
  packages: string;
  packagePlan: (items: string, price: string, discount: string) => string;
  packageSurplus: (credits: string) => string;
  noPackages: string;
  customPackage: (credits: string) => string;
  keyModes: string;
  notOfferedIn: (count: number) => string;
  ownKeyNote: string;
  alternatives: (workload: string) => string;
  saves: (credits: string, percent: string) => string;
  free: string;
  /** Why a cheaper service fits: its kind, and the request against its context window (null: not published; both null: not priced by tokens). */
  alternativeWhy: (kind: string, window: string | null, tokens: string | null) => string;
  alternativesNote: string;
  useService: (name: string) => string;
  noAlternatives: string;
  balance: string;
  runway: (balance: string, date: string) => string;
  runwayNone: (balance: string) => string;
  runwayForever: string;
  share_: string;
  copyLink: string;
  copied: string;
  shareLink: string;
  exportJson: string;
  importJson: string;
  exportCsv: string;
  dropped: string;
  importFailed: string;
  announcement: (credits: string, money: string) => string;
  serviceFromTable: (name: string) => string;
  handover: (service: string, keyMode: string, origin: 'price-list' | 'page') => string;
  handoverUnknown: (asked: string) => string;
  handoverKeyRefused: (asked: string, used: string) => string;
  /** The one-line summary of a collapsed workload card. */
  requestsPerDay: (count: string) => string;
  storedTokens: (count: string) => string;
  /** After a workload is removed: its name, and the button that brings it back. */
  removed: (name: string) => string;
  undo: string;
  /** The phone's sticky bar. */
  perMonthShort: string;
  showBreakdown: string;
  /** The drop zone under the prompt box, and a file it refuses. */
  promptFile: string;
  promptFileTooLarge: (limit: string) => string;
  /** A/B: the second scenario, a variant of the first, side by side. */
  compareStart: string;
  compareStop: string;
  editing: string;
  sideA: string;
  sideB: string;
  difference: string;
  compareCaption: string;
  compareSummary: (difference: string, percent: string, sign: -1 | 0 | 1) => string;
  loading: string;
}

const en: CalculatorStrings = {
  title: 'Usage calculator',
  scenario: 'Scenario',
  scenarioName: 'Scenario name',
  period: 'Days counted',
  calendarDays: 'Calendar days',
  workingDays: 'Working days (Mon–Fri)',
  days: 'Days of use per month',
  daysHint: (month, working, calendar) => `${month}: ${working} working days, ${calendar} calendar days`,
  users: 'Users',
  presets: 'Start from a preset',
  presetNames: { support: 'Support bot', knowledge: 'Knowledge-base Q&A', voice: 'Voice assistant', workday: "meinGPT's productive workday" },
  applyPreset: 'Apply preset',
  workload: (n) => `Workload ${n}`,
  workloadName: 'Name',
  searchService: 'Search services',
  service: 'Service',
  keyMode: 'Key',
  addWorkload: 'Add workload',
  removeWorkload: (name) => `Remove ${name}`,
  fields: {
    requestsPerUserPerDay: 'Requests per user per day',
    requestsLow: 'Low',
    requestsHigh: 'High',
    inputTokens: 'Input tokens per request',
    outputTokens: 'Output tokens per request',
    imagesPerRequest: 'Input images per request',
    imageWidth: 'Image width',
    imageHeight: 'Image height',
    toolCalls: 'Tool calls per request',
    audioSeconds: 'Audio per request',
    characters: 'Characters per request',
    knowledgeBaseTokens: 'Knowledge base size',
    outputCap: 'Output cap per request',
  },
  units: { inputTokens: 'tokens', outputTokens: 'tokens', outputCap: 'tokens', imageWidth: 'px', imageHeight: 'px', audioSeconds: 's', characters: 'characters', knowledgeBaseTokens: 'tokens', balance: 'credits', days: 'days' },
  range: 'Range (optional)',
  levers: 'Levers',
  cacheHitRate: 'Cache hit rate (a cached answer costs nothing)',
  compression: 'Prompt compression (input tokens removed)',
  routeShare: 'Share routed to a cheaper service',
  routeTo: 'Route to',
  batchShare: 'Requests via batch (answered within 24 h)',
  batchUnavailable: (service) => `${service} offers no batch tier in this key mode, so every request is priced at its standard price.`,
  cacheReadShare: 'Prompt read from the cache',
  cacheWriteShare: 'Prompt written to the cache (5 min)',
  cacheWrite1hShare: 'Prompt written to the cache (1 h)',
  cacheWritesAtInput: 'cache writes at the input price',
  presetWorkloads: {
    answers: 'Answers',
    moderation: 'Moderation',
    embedding: 'Question embedding',
    reranking: 'Reranking',
    knowledgeBase: 'Knowledge base',
    speechRecognition: 'Speech recognition',
    speechOutput: 'Speech output',
    longChats: '30 longer chats (~8,000 tokens; GPT-4o in place of Claude Opus 4.7)',
    images: '5 images with GPT Image 1',
    wizards: '2 workflow wizards',
  },
  none: 'None',
  prompt: 'Paste a typical prompt',
  promptHint: 'Counted in your browser; nothing is sent.',
  promptCount: (tokens, exact, method) => (exact ? `${tokens} tokens (exact, ${method})` : `≈ ${tokens} tokens (estimate)`),
  promptCounting: 'Counting…',
  promptUnavailable: 'Token counting is not available.',
  promptUse: (tokens) => `Use ${tokens} as input tokens`,
  promptUsed: 'used as input tokens per request',
  errors: {
    empty: () => 'Enter a number.',
    negative: () => 'Must not be negative.',
    'not-a-number': () => 'Enter a number, such as 1,500.',
    'too-large': (limit) => `Must be at most ${limit}.`,
    'too-small': (limit) => `Must be at least ${limit}.`,
    'not-whole': () => 'Enter a whole number.',
  },
  keepingLast: 'Fix the marked field; the last valid result is shown.',
  results: 'Estimated monthly cost',
  perMonth: 'per month',
  band: (low, high) => `Range: ${low} to ${high}`,
  perUser: 'Per user',
  perDay: 'Per day of use',
  byBillingType: 'By billing type',
  byWorkload: 'By workload',
  chartTitle: (what) => `Credits per month ${what.toLowerCase()}`,
  tableCaption: 'Monthly credits by workload and billing type',
  item: 'Item',
  creditsColumn: 'Credits',
  share: 'Share',
  total: 'Total',
  noWorkloads: 'Add a workload or start from a preset.',
  recommendations: 'Recommendations',
  packages: 'Credit packages',
  packagePlan: (items, price, discount) => `Buy ${items} for ${price}${discount ? ` (${discount} off face value)` : ''}.`,
  packageSurplus: (credits) => `${credits} left over after the month.`,
  noPackages: 'This catalog sells no credit packages.',
  customPackage: (credits) => `From ${credits} a custom package with an individual discount is available.`,
  keyModes: 'Platform key or own key',
  notOfferedIn: (count) => `not offered for ${count} workload${count === 1 ? '' : 's'}`,
  ownKeyNote: 'With your own key the provider bills its usage separately; these credits are the platform fee.',
  alternatives: (workload) => `Cheaper services for ${workload}`,
  saves: (credits, percent) => `saves ${credits} (${percent})`,
  free: 'free',
  alternativeWhy: (kind, window, tokens) =>
    tokens === null ? `Also ${kind}, priced the same way.` : window === null ? `Also ${kind}; it publishes no context window: check that ${tokens}-token requests fit.` : `Also ${kind}; its ${window} context holds a request of ${tokens} tokens.`,
  alternativesNote: 'A cheaper model can answer differently: try it with your own prompts before you switch.',
  useService: (name) => `Use ${name}`,
  noAlternatives: 'No other service of this type fits.',
  balance: 'Current balance',
  runway: (balance, date) => `At this rate a balance of ${balance} lasts until ${date}.`,
  runwayNone: (balance) => `At this rate a balance of ${balance} does not last a day.`,
  runwayForever: 'This scenario costs nothing; the balance lasts.',
  share_: 'Share and export',
  copyLink: 'Copy share link',
  copied: 'Link copied.',
  shareLink: 'Share link',
  exportJson: 'Export JSON',
  importJson: 'Import JSON',
  exportCsv: 'Export CSV',
  dropped: 'Some parts of the scenario could not be loaded:',
  importFailed: 'The scenario could not be loaded:',
  announcement: (credits, money) => `Estimated monthly cost: ${credits}, ${money}.`,
  serviceFromTable: (name) => `${name} selected from the price list.`,
  handover: (service, keyMode, origin) => `Planning with ${service}${keyMode ? ` · ${keyMode}` : ''}${origin === 'price-list' ? ', chosen in the price list' : ''}.`,
  handoverUnknown: (asked) => `“${asked}” is not in this price list; a typical month is shown instead.`,
  handoverKeyRefused: (asked, used) => `Not offered with ${asked}; priced with ${used}.`,
  requestsPerDay: (count) => `${count} requests/day`,
  storedTokens: (count) => `${count} tokens stored`,
  removed: (name) => `“${name}” removed.`,
  undo: 'Undo',
  perMonthShort: 'Per month',
  showBreakdown: 'Breakdown',
  promptFile: 'A prompt from a text file',
  promptFileTooLarge: (limit) => `The file is larger than ${limit}; paste a part of it instead.`,
  compareStart: 'Compare with a variant',
  compareStop: 'End comparison',
  editing: 'Scenario being edited',
  sideA: 'A: as is',
  sideB: 'B: variant',
  difference: 'Difference',
  compareCaption: 'Monthly credits in A and B, and the difference',
  compareSummary: (difference, percent, sign) =>
    sign < 0 ? `B saves ${difference} a month${percent ? ` (${percent})` : ''}.` : sign > 0 ? `B costs ${difference} more a month${percent ? ` (+${percent})` : ''}.` : 'A and B cost the same.',
  loading: 'Loading prices…',
};

const de: CalculatorStrings = {
  title: 'Verbrauchsrechner',
  scenario: 'Szenario',
  scenarioName: 'Name des Szenarios',
  period: 'Gezählte Tage',
  calendarDays: 'Kalendertage',
  workingDays: 'Arbeitstage (Mo–Fr)',
  days: 'Nutzungstage pro Monat',
  daysHint: (month, working, calendar) => `${month}: ${working} Arbeitstage, ${calendar} Kalendertage`,
  users: 'Nutzer',
  presets: 'Mit einer Vorlage beginnen',
  presetNames: { support: 'Support-Bot', knowledge: 'Fragen an die Wissensdatenbank', voice: 'Sprachassistent', workday: 'Produktiver Arbeitstag (meinGPT)' },
  applyPreset: 'Vorlage übernehmen',
  workload: (n) => `Arbeitslast ${n}`,
  workloadName: 'Name',
  searchService: 'Dienste durchsuchen',
  service: 'Dienst',
  keyMode: 'Schlüssel',
  addWorkload: 'Arbeitslast hinzufügen',
  removeWorkload: (name) => `${name} entfernen`,
  fields: {
    requestsPerUserPerDay: 'Anfragen pro Nutzer und Tag',
    requestsLow: 'Niedrig',
    requestsHigh: 'Hoch',
    inputTokens: 'Eingabe-Tokens pro Anfrage',
    outputTokens: 'Ausgabe-Tokens pro Anfrage',
    imagesPerRequest: 'Eingabebilder pro Anfrage',
    imageWidth: 'Bildbreite',
    imageHeight: 'Bildhöhe',
    toolCalls: 'Tool-Aufrufe pro Anfrage',
    audioSeconds: 'Audio pro Anfrage',
    characters: 'Zeichen pro Anfrage',
    knowledgeBaseTokens: 'Größe der Wissensdatenbank',
    outputCap: 'Obergrenze der Ausgabe pro Anfrage',
  },
  units: { inputTokens: 'Tokens', outputTokens: 'Tokens', outputCap: 'Tokens', imageWidth: 'px', imageHeight: 'px', audioSeconds: 's', characters: 'Zeichen', knowledgeBaseTokens: 'Tokens', balance: 'Credits', days: 'Tage' },
  range: 'Spanne (optional)',
  levers: 'Hebel',
  cacheHitRate: 'Cache-Trefferquote (eine gecachte Antwort kostet nichts)',
  compression: 'Prompt-Kompression (entfernte Eingabe-Tokens)',
  routeShare: 'Anteil an einen günstigeren Dienst',
  routeTo: 'Weiterleiten an',
  batchShare: 'Anfragen per Batch (Antwort binnen 24 h)',
  batchUnavailable: (service) => `${service} bietet in diesem Schlüsselmodus keinen Batch-Tarif; jede Anfrage wird zum Standardpreis berechnet.`,
  cacheReadShare: 'Prompt aus dem Cache gelesen',
  cacheWriteShare: 'Prompt in den Cache geschrieben (5 Min.)',
  cacheWrite1hShare: 'Prompt in den Cache geschrieben (1 Std.)',
  cacheWritesAtInput: 'Cache-Schreibvorgänge zum Eingabepreis',
  presetWorkloads: {
    answers: 'Antworten',
    moderation: 'Moderation',
    embedding: 'Einbettung der Frage',
    reranking: 'Reranking',
    knowledgeBase: 'Wissensdatenbank',
    speechRecognition: 'Spracherkennung',
    speechOutput: 'Sprachausgabe',
    longChats: '30 längere Chats (~8.000 Tokens; GPT-4o statt Claude Opus 4.7)',
    images: '5 Bilder mit GPT Image 1',
    wizards: '2 Workflow-Assistenten',
  },
  none: 'Keiner',
  prompt: 'Typischen Prompt einfügen',
  promptHint: 'Wird im Browser gezählt; nichts wird gesendet.',
  promptCount: (tokens, exact, method) => (exact ? `${tokens} Tokens (exakt, ${method})` : `≈ ${tokens} Tokens (Schätzung)`),
  promptCounting: 'Wird gezählt…',
  promptUnavailable: 'Tokenzählung ist nicht verfügbar.',
  promptUse: (tokens) => `${tokens} als Eingabe-Tokens übernehmen`,
  promptUsed: 'als Eingabe-Tokens pro Anfrage übernommen',
  errors: {
    empty: () => 'Bitte eine Zahl eingeben.',
    negative: () => 'Darf nicht negativ sein.',
    'not-a-number': () => 'Bitte eine Zahl eingeben, etwa 1.500.',
    'too-large': (limit) => `Höchstens ${limit}.`,
    'too-small': (limit) => `Mindestens ${limit}.`,
    'not-whole': () => 'Bitte eine ganze Zahl eingeben.',
  },
  keepingLast: 'Bitte das markierte Feld korrigieren; das letzte gültige Ergebnis bleibt stehen.',
  results: 'Geschätzte monatliche Kosten',
  perMonth: 'pro Monat',
  band: (low, high) => `Spanne: ${low} bis ${high}`,
  perUser: 'Pro Nutzer',
  perDay: 'Pro Nutzungstag',
  byBillingType: 'Nach Abrechnungsart',
  byWorkload: 'Nach Arbeitslast',
  chartTitle: (what) => `Credits pro Monat ${what.toLowerCase()}`,
  tableCaption: 'Monatliche Credits nach Arbeitslast und Abrechnungsart',
  item: 'Posten',
  creditsColumn: 'Credits',
  share: 'Anteil',
  total: 'Gesamt',
  noWorkloads: 'Fügen Sie eine Arbeitslast hinzu oder beginnen Sie mit einer Vorlage.',
  recommendations: 'Empfehlungen',
  packages: 'Credit-Pakete',
  packagePlan: (items, price, discount) => `Kaufen Sie ${items} für ${price}${discount ? ` (${discount} unter Nennwert)` : ''}.`,
  packageSurplus: (credits) => `${credits} bleiben nach dem Monat übrig.`,
  noPackages: 'Dieser Katalog verkauft keine Credit-Pakete.',
  customPackage: (credits) => `Ab ${credits} gibt es ein individuelles Paket mit eigenem Rabatt.`,
  keyModes: 'Plattform-Schlüssel oder eigener Schlüssel',
  notOfferedIn: (count) => `für ${count} Arbeitslast${count === 1 ? '' : 'en'} nicht angeboten`,
  ownKeyNote: 'Mit eigenem Schlüssel rechnet der Anbieter die Nutzung selbst ab; diese Credits sind die Plattformgebühr.',
  alternatives: (workload) => `Günstigere Dienste für ${workload}`,
  saves: (credits, percent) => `spart ${credits} (${percent})`,
  free: 'kostenlos',
  alternativeWhy: (kind, window, tokens) =>
    tokens === null
      ? `Ebenfalls ${kind}, gleich abgerechnet.`
      : window === null
        ? `Ebenfalls ${kind}; ohne veröffentlichtes Kontextfenster: prüfen Sie, ob Anfragen mit ${tokens} Tokens passen.`
        : `Ebenfalls ${kind}; sein Kontextfenster von ${window} fasst eine Anfrage mit ${tokens} Tokens.`,
  alternativesNote: 'Ein günstigeres Modell antwortet womöglich anders: Probieren Sie es mit Ihren eigenen Prompts aus, bevor Sie wechseln.',
  useService: (name) => `${name} verwenden`,
  noAlternatives: 'Kein anderer Dienst dieser Art passt.',
  balance: 'Aktuelles Guthaben',
  runway: (balance, date) => `Bei diesem Verbrauch reicht ein Guthaben von ${balance} bis ${date}.`,
  runwayNone: (balance) => `Bei diesem Verbrauch reicht ein Guthaben von ${balance} keinen Tag.`,
  runwayForever: 'Dieses Szenario kostet nichts; das Guthaben reicht.',
  share_: 'Teilen und exportieren',
  copyLink: 'Link zum Teilen kopieren',
  copied: 'Link kopiert.',
  shareLink: 'Link zum Teilen',
  exportJson: 'JSON exportieren',
  importJson: 'JSON importieren',
  exportCsv: 'CSV exportieren',
  dropped: 'Einige Teile des Szenarios konnten nicht geladen werden:',
  importFailed: 'Das Szenario konnte nicht geladen werden:',
  announcement: (credits, money) => `Geschätzte monatliche Kosten: ${credits}, ${money}.`,
  serviceFromTable: (name) => `${name} aus der Preisliste übernommen.`,
  handover: (service, keyMode, origin) => `Geplant mit ${service}${keyMode ? ` · ${keyMode}` : ''}${origin === 'price-list' ? ', ausgewählt in der Preisliste' : ''}.`,
  handoverUnknown: (asked) => `„${asked}“ steht nicht in dieser Preisliste; stattdessen ist ein typischer Monat zu sehen.`,
  handoverKeyRefused: (asked, used) => `Mit ${asked} nicht angeboten; berechnet mit ${used}.`,
  requestsPerDay: (count) => `${count} Anfragen/Tag`,
  storedTokens: (count) => `${count} Tokens gespeichert`,
  removed: (name) => `„${name}“ entfernt.`,
  undo: 'Rückgängig',
  perMonthShort: 'Pro Monat',
  showBreakdown: 'Aufschlüsselung',
  promptFile: 'Ein Prompt aus einer Textdatei',
  promptFileTooLarge: (limit) => `Die Datei ist größer als ${limit}; bitte einen Teil davon einfügen.`,
  compareStart: 'Mit einer Variante vergleichen',
  compareStop: 'Vergleich beenden',
  editing: 'Bearbeitetes Szenario',
  sideA: 'A: Ist-Stand',
  sideB: 'B: Variante',
  difference: 'Differenz',
  compareCaption: 'Credits pro Monat in A und B und die Differenz',
  compareSummary: (difference, percent, sign) =>
    sign < 0 ? `B spart ${difference} pro Monat${percent ? ` (${percent})` : ''}.` : sign > 0 ? `B kostet ${difference} mehr pro Monat${percent ? ` (+${percent})` : ''}.` : 'A und B kosten gleich viel.',
  loading: 'Preise werden geladen…',
};

export const calculatorStrings = defineStrings<CalculatorStrings>({ en, de });
