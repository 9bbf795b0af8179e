// Hostile content in a real browser: raw HTML and hidden javascript: URLs written into a
// content page and an FAQ answer must not run script in headless Chromium, on load, on focus
// or on a click. The same site with `trusted_html: true` does run it: that proves the dialog
// detector works. A heading with an event-handler attribute never reaches a page at all.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { REPO_ROOT, buildSite, launchBrowser, openPage, serve } from "./harness.mjs";

const ATTACK = `---
title: 攻击
---
## 原文 {#yuan-wen .note}

<img src=x onerror="alert('img')">

<svg><animate onbegin="alert('svg')" attributeName=x dur=1s></animate></svg>

<details open ontoggle="alert('details')"><summary>s</summary>d</details>

<input autofocus onfocus="alert('focus')">

<iframe src="javascript:alert('iframe')"></iframe>

<p><a id="j1" href="javascript:alert('link')">点我一</a>
<a id="j2" href="jav&#x09;ascript:alert('entity')">点我二</a>
<a id="j3" href="&#106;avascript:alert('entity2')">点我三</a></p>

<script>alert('script')</script>

<form action="javascript:alert('form')"><button id="b1">提交</button></form>

<math><mtext><table><mglyph><style><img src=x onerror="alert('mxss')">
`;

const PAGES = ["guide/attack/", "demo/faq/", "demo/faq/demo-faq-deposit/"];
const CLICKS = ["#j1", "#j2", "#j3", "#b1"];

/** A copy of the fixture site with the attacks; `extra` is added to site.yaml. */
function hostileSite(extra = "", attack = ATTACK) {
  const root = mkdtempSync(path.join(os.tmpdir(), "guidepost-hostile-"));
  cpSync(path.join(REPO_ROOT, "tests/fixtures/minimal"), root, { recursive: true });
  writeFileSync(path.join(root, "content/guide/attack.md"), attack);
  const faq = path.join(root, "guides/demo/faq.yaml");
  const text = readFileSync(faq, "utf8").replace(
    "answer: 只能线上缴纳。",
    `answer: "<img src=x onerror=alert(42)>只能<a id=j1 href='javascript:alert(43)'>线上</a>缴纳。"`,
  );
  writeFileSync(faq, text);
  const site = path.join(root, "site.yaml");
  writeFileSync(site, readFileSync(site, "utf8") + extra);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every dialog (alert, confirm, prompt) the pages open on load, focus and clicks. */
async function dialogsOn(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const dialogs = [];
  // On the context, so a dialog opened while the page loads is seen too.
  context.on("dialog", (d) => {
    const at = new URL(d.page()?.url() || baseUrl).pathname.replace(/^\//, "");
    dialogs.push(`${at}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  try {
    for (const p of PAGES) {
      const { page } = await openPage(context, new URL(p, baseUrl).href);
      await page.waitForTimeout(400);
      for (const sel of CLICKS) {
        const el = page.locator(sel);
        if ((await el.count()) > 0) {
          await el.first().click({ timeout: 1000 }).catch(() => {});
          await page.waitForTimeout(150);
        }
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
  return dialogs;
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close().catch(() => {});
});

async function withBuiltSite(extra, fn) {
  const src = hostileSite(extra);
  let built, server;
  try {
    built = await buildSite({ root: src.root });
    server = await serve(built.dir);
    return await fn(server.url, built.dir);
  } finally {
    await server?.close();
    built?.cleanup();
    src.cleanup();
  }
}

describe("hostile content", () => {
  test("raw HTML and hidden javascript: URLs run nothing (cleaned by default)", async () => {
    await withBuiltSite("", async (url, dir) => {
      const dialogs = await dialogsOn(browser, url);
      assert.deepEqual(dialogs, []);
      const html = readFileSync(path.join(dir, "guide/attack/index.html"), "utf8");
      assert.match(html, /<h2 id="yuan-wen" class="note">原文<\/h2>/, "{#id .class} kept");
      assert.doesNotMatch(html, /onerror|onfocus|ontoggle|onbegin|javascript:/i);
    });
  });

  test("the same site with trusted_html: true does run it (the detector works)", async () => {
    await withBuiltSite("trusted_html: true\n", async (url) => {
      const dialogs = await dialogsOn(browser, url);
      assert.ok(dialogs.includes("guide/attack/: img"), dialogs.join("\n"));
      assert.ok(dialogs.includes("demo/faq/demo-faq-deposit/: 42"), dialogs.join("\n"));
    });
  });

  test("a heading with an event handler never reaches a page: the build fails, located", async () => {
    const src = hostileSite("", "---\ntitle: 攻击\n---\n## 标题 {autofocus onfocus=alert(1)}\n");
    try {
      await assert.rejects(
        buildSite({ root: src.root, lang: "zh" }),
        (err) =>
          err.message.includes(
            "错误: content/guide/attack.md:4:7: 标题属性 `autofocus onfocus=alert(1)` 不允许使用",
          ) && err.message.includes("exit 1"),
      );
    } finally {
      src.cleanup();
    }
  });
});
