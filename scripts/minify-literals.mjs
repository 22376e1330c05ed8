// Minifies the text of lit's tagged template literals (css`…`, html`…`, svg`…`) in a module's
// source, for the bundles we ship: a JS minifier leaves template text as it is, so every
// indentation, comment and `color: red` space of our CSS and HTML would reach the browser.
// Conservative on purpose, so that nothing renders differently:
//   css:  comments out; whitespace runs become one space, and none is kept next to { } ; , or
//         after a colon; text inside quotes is left as it is.
//   html/svg: a whitespace run that holds a line break becomes one space (the browser collapses it
//         to one anyway); nothing else changes. A template with <pre> or a <textarea> with content
//         is left as it is.
// A template part with a backslash (an escape) is left as it is, so the cooked and raw text stay
// equal; `${…}` expressions are never touched (nested templates are minified on their own).
// The TypeScript parser finds the templates, so strings and comments in code are never mistaken
// for one. Used by the build: dist/ through tsc (scripts/compile.mjs), dist/creditkit.js through Vite.
import ts from 'typescript';

const HOLE = '\u0001';
const TAGS = new Set(['css', 'html', 'svg']);

/** CSS text without comments and needless whitespace; quoted strings kept as written. */
export function minifyCss(text) {
  // Split out quoted strings (odd indices) so their content is never changed.
  const pieces = text.split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  return pieces
    .map((piece, i) => {
      if (i % 2) return piece;
      return piece
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}');
    })
    .join('')
    .trim();
}

/** HTML text with each whitespace run that holds a line break made one space. */
export function minifyHtml(text) {
  if (/<pre\b/i.test(text) || /<textarea\b[^>]*>[^<]/i.test(text)) return text;
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * The minified text of one lit template's parts (the text between its `${…}` holes), or undefined
 * when it is left as it is (an escape in it, or the minifiers would change the number of holes).
 * @param {string} tag css, html or svg
 * @param {string[]} texts
 */
export function minifyParts(tag, texts) {
  // A hole is a word to the minifiers: whitespace next to it is kept (as one space).
  if (texts.some((t) => t.includes('\\') || t.includes(HOLE) || t.includes('\r'))) return undefined;
  const joined = texts.join(HOLE);
  const out = (tag === 'css' ? minifyCss(joined) : minifyHtml(joined)).split(HOLE);
  return out.length === texts.length ? out : undefined;
}

const isLitTemplate = (node) => ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text) && !node.typeArguments;

/** [start, end) offsets of the text between the holes of one template literal. */
function partsOf(template, source) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart(source) + 1, template.end - 1]];
  const parts = [[template.head.getStart(source) + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    parts.push([literal.getStart(source) + 1, literal.end - (ts.isTemplateTail(literal) ? 1 : 2)]);
  }
  return parts;
}

/**
 * Every lit template of a module: its tag, the text of its parts as written, and as minified
 * (undefined where it is left as it is).
 * @returns {{ tag: string, parts: [number, number][], texts: string[], minified: string[] | undefined }[]}
 */
