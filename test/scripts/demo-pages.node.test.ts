// The demo's pages written from one template per page (scripts/demo-pages.mjs): every page in
// each of its languages, nothing of the other language left in it, and a template that gives a
// text in the wrong number of languages named with its line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inLanguage, writeDemoPages } from '../../scripts/demo-pages.mjs';

function withCopyOfPages<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'creditkit-pages-'));
  try {
    cpSync('demo/pages', join(dir, 'pages'), { recursive: true });
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('demo pages from templates', () => {
  it('writes every template in each of its languages, German ones as <name>-de.html with lang="de"', () => {
    withCopyOfPages((dir) => {
      const written = writeDemoPages(dir);
      const templates = readdirSync(join(dir, 'pages')).filter((f) => f.endsWith('.html'));
      for (const template of templates) {
        const settings = JSON.parse(/^<!--\s*(\{.*\})\s*-->/.exec(readFileSync(join(dir, 'pages', template), 'utf8'))![1]!) as { languages?: string[] };
        for (const lang of settings.languages ?? ['en']) {
          const name = template.replace(/\.html$/, lang === 'en' ? '.html' : `-${lang}.html`);
          assert.ok(written.includes(name), `${name} written`);
          const html = readFileSync(join(dir, name), 'utf8');
          assert.match(html, new RegExp(`<html lang="${lang}">`));
          assert.doesNotMatch(html, /\{\{|\}\}/, `${name} has no template marks left`);
        }
      }
      assert.ok(written.includes('account-de.html') && written.includes('marketing-dark.html'));
    });
  });

  it('links a German page to the German pages and keeps URL templates such as {credits}', () => {
    withCopyOfPages((dir) => {
      writeDemoPages(dir);
      const de = readFileSync(join(dir, 'account-de.html'), 'utf8');
      assert.match(de, /top-up-url="\.\/marketing-de\.html\?from=\{credits\}#packages"/);
      assert.match(de, /<title>Konto — Kestrel<\/title>/);
      assert.doesNotMatch(de, /Your credits/);
      assert.match(readFileSync(join(dir, 'account.html'), 'utf8'), /<h1>Your credits<\/h1>/);
    });
  });

  it('names the template and line of a text given in the wrong number of languages', () => {
    assert.throws(() => inLanguage('<p>\n{{Hello}}</p>', 0, 2, 'demo/pages/x.html'), /demo\/pages\/x\.html:2: \{\{Hello\}\} has 1 alternatives, the page has 2 languages/);
    withCopyOfPages((dir) => {
      writeFileSync(join(dir, 'pages', 'broken.html'), '<main>no settings</main>\n');
      assert.throws(() => writeDemoPages(dir), /demo\/pages\/broken\.html: the first line must be a comment/);
    });
  });
});
