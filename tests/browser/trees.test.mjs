// Decision trees as a merchant uses them: with JavaScript off (every answer a plain link to
// a page of its own) and with JavaScript on (the tree runs in place, answers so far are
// listed and can be changed, back and start over work, the browser's back button works).

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, startSite } from "./harness.mjs";

const TREES = [
  "xhs-juguang/jg-trademark/",
  "xhs-juguang/jg-account-type/",
  "kuaishou-service/ks-service-category/",
  "channels-shop/wx-restricted-prep/",
];

let site;
let noJs;
let js;

before(async () => {
  site = await startSite();
  noJs = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  js = await site.browser.newContext({ viewport: { width: 1000, height: 800 } });
});

after(async () => {
  await noJs?.close().catch(() => {});
  await js?.close().catch(() => {});
  await site?.close();
});

/** Text of every match of `selector` on the page. */
const texts = (page, selector) => page.locator(selector).allTextContents();

describe("decision trees without JavaScript", () => {
  for (const tree of TREES) {
    test(`${tree}: every outcome is reached from the start through plain links`, async () => {
      const { page } = await openPage(noJs, site.url(tree));
      const expected = new Map();
      for (const a of await page.locator(".cards a").all()) {
        expected.set(new URL(await a.getAttribute("href"), page.url()).href, (await a.textContent()).trim());
      }
      assert.ok(expected.size >= 2, "the index lists the outcomes");
      const start = new URL(await page.locator("a.start").getAttribute("href"), page.url()).href;
      await page.close();

      const seen = new Set();
      const reached = new Map();
      const queue = [start];
      while (queue.length) {
        const url = queue.shift();
        if (seen.has(url)) continue;
        seen.add(url);
        const { page: p, response } = await openPage(noJs, url);
        assert.equal(response.status(), 200, url);
        const answers = await p.locator("a.answer").all();
        if (answers.length) {
          assert.ok(answers.length >= 2, `${url} offers at least two answers`);
          for (const a of answers) queue.push(new URL(await a.getAttribute("href"), url).href);
        } else {
          reached.set(url, (await p.locator("h1").textContent()).trim());
        }
        await p.close();
      }
      assert.deepEqual([...reached.keys()].sort(), [...expected.keys()].sort(), "every outcome and only outcomes end a path");
      for (const [url, title] of reached) assert.equal(title, expected.get(url), `outcome page title at ${url}`);
    });
  }
});