export function templatesOf(code, fileName = 'module.ts') {
  if (!/\b(css|html|svg)`/.test(code)) return [];
  const kind = /\.[cm]?tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if (isLitTemplate(node)) {
      const parts = partsOf(node.template, source);
      const texts = parts.map(([start, end]) => code.slice(start, end));
      found.push({ tag: node.tag.text, parts, texts, minified: minifyParts(node.tag.text, texts) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every text edit that minifies the lit templates of a module, in source order. */
function literalEdits(code, fileName) {
  const edits = templatesOf(code, fileName).flatMap(({ parts, texts, minified }) =>
    (minified ?? []).flatMap((text, i) => (text === texts[i] ? [] : [{ start: parts[i][0], end: parts[i][1], text }])),
  );
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * @param {string} code module source (TypeScript or JavaScript)
 * @param {string} fileName chooses the parser (.ts / .js)
 * @returns {string} the code with its lit templates minified (the same string when there are none)
 */
export function minifyLiterals(code, fileName = 'module.ts') {
  return applyEdits(code, literalEdits(code, fileName)).code;
}

/** The code with the edits made, and a source map from it back to the code (for bundlers). */
function applyEdits(code, edits, fileName = '') {
  if (!edits.length) return { code, map: undefined };
  let out = '';
  let at = 0;
  const lines = [[]];
  let column = 0;
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const position = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - lineStarts[lo]];
  };
  // One mapping where each piece starts and at the start of each line in it; an unchanged piece
  // maps character for character, a replaced one to where the text it replaces began.
  const emit = (text, from, unchanged) => {
    if (!text) return;
    lines[lines.length - 1].push([column, ...position(from)]);
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '\n') column++;
      else {
        lines.push([]);
        column = 0;
        if (i + 1 < text.length) lines[lines.length - 1].push([0, ...position(unchanged ? from + i + 1 : from)]);
      }
    }
    out += text;
  };
  for (const edit of edits) {
    emit(code.slice(at, edit.start), at, true);
    emit(edit.text, edit.start, false);
    at = edit.end;
  }
  emit(code.slice(at), at, true);
  return { code: out, map: { version: 3, sources: [fileName], sourcesContent: [code], names: [], mappings: encodeMappings(lines) } };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    s += BASE64[digit];
  } while (v);
  return s;
}
/** Source map v3 mappings of segments [generated column, source line, source column] per line (one source). */
function encodeMappings(lines) {
  let sourceLine = 0;
  let sourceColumn = 0;
  return lines
    .map((segments) => {
      let generated = 0;
      return segments
        .map(([col, line, srcCol]) => {
          const s = vlq(col - generated) + 'A' + vlq(line - sourceLine) + vlq(srcCol - sourceColumn);
          generated = col;
          sourceLine = line;
          sourceColumn = srcCol;
          return s;
        })
        .join(',');
    })
    .join(';');
}

/**
 * A TypeScript emit transformer (`program.emit(…, { before: [literalsTransformer] })`): tsc keeps
 * the source maps right.
 * @param {import('typescript').TransformationContext} context
 */
export function literalsTransformer(context) {
  const f = context.factory;
  const visit = (node) => {
    const visited = ts.visitEachChild(node, visit, context);
    if (!isLitTemplate(visited)) return visited;
    const t = visited.template;
    const raw = (literal) => literal.rawText ?? literal.text;
    const texts = ts.isNoSubstitutionTemplateLiteral(t) ? [raw(t)] : [raw(t.head), ...t.templateSpans.map((s) => raw(s.literal))];
    const out = minifyParts(visited.tag.text, texts);
    if (!out || out.every((text, i) => text === texts[i])) return visited;
    const template = ts.isNoSubstitutionTemplateLiteral(t)
      ? f.createNoSubstitutionTemplateLiteral(out[0], out[0])
      : f.createTemplateExpression(
          f.createTemplateHead(out[0], out[0]),
          t.templateSpans.map((span, i) => {
            const text = out[i + 1];
            return f.createTemplateSpan(span.expression, ts.isTemplateTail(span.literal) ? f.createTemplateTail(text, text) : f.createTemplateMiddle(text, text));
          }),
        );
    return ts.setTextRange(f.updateTaggedTemplateExpression(visited, visited.tag, visited.typeArguments, template), visited);
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}

const OWN_SOURCE = /[\\/]src[\\/].*\.ts$/;

/** A Vite plugin that minifies the lit templates of the project's own modules (src/). */
export function minifyLiteralsVite() {
  return {
    name: 'creditkit-minify-literals',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!OWN_SOURCE.test(file)) return null;
      const { code: out, map } = applyEdits(code, literalEdits(code, file), file);
      return map ? { code: out, map } : null;
    },
  };
}
