// Real-browser tests of search on the bundled site: merchant queries typed into the header
// box, keyboard use, escaping, the results page, file://, and what the index costs to load.

import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { openPage, startSite, waitFor } from "./harness.mjs";

// Query → the result a merchant is looking for (a URL path under the site root, with its
// anchor when the result is part of a page). Each must be among the first three results.
const QUERIES = [
  ["保证金怎么交", "kuaishou-service/faq/ks-faq-deposit-how/"],
  ["商标授权书", "xhs-juguang/materials/#jg-tm-authorization"],
  ["法大大认证", "xhs-partner/faq/xp-faq-fadada-where/"],
  ["报备函盖章", "channels-shop/wx-live-filing/#prepare-letter"],
  ["个体户能入驻吗", "kuaishou-service/faq/ks-faq-individual/"],
  ["App ID", "glossary/#wx-term-appid"],
  ["appid", "glossary/#wx-term-appid"],
  ["3-5 个工作日", "kuaishou-service/ks-onboarding/#basic-info-review"],
  ["GMV 10w", "kuaishou-service/faq/ks-faq-peipao-proof/"],
  ["  保证金，，怎么 交？ ", "kuaishou-service/faq/ks-faq-deposit-how/"],
  ["保证金可以线下转账吗", "kuaishou-service/faq/ks-faq-deposit-offline/"],
  ["境外公司可以入驻吗", "kuaishou-service/faq/ks-faq-foreign/"],
  ["聚光 账号 登录", "xhs-juguang/faq/jg-faq-login-account/"],
  ["商标注册证过期", "xhs-juguang/faq/jg-faq-tm-expired/"],
  ["反商业贿赂承诺书模板", "xhs-partner/faq/xp-faq-templates/"],
  ["效果年框合同在哪签", "xhs-partner/faq/xp-faq-sign-contract/"],
  ["哪些材料要录屏", "channels-shop/faq/wx-faq-screen-recording/"],
  ["陪跑运营", "kuaishou-service/rules/#ks-rule-belt-peipao"],
  ["商标在老板个人名下", "xhs-juguang/faq/jg-faq-person-registrant/"],
  ["广告主账户还是代理商账户", "xhs-juguang/jg-account-type/"],
  ["法人认证还是代理人认证", "kuaishou-service/faq/ks-faq-legal-or-agent/"],
  ["审核通过了商家看不到", "kuaishou-service/faq/ks-faq-pending-listing/"],
  ["APP推广", "xhs-juguang/faq/jg-faq-website-app/"],
  ["保证金凭证", "xhs-partner/faq/xp-faq-deposit-voucher/"],
  ["邮箱填错了", "xhs-partner/faq/xp-faq-email-usage/"],
  ["快手号 违规记录", "kuaishou-service/faq/ks-faq-account-kind/"],
  ["视频号橱窗上架", "channels-shop/faq/wx-faq-after-approval-showcase/"],
  ["去缴纳 时间限制?", "kuaishou-service/faq/ks-faq-deposit-60min/"],
  ["合同管理看不到合同", "xhs-partner/faq/xp-faq-contract-missing/"],
  ["线索地推", "glossary/#ks-term-leads"],
  ["多店铺 子账号权限", "multi-store/permissions/#zi-zhang-hao-shi-shen-me"],
  ["【报备函】只交报备函可以吗", "channels-shop/faq/wx-faq-filing-letter-only/"],
];

const PAGE = "xhs-partner/faq/";

let site;
let ctx;

before(async () => {
  site = await startSite();
  ctx = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await ctx?.close().catch(() => {});
  await site?.close();
});

/** Type `q` into the header box (replacing what is there) and return the result links. */
async function typeQuery(page, q, { slow = false } = {}) {
  const input = page.locator(".site-search input[name=q]");
  if (slow) {
    await input.fill("");
    await input.pressSequentially(q, { delay: 10 });
  } else {
    await input.fill(q);
  }
  const panel = page.locator(".search-panel");
  await waitFor(async () => (await panel.getAttribute("data-query")) === q.trim(), {
    timeout: 5000,
  });
  assert.equal(await panel.getAttribute("data-query"), q.trim(), `no results shown for ${q}`);
  return panel.locator("[role=option] a").evaluateAll((as) => as.map((a) => a.href));
}

