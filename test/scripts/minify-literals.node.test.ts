// The build's lit template minifier (scripts/minify-literals.mjs): what it removes, what it must
// never touch, and, in Chromium, that every css/html/svg template of src/ parses to the same
// style rules and the same DOM (whitespace in text collapsed, as the browser renders it) before
// and after.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright';
import ts from 'typescript';
import { literalsTransformer, minifyCss, minifyHtml, minifyLiterals, templatesOf } from '../../scripts/minify-literals.mjs';
// @ts-expect-error a plain .mjs helper without types
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';

const HOLE = 'h0le';

describe('minifyCss', () => {
  it('drops comments and needless whitespace, keeps quoted text, calc() operators and descendant pseudo-classes', () => {
    const css = `
      /* a comment */
      :host {
        display: block;
        content: ' ·  x ';
        width: calc(100% - 2 * var(--_space));
      }
      .a :hover, .b > .c { color: red; }
    `;
    assert.equal(minifyCss(css), ":host{display:block;content:' ·  x ';width:calc(100% - 2 * var(--_space))}.a :hover,.b > .c{color:red}");
  });
});

describe('minifyHtml', () => {
  it('makes each whitespace run with a line break one space, and nothing else', () => {
    assert.equal(minifyHtml('<div>\n    <b>a</b>  <i>b</i>\n  </div>'), '<div> <b>a</b>  <i>b</i> </div>');
  });
  it('leaves <pre> and a <textarea> with content as they are', () => {
    for (const text of ['<pre>\n  x\n</pre>', '<textarea>\n  x\n</textarea>']) assert.equal(minifyHtml(text), text);
  });
});

describe('minifyLiterals', () => {
  it('minifies css`…` and html`…` around their holes, nested templates too, and nothing else', () => {
    const code = [
      'const s = css`\n  :host {\n    ${unsafeCSS(x)}\n    color: red;\n  }\n`;',
      'const t = html`<div>\n  ${a ? html`<b>\n  x</b>` : nothing}\n</div>`;',
      'const plain = `<div>\n  keep\n</div>`;',
      'const other = sql`select\n  1`;',
      "const str = 'css`\\n  not a template`';",
    ].join('\n');
    assert.equal(
      minifyLiterals(code),
      [
        'const s = css`:host{${unsafeCSS(x)} color:red}`;',
        'const t = html`<div> ${a ? html`<b> x</b>` : nothing} </div>`;',
        'const plain = `<div>\n  keep\n</div>`;',
        'const other = sql`select\n  1`;',
        "const str = 'css`\\n  not a template`';",
      ].join('\n'),
    );
  });
  it('leaves a template with an escape in it as it is', () => {
    const code = "const s = css`\n  :host::before { content: '\\\\2014'; }\n`;";
    assert.equal(minifyLiterals(code), code);
  });
  it('as a tsc emit transformer writes the same templates', () => {
    const code = 'import { html } from "lit";\nexport const t = (a: string) => html`<p>\n  ${a}\n</p>`;\n';
    const out = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, transformers: { before: [literalsTransformer] } }).outputText;
    assert.match(out, /html `<p> \$\{a\} <\/p>`/);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('every lit template of src/ means the same minified (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage();
  });
  after(async () => browser?.close());

  const templates = walk('src').flatMap((file) =>
    templatesOf(readFileSync(file, 'utf8'), file)
      .filter((t) => t.minified)
      .map((t) => ({ file, tag: t.tag, before: t.texts.join(HOLE), after: t.minified!.join(HOLE) })),
  );

  it('finds the templates (css, html and svg) and minifies them', () => {
    const tags = new Set(templates.map((t) => t.tag));
    assert.deepEqual([...tags].sort(), ['css', 'html', 'svg']);
    assert.ok(templates.length > 100, `${templates.length} templates`);
    const saved = templates.reduce((n, t) => n + t.before.length - t.after.length, 0);
    assert.ok(saved > 10_000, `${saved} characters saved`);
  });

  // Run in the page as plain text: tsx's helpers (__name) do not exist there. The browser keeps a
  // var() fallback's or a custom property's tokens as written, so a space after a comma or colon
  // (which no CSS grammar reads) is not a difference.
  const RULES = `(list) => list.filter((t) => {
    const rules = (text) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text); return [...sheet.cssRules].map((r) => r.cssText).join('\\n').replace(/([,:]) +/g, '$1'); };
    return rules(t.before) !== rules(t.after);
  }).map((t) => t.file)`;
  const TREE = `(list) => list.filter((t) => {
    const tree = (text, svg) => {
      const template = document.createElement('template');
      template.innerHTML = svg ? '<svg>' + text + '</svg>' : text;
      const out = [];
      const visit = (node, depth) => {
        if (node.nodeType === Node.TEXT_NODE) out.push(depth + ' #text ' + JSON.stringify(node.textContent.replace(/\\s+/g, ' ')));
        else if (node instanceof Element) out.push(depth + ' <' + node.tagName + ' ' + [...node.attributes].map((a) => a.name + '=' + JSON.stringify(a.value.replace(/\\s+/g, ' '))).join(' ') + '>');
        else out.push(depth + ' ' + node.nodeName);
        for (const child of node instanceof HTMLTemplateElement ? node.content.childNodes : node.childNodes) visit(child, depth + 1);
      };
      visit(template.content, 0);
      return out.join('\\n');
    };
    return tree(t.before, t.tag === 'svg') !== tree(t.after, t.tag === 'svg');
  }).map((t) => t.file + ': ' + t.before.slice(0, 60))`;

  it('css: the same style rules', async () => {
    const sheets = templates.filter((t) => t.tag === 'css');
    assert.deepEqual(await page.evaluate(`(${RULES})(${JSON.stringify(sheets)})`), []);
  });

  it('html and svg: the same DOM, once whitespace in text and attributes is collapsed as the browser renders it', async () => {
    const markup = templates.filter((t) => t.tag !== 'css');
    assert.deepEqual(await page.evaluate(`(${TREE})(${JSON.stringify(markup)})`), []);
  });
});
