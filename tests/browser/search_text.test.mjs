// Real-browser tests: search finds and shows what the pages show. A link written without
// text ([](@id)) reads as its title in a result's snippet, never as a bare "见。", and a
// rule is found by the words of the shared requirement its row names.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openPage, startSite, waitFor } from "./harness.mjs";

let site;
let ctx;

before(async () => {
  site = await startSite();
  ctx = await site.browser.newContext({ viewport: { width: 375, height: 667 } });
});

after(async () => {
  await ctx?.close().catch(() => {});
  await site?.close();
});

/** Type `q` into the header box; the shown results as { href, title, snippet }. */
async function results(page, q) {
  await page.locator(".site-search input[name=q]").fill(q);
  const panel = page.locator(".search-panel");
  await waitFor(async () => (await panel.getAttribute("data-query")) === q, { timeout: 5000 });
  assert.equal(await panel.getAttribute("data-query"), q, `no results shown for ${q}`);
  return panel.locator("[role=option]").evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector("a").href,
      title: li.querySelector(".search-title")?.textContent ?? "",
      snippet: li.querySelector(".search-snippet")?.textContent ?? "",
    })),
  );
}

describe("search shows what the page shows", () => {
  test("an empty link's title is in the snippet and finds the result", async () => {
    const { page, rec } = await openPage(ctx, site.url("xhs-partner/faq/"));
    // approval.yaml, step submit-basic-info: 具体操作见[](@xp-partner-onboarding/submit-basic-info)。
    const shown = await results(page, "七个阶段 提交基本信息申请表");
    const step = shown.find((r) => r.href.endsWith("xhs-partner/xp-approval/#submit-basic-info"));
    assert.ok(step, shown.map((r) => r.href).join("\n"));
    assert.match(step.snippet, /见合作伙伴平台入驻操作（效果代理商七个阶段）：提交基本信息申请表/);
    for (const q of ["具体操作", "完整顺序", "决策树"]) {
      for (const r of await results(page, q)) {
        assert.doesNotMatch(r.snippet, /见[。）]|用决策树/, `${q}: ${r.href} shows ${r.snippet}`);
      }
    }
    assert.deepEqual(rec.pageErrors, []);
  });

  test("a shared requirement's words find the categories that name it", async () => {
    const { page, rec } = await openPage(ctx, site.url("channels-shop/rules/"));
    // Written once under shared: (wx-req-restricted); 钟表类 has only notes besides it.
    const shown = await results(page, "每个类目单独申请");
    const watches = shown.find((r) => r.href.endsWith("channels-shop/rules/#wx-rule-watches"));
    assert.ok(watches, shown.map((r) => `${r.title} ${r.href}`).join("\n"));
    assert.equal(watches.title, "钟表类");
    assert.match(watches.snippet, /单独申请/);
    assert.deepEqual(rec.pageErrors, []);
  });
});
