// Real-browser tests of search on the bundled site and on a small Chinese book
// (tests/fixtures/book): merchant queries typed into the header box, snippets that show the
// matched words, traditional queries, title ties, keyboard use, escaping, the results page
// and its lazy loading, the query cap, file://, and what the index costs to load.

import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { buildSite, openPage, REPO_ROOT, serve, startSite, waitFor } from "./harness.mjs";

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
  ["多店铺 子账号权限", "multi-store/permissions/"],
  ["添加子账号", "multi-store/permissions/#tian-jia-zi-zhang-hao"],
  ["【报备函】只交报备函可以吗", "channels-shop/faq/wx-faq-filing-letter-only/"],
];

const PAGE = "xhs-partner/faq/";

let site;
let ctx;
// The book fixture, built and served beside the bundled site.
let book;

before(async () => {
  site = await startSite();
  ctx = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const built = await buildSite({ root: path.join(REPO_ROOT, "tests", "fixtures", "book") });
  const server = await serve(built.dir);
  book = {
    dir: built.dir,
    baseUrl: server.url,
    url: (p = "") => new URL(p, server.url).href,
    close: async () => {
      await server.close();
      built.cleanup();
    },
  };
});

after(async () => {
  await ctx?.close().catch(() => {});
  await book?.close();
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

  test("the results page before a search offers places to start; after a search without results, what to try", async () => {
    const { page, rec } = await openPage(ctx, site.url("search/"));
    await waitFor(async () => (await page.locator("#search-status").textContent()) !== "");
    assert.equal(await page.locator("#search-status").textContent(), "输入问题或关键词开始搜索。");
    assert.equal(await page.locator("#search-suggest h2").textContent(), "不知道从哪里找？");
    assert.ok((await page.locator("#search-suggest a").count()) > 0);
    await page.goto(site.url(`search/?q=zzqxj`));
    await waitFor(async () => !(await page.locator("#search-status").textContent()).includes("正在"));
    assert.equal(await page.locator("#search-status").textContent(), "没有找到与“zzqxj”相关的内容。");
    assert.equal(await page.locator("#search-suggest h2").textContent(), "找不到答案？");
    assert.equal(await page.locator("#search-suggest").isHidden(), false);
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

/** The shown results of the header box: link path, title and the text of each <mark> of the
 * snippet and of the title. */
async function shownResults(page, base) {
  const items = await page.locator(".search-panel [role=option]").evaluateAll((lis) =>
    lis.map((li) => ({
      href: li.querySelector("a").href,
      title: li.querySelector(".search-title").textContent,
      snippet: li.querySelector(".search-snippet")?.textContent || "",
      snippetMarks: Array.from(li.querySelectorAll(".search-snippet mark"), (m) => m.textContent),
      titleMarks: Array.from(li.querySelectorAll(".search-title mark"), (m) => m.textContent),
    })),
  );
  return items.map((r) => ({ ...r, path: sitePath(r.href, base) }));
}

/** Does each marked text hold a token of the query (folded as search.js folds), and does
 * `text` hold one at all? */
async function matches(page, q, marks, text) {
  return page.evaluate(
    ([q, marks, text]) => {
      const want = new Set(window.guidepostSearch.queryTokens(q));
      const hit = (s) => window.guidepostSearch.tokenize(s).some((t) => want.has(t));
      return { marked: marks.length > 0 && marks.every(hit), inText: hit(text) };
    },
    [q, marks, text],
  );
}

describe("snippets show why a result matched", () => {
  const BUNDLED = ["保证金怎么交", "商标授权书", "法大大认证", "报备函盖章", "营业执照", "子账号", "保证金凭证", "审核时间"];
  const BOOK = ["闭包", "捕获环境", "借用", "惰性求值", "传播错误", "可变变量", "调用栈", "所有权"];

  for (const [name, queries, which] of [["bundled site", BUNDLED, () => site], ["book", BOOK, () => book]]) {
    // A result found by its body shows the words in its snippet, marked; one found by its
    // title or heading alone (its text has none of the words) shows them marked in the title.
    test(`every top-5 result shows a matched word, marked in the snippet when the text has it (${name})`, async () => {
      const s = which();
      const { page, rec } = await openPage(ctx, s.url(""));
      const bad = [];
      let shown = 0;
      let bodyHits = 0;
      for (const q of queries) {
        await typeQuery(page, q);
        const top = (await shownResults(page, s.baseUrl)).slice(0, 5);
        assert.ok(top.length > 0, `no results for ${q}`);
        for (const r of top) {
          const snippet = await matches(page, q, r.snippetMarks, r.snippet);
          const title = await matches(page, q, r.titleMarks, r.title);
          if (snippet.marked) bodyHits++;
          else if (snippet.inText || !title.marked) {
            bad.push(`${q} → ${r.path} “${r.title}”: ${JSON.stringify(r.snippet)} marks ${JSON.stringify(r.snippetMarks)}`);
          }
          shown++;
        }
      }
      assert.deepEqual(bad, [], "top-5 results that do not show a matched word");
      assert.ok(bodyHits * 4 >= shown * 3, `${bodyHits} of ${shown} top-5 snippets mark a matched word`);
      assert.deepEqual(rec.pageErrors, []);
    });
  }

  test("a match deep in a page links to its section and shows that section's text", async () => {
    const { page } = await openPage(ctx, book.url(""));
    await typeQuery(page, "强制取得所有权");
    const [first] = await shownResults(page, book.baseUrl);
    assert.equal(first.path, "functional/closures/#bu-huo-huan-jing");
    assert.equal(first.title, "捕获环境");
    assert.ok(first.snippet.includes("就强制它取得所有权"), first.snippet);
    assert.ok(first.snippetMarks.join("").includes("强制"), first.snippetMarks.join("|"));
    assert.equal(await page.locator(".search-panel [role=option]").first().locator(".search-context").textContent(), "闭包");
  });
});

describe("traditional characters and title ties", () => {
  test("traditional queries find their simplified pages", async () => {
    const { page, rec } = await openPage(ctx, site.url(PAGE));
    for (const [q, simplified, want] of [
      ["保證金怎麼交", "保证金怎么交", "kuaishou-service/faq/ks-faq-deposit-how/"],
      ["商標授權書", "商标授权书", "xhs-juguang/materials/#jg-tm-authorization"],
      ["報備函蓋章", "报备函盖章", "channels-shop/wx-live-filing/#prepare-letter"],
    ]) {
      const trad = (await typeQuery(page, q)).map((h) => sitePath(h, site.baseUrl));
      const simp = (await typeQuery(page, simplified)).map((h) => sitePath(h, site.baseUrl));
      assert.ok(trad.slice(0, 3).includes(want), `${q}: ${trad.join(" | ")}`);
      assert.deepEqual(trad, simp, `${q} finds what ${simplified} finds`);
      await typeQuery(page, q);
      const marks = await page.locator(".search-panel [role=option]").first().locator("mark").allTextContents();
      assert.ok(marks.join("").length >= 2, `${q}: simplified text is marked, got ${marks}`);
    }
    const fold = rec.requests.filter((u) => u.includes("/search/fold.js"));
    assert.equal(fold.length, 1, "the folding table is loaded once, for the first traditional query");
  });

  test("simplified queries do not load the folding table", async () => {
    const { page, rec } = await openPage(ctx, site.url(PAGE));
    await typeQuery(page, "保证金怎么交");
    await typeQuery(page, "法大大认证");
    assert.deepEqual(rec.requests.filter((u) => u.includes("/search/fold.js")), []);
  });

  test("閉包 on the book: the chapter titled 闭包 ranks before 迭代器与闭包", async () => {
    const { page } = await openPage(ctx, book.url(""));
    for (const q of ["闭包", "閉包", "迭代器"]) {
      await typeQuery(page, q);
      const titles = (await shownResults(page, book.baseUrl)).map((r) => r.title);
      const want = q === "迭代器" ? "迭代器" : "闭包";
      assert.equal(titles[0], want, `${q}: ${titles.join(" | ")}`);
      assert.ok(titles.includes("迭代器与闭包"), `${q}: ${titles.join(" | ")}`);
    }
  });

  test("exact title matches rank first on the bundled site", async () => {
    const { page } = await openPage(ctx, site.url(PAGE));
    for (const q of ["保证金凭证", "法大大"]) {
      await typeQuery(page, q);
      const titles = (await shownResults(page, site.baseUrl)).map((r) => r.title);
      assert.equal(titles[0], q, `${q}: ${titles.join(" | ")}`);
    }
  });
});

describe("results page: lazy results, query cap, no question pages", () => {
  test("shows 10 results, loads the next 10 on 更多结果 or on scroll", async () => {
    const phone = await site.browser.newContext({ viewport: { width: 375, height: 667 } });
    try {
      const { page, rec } = await openPage(phone, site.url(`search/?q=${encodeURIComponent("保证金")}`));
      const items = page.locator("#search-results li");
      await waitFor(async () => (await items.count()) > 0, { timeout: 5000 });
      const status = await page.locator("#search-status").textContent();
      const total = Number(status.match(/找到 (\d+) 条结果/)[1]);
      assert.ok(total > 20, status);
      await page.waitForTimeout(300);
      assert.equal(await items.count(), 10, "the first ten only");
      const more = page.locator(".search-more");
      assert.equal(await more.textContent(), `更多结果（还有 ${total - 10} 条）`);
      const chunks = () => new Set(rec.requests.filter((u) => /\/search\/d\/\d+\.js/.test(u))).size;
      const meta = JSON.parse(
        (await page.evaluate(() => fetch("../search/meta.js").then((r) => r.text()))).replace(/^guidepostSearch\.m\(|\);\s*$/g, ""),
      );
      assert.ok(chunks() <= 20, `${chunks()} chunk requests for 10 results and the next 10 prefetched`);
      // Scrolling the button into view loads the next ten …
      await more.scrollIntoViewIfNeeded();
      await waitFor(async () => (await items.count()) === 20, { timeout: 5000 });
      assert.equal(await items.count(), 20);
      await page.waitForTimeout(300);
      assert.equal(await items.count(), 20, "the new button is below the screen: nothing more loads");
      // … and so does pressing it (a browser without IntersectionObserver).
      await page.evaluate(() => document.querySelector(".search-more").click());
      await waitFor(async () => (await items.count()) === Math.min(30, total), { timeout: 5000 });
      assert.equal(await items.count(), Math.min(30, total));
      const requests = rec.requests.filter((u) => u.includes("/search/")).length;
      assert.ok(requests < 42, `${requests} index requests for 30 results (chunks of ${meta.chunk})`);
      assert.deepEqual(rec.pageErrors, []);
    } finally {
      await phone.close();
    }
  });

  test("a long query is capped at 64 characters", async () => {
    const long = "保证金怎么交".repeat(200);
    const { page } = await openPage(ctx, site.url(PAGE));
    const input = page.locator(".site-search input[name=q]");
    assert.equal(await input.getAttribute("maxlength"), "64");
    await input.fill(long);
    assert.equal((await input.inputValue()).length, 64, "the box takes 64 characters");
    await Promise.all([page.waitForURL(/\/search\/\?q=/), input.press("Enter")]);
    const q = new URL(page.url()).searchParams.get("q");
    assert.equal(q, long.slice(0, 64));
    assert.ok(page.url().length < 1000, `${page.url().length} characters of URL`);
    // A long query in the URL (a pasted link) is cut too.
    await page.goto(site.url(`search/?q=${encodeURIComponent(long)}`));
    await waitFor(async () => (await page.locator("#search-results li").count()) > 0, { timeout: 5000 });
    assert.equal(await page.locator("#search-page-q").inputValue(), long.slice(0, 64));
    assert.equal(await page.locator("#search-page-q").getAttribute("maxlength"), "64");
    assert.ok((await page.locator("#search-status").textContent()).includes(`“${long.slice(0, 64)}”`));
  });

  test("tree question pages are not results; outcomes are", async () => {
    const { page } = await openPage(ctx, site.url(PAGE));
    // The text of a question of the bundled decision tree ks-service-category.
    const q = "这个快手号目前有违规行为吗？";
    const hrefs = await typeQuery(page, q);
    const paths = hrefs.map((h) => sitePath(h, site.baseUrl));
    assert.ok(paths.length > 0);
    assert.ok(paths.every((p) => !p.includes("ks-q-")), paths.join(" | "));
    assert.ok(paths.some((p) => p.startsWith("kuaishou-service/ks-service-category/ks-o-")), `an outcome: ${paths.join(" | ")}`);
    for (const p of paths) {
      const html = await page.evaluate((u) => fetch(u).then((r) => r.text()), new URL(p, site.baseUrl).href);
      assert.ok(!html.includes('class="tree-question"'), `${p} is a question page`);
    }
  });

  test("typing on the results page prefetches the index parts of the query", async () => {
    const { page, rec } = await openPage(ctx, site.url("search/"));
    const input = page.locator("#search-page-q");
    await input.pressSequentially("商标授权书", { delay: 20 });
    await waitFor(async () => rec.requests.some((u) => /\/search\/t\/\d+\.js/.test(u)), { timeout: 3000 });
    const shards = rec.requests.filter((u) => /\/search\/t\/\d+\.js/.test(u));
    assert.ok(shards.length > 0, "shards fetched before the form is sent");
    assert.equal(new URL(page.url()).search, "", "the form was not sent");
    const before = rec.requests.length;
    await Promise.all([page.waitForURL(/\?q=/), input.press("Enter")]);
    await waitFor(async () => (await page.locator("#search-results li").count()) > 0, { timeout: 5000 });
    assert.ok(before > 0);
  });
});
