// The demo's pages, written from one template per page (demo/pages/<name>.html) in each of its
// languages, so the English and German pages cannot drift apart: demo/<name>.html in English,
// demo/<name>-de.html in German. Vite's config runs this before it lists the pages.
//
// A template is the page's <main>, after a first-line comment with its settings as JSON:
//   <!-- {"title": "{{Account|Konto}}", "page": "account", "script": "account.ts", "css": ["account.css"], "languages": ["en", "de"]} -->
// Text that differs by language is written {{English|Deutsch}}, in the order of "languages".
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SETTINGS = /^<!--\s*(\{.*\})\s*-->\n/;
// {{a|b}}: the alternatives may hold single braces ({credits} in a URL template), not double ones.
const TEXT = /\{\{((?:[^{}]|\{[^{}]*\})*)\}\}/g;

/** The template's text in one language: each {{…|…}} replaced by that language's alternative. */
export function inLanguage(template, index, count, where) {
  return template.replace(TEXT, (_, inner, offset) => {
    const alternatives = inner.split('|');
    if (alternatives.length !== count) {
      const line = template.slice(0, offset).split('\n').length;
      throw new Error(`${where}:${line}: {{${inner}}} has ${alternatives.length} alternatives, the page has ${count} languages`);
    }
    return alternatives[index];
  });
}

/** One page in one language, in the site's shell (head, header, footer, its script). */
function page(settings, main, lang) {
  const css = ['site.css', ...(settings.css ?? [])].map((file) => `    <link rel="stylesheet" href="./${file}" />\n`).join('');
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <title>${settings.title} — Kestrel</title>
${css}  </head>
  <body data-page="${settings.page}">
    <header id="site-header"></header>
${main}    <footer id="site-footer"></footer>
    <script type="module" src="./${settings.script}"></script>
  </body>
</html>
`;
}

/** Writes every page of demo/pages into demo/, in each of its languages; returns the file names written. */
export function writeDemoPages(demoDir) {
  const written = [];
  for (const file of readdirSync(join(demoDir, 'pages')).filter((f) => f.endsWith('.html'))) {
    const where = `demo/pages/${file}`;
    const source = readFileSync(join(demoDir, 'pages', file), 'utf8');
    const match = SETTINGS.exec(source);
    if (!match) throw new Error(`${where}: the first line must be a comment with the page's settings as JSON`);
    const languages = JSON.parse(match[1]).languages ?? ['en'];
    languages.forEach((lang, index) => {
      const text = inLanguage(source, index, languages.length, where);
      const settings = JSON.parse(SETTINGS.exec(text)[1]);
      const name = file.replace(/\.html$/, lang === 'en' ? '' : `-${lang}`) + '.html';
      writeFileSync(join(demoDir, name), page(settings, text.slice(SETTINGS.exec(text)[0].length), lang));
      written.push(name);
    });
  }
  return written;
}