/** A result link as a site path (`a/b/#c`), whatever the scheme. */
function sitePath(href, base) {
  return href.slice(base.length).replace(/index\.html(?=#|$)/, "");
}

describe("search box", () => {
  test("finds the right answer in the top 3 for merchant queries", async () => {
    const { page, rec } = await openPage(ctx, site.url(PAGE));
    const misses = [];
    for (const [i, [q, want]] of QUERIES.entries()) {
      const hrefs = await typeQuery(page, q, { slow: i % 8 === 0 });
      const top = hrefs.slice(0, 3).map((h) => sitePath(h, site.baseUrl));
      if (!top.includes(want)) misses.push(`${q} → ${want}, got ${top.join(" | ")}`);
    }
    assert.deepEqual(misses, [], "queries whose answer is not in the top 3");
    assert.ok(QUERIES.length >= 25);
    assert.deepEqual(rec.pageErrors, []);
    assert.deepEqual(rec.badResponses, []);
  });

  test("each result shows kind, platform and a highlighted snippet", async () => {
    const { page } = await openPage(ctx, site.url(PAGE));
    await typeQuery(page, "保证金怎么交");
    const first = page.locator(".search-panel [role=option]").first();
    assert.equal(await first.locator(".search-kind").textContent(), "常见问题");
    assert.equal(await first.locator(".search-platform").textContent(), "快手服务市场");
    const marked = await first.locator(".search-title mark").allTextContents();
    assert.ok(marked.join("").includes("保证金"), `highlighted: ${marked}`);
    const kinds = await page.locator(".search-panel .search-kind").allTextContents();
    assert.ok(kinds.includes("步骤"), `kinds shown: ${kinds}`);
    assert.ok((await page.locator(".search-panel .search-snippet mark").count()) > 0);
  });

  test("the index loads only when searching, and only the shards the query needs", async () => {
    const { page, rec } = await openPage(ctx, site.url(PAGE));
    await page.waitForTimeout(300);
    assert.deepEqual(
      rec.requests.filter((u) => u.includes("/search/")),
      [],
      "nothing of the index before the reader searches",
    );
    await typeQuery(page, "法大大认证");
    const index = rec.requests.filter((u) => u.includes("/search/"));
    assert.ok(index.some((u) => /\/search\/meta\.js/.test(u)), index.join("\n"));
    const shards = index.filter((u) => /\/search\/t\/\d+\.js/.test(u));
    const chunks = index.filter((u) => /\/search\/d\/\d+\.js/.test(u));
    // 法大, 大大, 大认, 认证: at most four shards; at most eight chunks for eight results.
    assert.ok(shards.length >= 1 && shards.length <= 4, shards.join("\n"));
    assert.ok(chunks.length >= 1 && chunks.length <= 8, chunks.join("\n"));
  });

  test("keyboard: / focuses, ↑ ↓ choose, Enter opens, Esc closes", async () => {
    const { page } = await openPage(ctx, site.url(PAGE));
    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.keyboard.press("/");
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("name")),
      "q",
      "/ focuses the search box",
    );
    assert.equal(await page.locator(".site-search input").inputValue(), "", "/ is not typed");
    await page.keyboard.type("保证金怎么交");
    await waitFor(async () => (await page.locator(".search-panel").getAttribute("data-query")) === "保证金怎么交");
    const input = page.locator(".site-search input");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    const selected = page.locator(".search-panel [aria-selected=true]");
    assert.equal(await selected.count(), 1);
    assert.equal(await selected.getAttribute("id"), "search-opt-0");
    assert.equal(await input.getAttribute("aria-activedescendant"), "search-opt-0");
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(".search-panel").isHidden(), true, "Esc closes");
    await input.fill("保证金怎么交 ");
    await waitFor(async () => (await page.locator(".search-panel").isVisible()));
    await page.keyboard.press("ArrowDown");
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/kuaishou-service/faq/ks-faq-deposit-how/"),
      page.keyboard.press("Enter"),
    ]);
  });

  test("a query with HTML shows as text", async () => {
    const { page } = await openPage(ctx, site.url(PAGE));
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      d.dismiss();
    });
    const q = "<img src=x onerror=alert(1)>";
    await typeQuery(page, q);
    const panel = page.locator(".search-panel");
    assert.equal(await panel.locator("img").count(), 0);
    const text = await panel.textContent();
    assert.ok(text.includes(q) || (await panel.locator("[role=option]").count()) > 0, text);
    await page.goto(site.url(`search/?q=${encodeURIComponent(q)}`));
    await waitFor(async () => !(await page.locator("#search-status").textContent()).includes("正在"));
    assert.equal(await page.locator("main img").count(), 0);
    assert.ok((await page.locator("#search-status").textContent()).includes(q));
    assert.equal(dialogs, 0, "no script ran");
  });

  test("no result suggests the decision trees and the FAQ lists", async () => {
    const { page } = await openPage(ctx, site.url(PAGE));
    await typeQuery(page, "zzqxj");
    const links = await page.locator(".search-panel .search-empty a").allTextContents();
    assert.ok(links.some((t) => t.startsWith("决策：")), links.join(" | "));
    assert.ok(links.some((t) => t.endsWith("常见问题")), links.join(" | "));
  });
});