describe("outcome pages on a phone", () => {
  test("every outcome opens with its conclusion, how to submit and what to prepare within the first 375×812 screen", async () => {
    const phone = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const outcomes = [];
    for (const tree of TREES) {
      const { page } = await openPage(phone, site.url(tree));
      for (const a of await page.locator(".cards a").all()) outcomes.push(new URL(await a.getAttribute("href"), page.url()).href);
      await page.close();
    }
    assert.ok(outcomes.length >= 30, `the bundled trees have many outcomes (${outcomes.length})`);
    let withSubmit = 0;
    for (const url of outcomes) {
      const { page } = await openPage(phone, url);
      const m = await page.evaluate(() => {
        const box = (s) => document.querySelector(s)?.getBoundingClientRect();
        const names = [...document.querySelectorAll(".answer-first .prepare a")];
        return {
          label: document.querySelector(".tree-title .tree-kind")?.textContent,
          h1: box("h1").bottom,
          submit: box(".answer-first .submit")?.bottom ?? null,
          prepare: box(".answer-first .prepare-label")?.bottom ?? null,
          names: names.map((a) => ({ text: a.textContent, target: document.querySelector(a.getAttribute("href"))?.querySelector("strong")?.textContent })),
          materials: document.querySelectorAll(".materials .material").length,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      assert.equal(m.label, "结论", `${url}: the heading is labelled 结论`);
      assert.ok(m.h1 <= 812, `${url}: the outcome heading ends at ${m.h1}px, within the first screen`);
      if (m.submit !== null) {
        withSubmit++;
        assert.ok(m.submit <= 812, `${url}: the submit line ends at ${m.submit}px, within the first screen`);
      }
      assert.equal(m.names.length, m.materials, `${url}: one name per material detail`);
      if (m.materials) assert.ok(m.prepare <= 812, `${url}: 要准备 starts within the first screen (${m.prepare}px)`);
      for (const n of m.names) assert.equal(n.text, n.target, `${url}: ${n.text} links to its own detail further down`);
      assert.equal(m.overflow, 0, `${url}: no horizontal scrolling`);
      await page.close();
    }
    assert.ok(withSubmit >= 10, `outcomes with a submit line were checked (${withSubmit})`);
    await phone.close();
  });
});

describe("decision trees with JavaScript", () => {
  test("answer, change an earlier answer, back, browser back, start over", async () => {
    const { page, rec } = await openPage(js, site.url("xhs-juguang/jg-trademark/jg-q-tm-used/"));
    const answer = async (label) => {
      await page.locator("a.answer", { hasText: label }).click();
    };
    // A real page load would drop this marker; running in place keeps it.
    await page.evaluate(() => (window.__sameDocument = true));

    await answer("用了");
    await assert.doesNotReject(page.waitForURL(/jg-q-tm-status\/\?a=0$/));
    await answer("已注册，注册证在有效期内");
    await answer("不是，商标注册在别人名下");
    await answer("境外企业");
    assert.match(page.url(), /jg-q-tm-applicant-foreign-company\/\?a=0\.0\.1\.2$/);
    assert.equal(await page.locator("h1").textContent(), "申请聚光的公司（被授权方）是境内公司还是境外公司？");
    assert.equal((await texts(page, ".tree-trail li")).length, 4, "four answers listed so far");
    await answer("境内公司");

    // The outcome, with the path taken.
    assert.match(page.url(), /jg-o-tm-foreign-company-domestic\/\?a=0\.0\.1\.2\.0$/);
    assert.match(await page.locator("h1").textContent(), /境外企业注册的商标，境内公司申请/);
    const body = await page.locator(".tree-body").textContent();
    assert.match(body, /一级总代授权|总代/, "outcome content is shown");
    assert.equal(
      (await page.locator("article .source").textContent()).trim(),
      "依据官方指南《聚光平台|注册与开户流程》",
      "the outcome reached in place keeps its source line (the document has no date, so none is shown)",
    );
    const trail = await texts(page, ".tree-trail .trail-a");
    assert.deepEqual(trail.map((t) => t.trim()).slice(-2), ["境外企业", "境内公司"]);

    // Change the registrant answer (third item): back at that question with the path cut.
    await page.locator(".tree-trail li").nth(3).locator("a.trail-change").click();
    assert.match(page.url(), /jg-q-tm-registrant-kind\/\?a=0\.0\.1$/);
    await answer("自然人（个人）");
    await answer("境外公司");
    assert.match(await page.locator("h1").textContent(), /个人注册的商标，境外公司申请/);
    assert.match(await page.locator(".tree-body").textContent(), /邮件/);

    // "上一步" goes back one question, the browser's back button too.
    await page.locator("a.tree-back").click();
    assert.match(page.url(), /jg-q-tm-applicant-person\/\?a=0\.0\.1\.0$/);
    await page.goBack();
    assert.match(page.url(), /jg-o-tm-person-foreign\//);
    assert.match(await page.locator("h1").textContent(), /个人注册的商标，境外公司申请/);
    await page.goBack();
    await page.goBack();
    assert.match(page.url(), /jg-q-tm-registrant-kind\//);
    assert.equal(await page.locator("h1").textContent(), "商标注册证上的注册人是谁？");

    // Start over.
    await page.locator("a.restart").click();
    assert.match(page.url(), /jg-q-tm-used\/$/);
    assert.equal(await page.locator(".tree-trail").count(), 0, "no answers after starting over");
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "the tree ran in place: no page loads");
    assert.deepEqual(rec.pageErrors, []);
    await page.close();
  });

  test("in place, the label, the breadcrumb and the back link follow the answers", async () => {
    const { page, rec } = await openPage(js, site.url("xhs-juguang/jg-trademark/jg-q-tm-used/"));
    const state = () =>
      page.evaluate(() => {
        const nav = document.querySelector(".tree-nav");
        return {
          kind: document.querySelector(".tree-title .tree-kind").textContent,
          verdict: document.querySelector(".tree-title .tree-kind").classList.contains("verdict"),
          h1: document.querySelector("h1").textContent,
          crumb: document.querySelector(".crumbs [aria-current]").textContent,
          nav: [...nav.childNodes].map((n) => (n.nodeName === "LI" ? n.textContent : `#${n.nodeName}:${n.textContent}`)),
          source: document.querySelector("article .source")?.textContent.trim(),
        };
      });
    let s = await state();
    assert.equal(s.kind, "第 1 题 · 最多还有 4 个问题");
    assert.deepEqual(s.nav, ["从头开始", "查看完整决策图"]);
    const steps = [
      ["用了", "第 2 题 · 最多还有 3 个问题"],
      ["已注册，注册证在有效期内", "第 3 题 · 最多还有 2 个问题"],
      ["不是，商标注册在别人名下", "第 4 题 · 最多还有 1 个问题"],
      ["自然人（个人）", "第 5 题 · 答完这题就有结论"],
    ];
    for (const [label, kind] of steps) {
      await page.locator("a.answer", { hasText: label }).click();
      s = await state();
      assert.equal(s.kind, kind, `after ${label}`);
      assert.equal(s.crumb, s.h1, "the breadcrumb names the question shown");
      assert.deepEqual(s.nav, ["上一步", "从头开始", "查看完整决策图"], "one 上一步, separators only between items");
    }
    // Back and forth with 上一步: the nav never gains a second back link or stray separators.
    for (let i = 0; i < 3; i++) await page.locator("a.tree-back").click();
    s = await state();
    assert.equal(s.kind, "第 2 题 · 最多还有 3 个问题");
    assert.deepEqual(s.nav, ["上一步", "从头开始", "查看完整决策图"]);
    await page.locator("a.tree-back").click();
    s = await state();
    assert.deepEqual(s.nav, ["从头开始", "查看完整决策图"], "at the start: nothing to go back to");

    // Down to an outcome in place: labelled 结论, with its source line and the breadcrumb.
    await page.locator("a.answer", { hasText: "没有用商标" }).click();
    s = await state();
    assert.equal(s.kind, "结论");
    assert.ok(s.verdict);
    assert.equal(s.crumb, s.h1);
    assert.equal(s.source, "依据官方指南《聚光平台|注册与开户流程》");
    assert.deepEqual(s.nav, ["上一步", "重新回答", "查看完整决策图"]);
    assert.deepEqual(rec.pageErrors, []);
    await page.close();

    // Opened without a path, a question with one parent offers 上一题, which runs in place.
    const bare = await openPage(js, site.url("xhs-juguang/jg-trademark/jg-q-tm-registrant-kind/"));
    assert.deepEqual((await bare.page.locator(".tree-nav li").allTextContents()), ["上一题", "从头开始", "查看完整决策图"]);
    await bare.page.locator("a.tree-up").click();
    assert.match(bare.page.url(), /jg-q-tm-own\/$/);
    assert.equal(await bare.page.locator(".tree-title .tree-kind").textContent(), "第 3 题 · 最多还有 2 个问题");
    await bare.page.close();
  });

  test("a shared outcome URL with a path shows the answers given; without one, the outcome alone", async () => {
    const withPath = await openPage(js, site.url("kuaishou-service/ks-service-category/ks-o-individual/?a=1.1.0"));
    assert.match(await withPath.page.locator("h1").textContent(), /个体工商户不能申请入驻/);
    const trail = (await texts(withPath.page, ".tree-trail .trail-a")).map((t) => t.trim());
    assert.deepEqual(trail, ["不是，普通快手账号", "没有", "个体工商户"]);
    await withPath.page.close();

    const bare = await openPage(js, site.url("kuaishou-service/ks-service-category/ks-o-individual/"));
    assert.match(await bare.page.locator("h1").textContent(), /个体工商户不能申请入驻/);
    assert.equal(await bare.page.locator(".tree-trail").count(), 0);
    await bare.page.close();

    // A path that does not lead to this page is ignored, not trusted.
    const wrong = await openPage(js, site.url("kuaishou-service/ks-service-category/ks-o-individual/?a=0"));
    assert.equal(await wrong.page.locator(".tree-trail").count(), 0);
    await wrong.page.close();
  });
});

describe("decision trees opened from disk (file://)", () => {
  test("answering goes from question to question to the outcome, with the answers listed", async () => {
    const page = await js.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const file = (p) => pathToFileURL(path.join(site.dir, ...p.split("/"), "index.html")).href;
    await page.goto(file("xhs-juguang/jg-trademark/jg-q-tm-used"));
    const answer = (label) => page.locator("a.answer", { hasText: label }).click();
    await Promise.all([page.waitForURL(/jg-q-tm-status\/index\.html\?a=0$/), answer("用了")]);
    assert.equal(await page.locator("h1").textContent(), "这个商标现在是什么状态？");
    await Promise.all([page.waitForURL(/\?a=0\.0$/), answer("已注册，注册证在有效期内")]);
    await Promise.all([page.waitForURL(/\?a=0\.0\.1$/), answer("不是，商标注册在别人名下")]);
    await Promise.all([page.waitForURL(/\?a=0\.0\.1\.2$/), answer("境外企业")]);
    await Promise.all([page.waitForURL(/jg-o-tm-foreign-company-domestic\/index\.html\?a=0\.0\.1\.2\.0$/), answer("境内公司")]);
    assert.match(await page.locator("h1").textContent(), /境外企业注册的商标，境内公司申请/);
    assert.equal((await texts(page, ".tree-trail li")).length, 5, "the five answers given are listed");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
