// Checklists as a merchant uses them: tick on screen, come back later, print on A4.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { GUIDEPOST_BIN, REPO_ROOT, launchBrowser, openPage, serve, startSite } from "./harness.mjs";

const CHECKLIST = "xhs-partner/xp-partner-onboarding/checklist/";

let site;
let context;

before(async () => {
  site = await startSite();
  context = await site.browser.newContext({ viewport: { width: 1000, height: 900 } });
});

after(async () => {
  await context?.close().catch(() => {});
  await site?.close();
});

const names = (page, selector) => page.locator(selector).allTextContents();
const ticked = (page) => names(page, "li.check-item:has(input:checked) .check-name");

describe("bundled checklist", () => {
  test("ticks persist across reloads, with a progress count and a reset", async () => {
    const { page } = await openPage(context, site.url(CHECKLIST));
    const total = await page.locator("li.check-item").count();
    assert.ok(total >= 9, `the onboarding checklist has its materials (${total})`);
    assert.equal(await page.locator(".progress").textContent(), `已准备 0 / ${total}`);
    await page.locator("li.check-item", { hasText: "营业执照最新核准副本" }).locator("input").check();
    await page.locator("li.check-item", { hasText: "单方保密协议" }).locator("input").check();
    assert.equal(await page.locator(".progress").textContent(), `已准备 2 / ${total}`);
    await page.reload();
    assert.deepEqual(await ticked(page), ["营业执照最新核准副本", "单方保密协议"]);
    assert.equal(await page.locator(".progress").textContent(), `已准备 2 / ${total}`);
    // Another checklist keeps its own ticks.
    const other = await openPage(context, site.url("xhs-partner/checklists/xp-checklist-deposit/"));
    assert.deepEqual(await ticked(other.page), []);
    await other.page.close();
    await page.locator(".reset-button").click();
    assert.deepEqual(await ticked(page), []);
    await page.reload();
    assert.deepEqual(await ticked(page), []);
    await page.close();
  });

  test("prints on A4 with the items, ticks shown, no navigation", async () => {
    const { page } = await openPage(context, site.url(CHECKLIST));
    await page.locator("li.check-item", { hasText: "反商业贿赂承诺书" }).locator("input").check();
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    await page.locator(".reset-button").click();
    await page.close();
    const dir = mkdtempSync(path.join(os.tmpdir(), "guidepost-pdf-"));
    try {
      const file = path.join(dir, "checklist.pdf");
      writeFileSync(file, pdf);
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, info);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      for (const item of ["营业执照最新核准副本", "反商业贿赂承诺书", "单方保密协议", "保证金流水凭证"]) {
        assert.ok(text.includes(item), `the PDF lists ${item}`);
      }
      assert.match(text, /☑\s*反商业贿赂承诺书/, "the ticked item prints ticked");
      assert.match(text, /☐\s*营业执照最新核准副本/, "unticked items print as empty boxes");
      for (const chrome of ["跳到正文", "首页", "清除勾选", "打印", "微信视频号小店"]) {
        assert.ok(!text.includes(chrome), `no navigation chrome in print: ${chrome}`);
      }
      assert.match(text, /https:\/\/\S+\/xhs-partner\/xp-partner-onboarding\/checklist\//, "the page URL is in the footer");
      assert.match(text, /依据官方指南《效果代理商入驻合作伙伴平台操作指南》/, "the source is in the footer");
      assert.ok(!text.includes("核实于"), "no verification date that nobody set");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("works with JavaScript off as a plain list", async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const { page } = await openPage(noJs, site.url(CHECKLIST));
    assert.ok((await page.locator("li.check-item input[type=checkbox]").count()) >= 9);
    assert.equal(await page.locator(".checklist-tools").isVisible(), false, "JS-only tools are hidden");
    await noJs.close();
  });
});

describe("editing a checklist's source", () => {
  test("removing an item keeps the remaining ticks on the right items", async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "guidepost-edit-"));
    const root = path.join(tmp, "site");
    const out = path.join(tmp, "out");
    cpSync(path.join(REPO_ROOT, "tests/fixtures/minimal"), root, { recursive: true });
    const materials = path.join(root, "guides/demo/materials.yaml");
    writeFileSync(materials, readFileSync(materials, "utf8") + "  - id: demo-photo\n    name: 门店照片\n");
    const flow = path.join(root, "guides/demo/flows/apply.yaml");
    const setMaterials = (list) =>
      writeFileSync(flow, readFileSync(flow, "utf8").replace(/materials: \[[^\]]*\]/, `materials: [${list}]`));
    const build = () => execFileSync(GUIDEPOST_BIN, ["build", "--root", root, "--output", out]);
    setMaterials("demo-license, demo-pledge, demo-photo");
    build();
    const server = await serve(out);
    const browser = await launchBrowser();
    try {
      const ctx = await browser.newContext();
      const { page } = await openPage(ctx, new URL("demo/demo-apply/checklist/", server.url).href);
      assert.deepEqual(await names(page, ".check-name"), ["营业执照副本", "承诺书", "门店照片"]);
      await page.locator("li.check-item", { hasText: "营业执照副本" }).locator("input").check();
      await page.locator("li.check-item", { hasText: "承诺书" }).locator("input").check();

      setMaterials("demo-pledge, demo-photo");
      build();
      await page.reload();
      assert.deepEqual(await names(page, ".check-name"), ["承诺书", "门店照片"]);
      assert.deepEqual(await ticked(page), ["承诺书"], "the tick stays with 承诺书; 门店照片 is not ticked");
      assert.equal(await page.locator(".progress").textContent(), "已准备 1 / 2");

      // Putting the item back does not bring back a tick it lost.
      setMaterials("demo-license, demo-pledge, demo-photo");
      build();
      await page.reload();
      assert.deepEqual(await ticked(page), ["承诺书"]);
      await ctx.close();
    } finally {
      await browser.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