describe("results page", () => {
  test("/search/?q=保证金 lists results from the URL", async () => {
    const { page, rec } = await openPage(ctx, site.url(`search/?q=${encodeURIComponent("保证金")}`));
    await waitFor(async () => (await page.locator("#search-results li").count()) > 0, { timeout: 5000 });
    const n = await page.locator("#search-results li").count();
    assert.ok(n >= 5, `${n} results`);
    assert.equal(await page.locator("#search-page-q").inputValue(), "保证金");
    assert.match(await page.locator("#search-status").textContent(), /找到 \d+ 条结果/);
    assert.equal(await page.locator("#search-suggest").isHidden(), true);
    const titles = await page.locator("#search-results .search-title").allTextContents();
    assert.ok(titles.slice(0, 5).every((t) => t.includes("保证金")), titles.join(" | "));
    assert.deepEqual(rec.pageErrors, []);
  });

  test("without JavaScript the header box submits to the results page", async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(site.url(PAGE));
      await page.locator(".site-search input[name=q]").fill("保证金");
      await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press("Enter")]);
      assert.equal(new URL(page.url()).searchParams.get("q"), "保证金");
      assert.equal(await page.locator("h1").textContent(), "搜索");
      assert.ok((await page.locator("#search-suggest a").count()) > 0);
    } finally {
      await noJs.close();
    }
  });
});

describe("file://", () => {
  test("search works when the site is opened from disk", async () => {
    const page = await ctx.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const base = pathToFileURL(site.dir).href + "/";
    await page.goto(pathToFileURL(path.join(site.dir, "xhs-partner", "faq", "index.html")).href);
    const hrefs = await typeQuery(page, "法大大认证");
    assert.ok(hrefs.length > 0);
    assert.ok(hrefs.every((h) => h.startsWith("file://")), hrefs.join("\n"));
    assert.ok(sitePath(hrefs[0], base).startsWith("xhs-partner/"), `${hrefs[0]} under ${base}`);
    await Promise.all([page.waitForURL(/index\.html/), page.locator(".search-panel [role=option] a").first().click()]);
    assert.equal(page.url(), hrefs[0]);
    const anchor = new URL(hrefs[0]).hash.slice(1);
    if (anchor) assert.equal(await page.locator(`[id="${anchor}"]`).count(), 1, "the deep link's anchor exists");
    assert.ok((await page.locator("main").textContent()).includes("法大大认证"));
    // The full results page, from disk too.
    await page.goto(base + "search/index.html?q=" + encodeURIComponent("保证金"));
    await waitFor(async () => (await page.locator("#search-results li").count()) > 0, { timeout: 5000 });
    assert.ok((await page.locator("#search-results li").count()) > 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
