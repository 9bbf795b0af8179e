// Real-browser tests of `guidepost serve`: live reload and the problems overlay in headless
// Chromium. The server runs on a free port against a temp copy of tests/fixtures/minimal.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { after, before, describe, test } from "node:test";
import { GUIDEPOST_BIN, REPO_ROOT, launchBrowser, openPage, waitFor } from "./harness.mjs";

const SHOTS_DIR = "/tmp/browser-shots";

let tmp, root, server, browser, context, base, stderr = "";

/** Start `guidepost serve --port 0` and resolve with its URL. */
function startServer(siteRoot) {
  const child = spawn(GUIDEPOST_BIN, ["serve", "--root", siteRoot, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), 60000);
    child.once("exit", (code) => reject(new Error(`serve exited (${code}):\n${stderr}`)));
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      const m = line.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
  });
}

/** Replace the first `from` in a file of the site. */
function edit(rel, from, to) {
  const file = path.join(root, rel);
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes(from), `${rel} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "guidepost-serve-browser-"));
  root = path.join(tmp, "site");
  cpSync(path.join(REPO_ROOT, "tests/fixtures/minimal"), root, { recursive: true });
  server = await startServer(root);
  base = server.url;
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  if (server) {
    const exited = new Promise((r) => server.child.once("exit", r));
    server.child.kill("SIGINT");
    await exited;
  }
  rmSync(tmp, { recursive: true, force: true });
});

const overlay = (page) => page.locator("#guidepost-overlay");

describe("guidepost serve in a browser", () => {
  test("an edit reloads the open page", async () => {
    const { page, rec } = await openPage(context, "guide/b/", { base });
    try {
      await page.waitForFunction(() => document.querySelector("script[data-build]"));
      const before = await page.locator("main").textContent();
      assert.ok(before.includes("返回"), before);
      // Let the page's live-reload stream connect before the edit.
      await page.waitForTimeout(300);
      const reloaded = page.waitForEvent("load", { timeout: 15000 });
      edit("content/guide/b.md", "返回", "改完返回");
      await reloaded;
      const text = await waitFor(async () => {
        const t = await page.locator("main").textContent();
        return t.includes("改完返回") && t;
      }, { timeout: 15000 });
      assert.ok(text, "the page shows the edit after the reload");
      assert.deepEqual(rec.external, []);
      assert.deepEqual(rec.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test("a broken YAML edit shows the overlay with the line; fixing it clears it", async () => {
    const { page } = await openPage(context, "demo/faq/", { base });
    try {
      const title = await page.locator("h1").first().textContent();
      const faq = await page.locator("main").textContent();
      assert.ok(faq.includes("审核要多久？"), faq);
      await page.waitForTimeout(300);
      edit("guides/demo/faq.yaml", "    tags: [审核]", "    tagz: [审核]");
      await overlay(page).waitFor({ state: "visible", timeout: 15000 });
      const shown = await overlay(page).textContent();
      assert.match(shown, /guides\/demo\/faq\.yaml:6:5/);
      assert.match(shown, /tagz/);
      mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS_DIR, "serve-overlay.png") });
      // The previous page stays: same heading, same answers, under the overlay.
      assert.equal(await page.locator("h1").first().textContent(), title);
      assert.ok((await page.locator("main").textContent()).includes("审核要多久？"));

      // Another page opened now shows the overlay too.
      const other = await openPage(context, "guide/a/", { base });
      await overlay(other.page).waitFor({ state: "visible", timeout: 15000 });
      assert.match(await overlay(other.page).textContent(), /faq\.yaml:6:5/);

      const reloaded = page.waitForEvent("load", { timeout: 15000 });
      edit("guides/demo/faq.yaml", "    tagz: [审核]", "    tags: [审核]");
      await reloaded;
      await overlay(page).waitFor({ state: "detached", timeout: 15000 });
      await overlay(other.page).waitFor({ state: "detached", timeout: 15000 });
      assert.equal(await overlay(page).count(), 0);
      assert.ok((await page.locator("main").textContent()).includes("审核要多久？"));
      await other.page.close();
    } finally {
      await page.close();
    }
  });
  test("a template edit reloads the open page with it; a page opened later has it too", async () => {
    const { page, rec } = await openPage(context, "guide/a/", { base });
    const template = path.join(root, "templates/page.html");
    try {
      await page.waitForFunction(() => document.querySelector("script[data-build]"));
      await page.waitForTimeout(300);
      const theme = readFileSync(path.join(REPO_ROOT, "themes/default/templates/page.html"), "utf8");
      const marked = theme.replace("</article>", '<p id="tpl-mark">模板已修改</p></article>');
      assert.notEqual(marked, theme);
      const reloaded = page.waitForEvent("load", { timeout: 15000 });
      mkdirSync(path.dirname(template), { recursive: true });
      writeFileSync(template, marked);
      await reloaded;
      await page.locator("#tpl-mark").waitFor({ timeout: 15000 });
      assert.equal(await page.locator("#tpl-mark").textContent(), "模板已修改");
      const other = await openPage(context, "guide/b/", { base });
      assert.equal(await other.page.locator("#tpl-mark").textContent(), "模板已修改");
      await other.page.close();
      assert.deepEqual(rec.pageErrors, []);
    } finally {
      const back = page.waitForEvent("load", { timeout: 15000 }).catch(() => {});
      rmSync(template, { force: true });
      await back;
      await page.close();
    }
  });
});
