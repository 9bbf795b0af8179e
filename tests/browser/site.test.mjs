// Real-browser tests of the bundled site: build it with guidepost, serve it on 127.0.0.1,
// drive headless Chromium. Run with `npm test` here or scripts/browser-test from the repo.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import http from "node:http";
import { after, before, describe, test } from "node:test";
import { isLocalUrl, openPage, startSite, waitFor } from "./harness.mjs";

const SHOTS_DIR = "/tmp/browser-shots";

const PLATFORMS = [
  { id: "xhs-partner", name: "小红书合作伙伴平台" },
  { id: "xhs-juguang", name: "小红书聚光平台" },
  { id: "kuaishou-service", name: "快手服务市场" },
  { id: "channels-shop", name: "微信视频号小店" },
];

const FLOW = "xhs-partner/xp-approval/";
const FAQ_LIST = "xhs-partner/faq/";
const FAQ_ID = "xp-faq-fadada-status";

let site;
let desktop; // shared desktop context, JavaScript on

before(async () => {
  site = await startSite();
  desktop = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await desktop?.close().catch(() => {});
  await site?.close();
});

/** Where an element sits relative to the viewport. */
function viewportBox(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, vh: window.innerHeight };
  });
}

/** The element is rendered (non-zero height) and its top edge is on screen. */
function inViewport(box) {
  return box.height > 0 && box.top >= 0 && box.top < box.vh;
}

/** Assert a page load produced no external request, console error, page error or bad status. */
function assertClean(rec, what) {
  assert.deepEqual(rec.external, [], `${what}: requests left ${"127.0.0.1"}`);
  assert.deepEqual(rec.consoleErrors, [], `${what}: console errors`);
  assert.deepEqual(rec.pageErrors, [], `${what}: uncaught page errors`);
  assert.deepEqual(rec.badResponses, [], `${what}: responses with status >= 400`);
}

describe("home page", () => {
  test("lists the four platforms as links that lead to their platform pages", async () => {
    const { page, rec } = await openPage(desktop, site.url(""));
    try {
      const main = page.locator("main");
      for (const { id, name } of PLATFORMS) {
        const links = main.getByRole("link", { name, exact: true });
        assert.ok((await links.count()) >= 1, `home page has no link named ${name}`);
        assert.equal(
          new URL(await links.first().getAttribute("href"), page.url()).pathname,
          `/${id}/`,
          `link ${name} points to the wrong place`,
        );
      }
      for (const { id, name } of PLATFORMS) {
        await page.goto(site.url(""));
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/${id}/`),
          page.locator("main").getByRole("link", { name, exact: true }).first().click(),
        ]);
        const h1 = (await page.locator("h1").first().textContent()).trim();
        assert.equal(h1, name, `platform page /${id}/ has the wrong h1`);
      }
      assertClean(rec, "home page and platform pages");
    } finally {
      await page.close();
    }
  });
});

describe("flow page", () => {
  test(`${FLOW} shows 17 steps and a clickable 8-lane swimlane`, async () => {
    const { page, rec } = await openPage(desktop, site.url(FLOW));
    try {
      const steps = page.locator("li.step");
      assert.equal(await steps.count(), 17, "number of li.step");
      const svg = page.locator("svg.swimlane");
      assert.equal(await svg.count(), 1, "one svg.swimlane");
      assert.ok(await svg.isVisible(), "the swimlane SVG is visible");
      const size = await svg.boundingBox();
      assert.ok(size && size.width > 0 && size.height > 0, `SVG rendered size ${JSON.stringify(size)}`);
      const boxes = svg.locator("a.sl-step");
      assert.equal(await boxes.count(), 17, "number of a.sl-step boxes");
      assert.equal(await svg.locator("g.sl-role:not([aria-hidden])").count(), 8, "number of lanes (g.sl-role)");

      // The 5th box links to the 5th step.
      const fifthId = await steps.nth(4).getAttribute("id");
      assert.ok(fifthId, "the 5th step has an id");
      const box = boxes.nth(4);
      assert.equal(await box.getAttribute("href"), `#${fifthId}`, "5th box's href");
      assert.ok(await box.isVisible(), "5th box is visible");

      const stepSel = `li.step[id="${fifthId}"]`;
      // Precondition, so that the check after the click means something: with the box on
      // screen, the step itself is not.
      await box.scrollIntoViewIfNeeded();
      assert.ok(!inViewport(await viewportBox(page, stepSel)), "step is off screen before the click");
      assert.equal(await page.evaluate(() => location.hash), "", "no hash before the click");
      await box.click();
      await page.waitForFunction((h) => location.hash === h, `#${fifthId}`, { timeout: 3000 });
      const where = await waitFor(async () => {
        const b = await viewportBox(page, stepSel);
        return inViewport(b) ? b : null;
      });
      assert.ok(where, `step #${fifthId} is scrolled into the viewport after the click`);
      assert.ok(await page.locator(stepSel).evaluate((el) => el.matches(":target")), "step is :target");
      assertClean(rec, FLOW);
    } finally {
      await page.close();
    }
  });
});

describe("FAQ permalinks", () => {
  test(`opening ${FAQ_LIST}#${FAQ_ID} scrolls that answer into view`, async () => {
    const { page, rec } = await openPage(desktop, site.url(`${FAQ_LIST}#${FAQ_ID}`));
    try {
      const sections = page.locator("section.faq");
      const ids = await sections.evaluateAll((els) => els.map((e) => e.id));
      const index = ids.indexOf(FAQ_ID);
      assert.ok(index >= 0, `section.faq#${FAQ_ID} exists`);
      assert.ok(index > 0, "the FAQ under test is not the first one (else the test proves nothing)");
      const sel = `section.faq[id="${FAQ_ID}"]`;
      const box = await waitFor(async () => {
        const b = await viewportBox(page, sel);
        return inViewport(b) ? b : null;
      });
      assert.ok(box, `section #${FAQ_ID} is in the viewport: ${JSON.stringify(await viewportBox(page, sel))}`);
      assert.ok(await page.evaluate(() => window.scrollY > 0), "the page scrolled to reach the answer");
      assert.ok(await page.locator(sel).evaluate((el) => el.matches(":target")), "section is :target");
      assertClean(rec, `${FAQ_LIST}#${FAQ_ID}`);
    } finally {
      await page.close();
    }
  });

  test("the standalone FAQ page has the question as h1 and a working copy button", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    try {
      const list = await openPage(context, site.url(FAQ_LIST));
      const question = (await list.page.locator(`section.faq[id="${FAQ_ID}"] h2`).textContent()).trim();
      assert.ok(question.length > 0, "question text in the list");
      await list.page.close();

      const { page, rec } = await openPage(context, site.url(`${FAQ_LIST}${FAQ_ID}/`));
      const h1 = (await page.locator("h1").first().textContent()).trim();
      assert.equal(h1, question, "standalone page h1 equals the question in the list");

      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      const permalink = new URL(canonical);
      assert.ok(/^https?:$/.test(permalink.protocol), `canonical URL is absolute: ${canonical}`);
      assert.ok(
        permalink.pathname.endsWith(`/${FAQ_LIST}${FAQ_ID}/`),
        `canonical URL names the FAQ: ${canonical}`,
      );

      const button = page.locator("button.copy-link");
      assert.equal(await button.count(), 1, "one copy button");
      assert.ok(await button.isVisible(), "copy button is visible with JavaScript on");
      await page.evaluate(() => navigator.clipboard.writeText("(empty)"));
      await button.click();
      const copied = await waitFor(async () => {
        const text = await page.evaluate(() => navigator.clipboard.readText());
        return text !== "(empty)" ? text : null;
      });
      assert.equal(copied, `${question}\n${canonical}`, "clipboard holds question + absolute URL");
      assertClean(rec, `${FAQ_LIST}${FAQ_ID}/`);
      await page.close();
    } finally {
      await context.close();
    }
  });
});

describe("small screens", () => {
  test("on a phone, breadcrumb and related links are at least 24 px tall and the search box names no / key", async () => {
    const phone = await site.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const desk = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const { page } = await openPage(phone, site.url(`${FAQ_LIST}${FAQ_ID}/`));
      const heights = await page.evaluate(() =>
        [...document.querySelectorAll(".crumbs a, .related a")].map((a) => [a.textContent, a.getBoundingClientRect().height]),
      );
      assert.ok(heights.length >= 3, JSON.stringify(heights));
      for (const [text, h] of heights) assert.ok(h >= 24, `${text}: ${h} px tall`);
      assert.equal(await page.locator(".site-search input").getAttribute("placeholder"), "搜索");
      const { page: d } = await openPage(desk, site.url(`${FAQ_LIST}${FAQ_ID}/`));
      assert.equal(await d.locator(".site-search input").getAttribute("placeholder"), "搜索（按 / 键）");
    } finally {
      await phone.close();
      await desk.close();
    }
  });

  test("no horizontal scroll at 375 px", async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    const context = await site.browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const pages = ["", FLOW, FAQ_LIST, "kuaishou-service/rules/", "multi-store/permissions/"];
    const problems = [];
    try {
      for (const p of pages) {
        const { page, response } = await openPage(context, site.url(p));
        assert.equal(response.status(), 200, `/${p} status`);
        const m = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const wide = [];
          for (const el of document.body.querySelectorAll("*")) {
            const r = el.getBoundingClientRect();
            if (r.right > vw + 0.5 && r.width > 0) {
              // Report only the outermost offenders.
              if (!wide.some((w) => w.el.contains(el))) wide.push({ el, right: Math.round(r.right) });
            }
          }
          return {
            scrollWidth: document.documentElement.scrollWidth,
            offenders: wide.slice(0, 5).map(({ el, right }) => {
              const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
              return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls} right=${right}`;
            }),
          };
        });
        if (m.scrollWidth > 375) {
          problems.push(`/${p}: scrollWidth ${m.scrollWidth} > 375; too wide: ${m.offenders.join(", ")}`);
        }
        if (p === FLOW) {
          // For humans to look at; nothing is asserted on pixels.
          await page.screenshot({ path: `${SHOTS_DIR}/flow-375.png`, fullPage: true });
          // At 375 px the swimlane gives way to the stepper.
          await page.locator("nav.stepper").scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS_DIR}/flow-375-stepper.png` });
        }
        await page.close();
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], "pages wider than a 375 px screen");
  });

  test("at 375 px the header is at most 110 px tall and still shows the search box and every nav link", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    try {
      for (const p of ["", FLOW, "search/"]) {
        const { page } = await openPage(context, site.url(p));
        const m = await page.evaluate(() => {
          const header = document.querySelector(".site-header").getBoundingClientRect();
          const shown = (el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth && r.bottom <= header.bottom + 0.5;
          };
          const input = document.querySelector(".site-header input[name=q]");
          const links = [...document.querySelectorAll(".site-nav a")];
          return {
            height: Math.round(header.height),
            input: shown(input) && input.getBoundingClientRect().width >= 150,
            links: links.length,
            hidden: links.filter((a) => !shown(a)).map((a) => a.textContent),
            h1Top: Math.round(document.querySelector("h1").getBoundingClientRect().top),
          };
        });
        assert.ok(m.height <= 110, `/${p}: header is ${m.height} px tall at 375 px`);
        assert.ok(m.input, `/${p}: the search box is shown in the header, at least 150 px wide`);
        assert.ok(m.links >= 6, `/${p}: ${m.links} nav links`);
        assert.deepEqual(m.hidden, [], `/${p}: nav links cut off or hidden`);
        assert.ok(m.h1Top <= 160, `/${p}: the page title starts at ${m.h1Top} px`);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe("every page of the sitemap", () => {
  test("at 375 px without JavaScript: no sideways scroll, no “见《…》” that is not a link", async () => {
    const sitemap = await (await fetch(site.url("sitemap.xml"))).text();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname.replace(/^\//, ""));
    assert.ok(paths.length > 200, `${paths.length} pages in the sitemap`);
    const context = await site.browser.newContext({ viewport: { width: 375, height: 812 }, javaScriptEnabled: false });
    const problems = [];
    try {
      const page = await context.newPage();
      for (const p of paths) {
        const response = await page.goto(site.url(decodeURIComponent(p)));
        assert.equal(response.status(), 200, `/${p}`);
        const m = await page.evaluate(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const plain = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = n.data.indexOf("见《");
            if (i >= 0 && !n.parentElement.closest("a")) plain.push(n.data.slice(i, i + 30));
          }
          return { plain, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
        });
        if (m.plain.length) problems.push(`/${p}: plain-text reference ${m.plain.join(" | ")}`);
        if (m.overflow > 0) problems.push(`/${p}: scrolls sideways by ${m.overflow} px`);
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
});

describe("crawl", () => {
  test("home page and its direct links: only 127.0.0.1, no console errors, no 4xx/5xx", async () => {
    const LIMIT = 40;
    const home = await openPage(desktop, site.url(""));
    const hrefs = await home.page.locator("a[href]").evaluateAll((as) => as.map((a) => a.href));
    await home.page.close();

    const urls = [site.url("")];
    for (const href of hrefs) {
      const u = new URL(href);
      if (u.origin !== site.origin) continue; // an outgoing link is fine; it is just not crawled
      u.hash = "";
      if (!urls.includes(u.href)) urls.push(u.href);
    }
    assert.ok(urls.length >= 10, `home page links to at least 10 site pages (found ${urls.length})`);

    const problems = [];
    const logStart = site.server.log.length;
    for (const url of urls.slice(0, LIMIT)) {
      const path = new URL(url).pathname;
      const { page, response, rec } = await openPage(desktop, url);
      if (!response || response.status() >= 400) problems.push(`${path}: status ${response?.status()}`);
      for (const r of rec.external) problems.push(`${path}: request left 127.0.0.1: ${r}`);
      for (const e of rec.consoleErrors) problems.push(`${path}: console error: ${e}`);
      for (const e of rec.pageErrors) problems.push(`${path}: page error: ${e}`);
      for (const r of rec.badResponses) {
        if (r !== `${response?.status()} ${url}`) problems.push(`${path}: subresource ${r}`);
      }
      assert.ok(rec.requests.length > 0, `${path}: requests were recorded`);
      await page.close();
    }
    // The server sees requests the page events do not (e.g. Chromium's own favicon probe).
    // The site declares no icon, and a 404 for the browser's automatic /favicon.ico guess
    // is not something a page asked for, so that one is let through.
    for (const [method, url, status] of site.server.log.slice(logStart)) {
      if (status >= 400 && url !== "/favicon.ico") problems.push(`server answered ${status} to ${method} ${url}`);
    }
    assert.deepEqual([...new Set(problems)], [], "problems found while crawling");
  });
});

describe("404", () => {
  test("an unknown URL answers 404 with the site's not-found page", async () => {
    const { page, response, rec } = await openPage(desktop, site.url("xhs-partner/no-such-page/"));
    try {
      assert.equal(response.status(), 404, "status");
      const h1 = (await page.locator("h1").first().textContent()).trim();
      assert.ok(h1.includes("找不到"), `h1 mentions 找不到: ${h1}`);
      // Only the document itself may be a 404: the page's CSS and JS must still load from a
      // nested URL.
      assert.deepEqual(
        rec.badResponses,
        [`404 ${site.url("xhs-partner/no-such-page/")}`],
        "responses >= 400 other than the page itself",
      );
      assert.deepEqual(rec.external, [], "requests left 127.0.0.1");
      const styled = await page.evaluate(() =>
        [...document.styleSheets].some((s) => {
          try { return s.cssRules.length > 0; } catch { return false; }
        }),
      );
      assert.ok(styled, "the 404 page's stylesheet loaded");
      const home = page.locator("main").getByRole("link", { name: "返回首页" });
      if (await home.count()) {
        await Promise.all([page.waitForURL((u) => u.pathname === "/"), home.first().click()]);
      }
    } finally {
      await page.close();
    }
  });
});

describe("without JavaScript", () => {
  test("the flow page shows all steps and the FAQ anchor works", async () => {
    const context = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 800 },
    });
    try {
      const flow = await openPage(context, site.url(FLOW));
      const steps = flow.page.locator("li.step");
      assert.equal(await steps.count(), 17, "number of li.step");
      for (let i = 0; i < 17; i++) {
        assert.ok(await steps.nth(i).isVisible(), `step ${i + 1} is visible`);
      }
      assert.ok(await flow.page.locator("svg.swimlane").isVisible(), "swimlane visible");
      // The swimlane boxes are plain links: they work without a script.
      const fifthId = await steps.nth(4).getAttribute("id");
      await flow.page.locator("svg.swimlane a.sl-step").nth(4).click();
      await flow.page.waitForURL((u) => u.hash === `#${fifthId}`, { timeout: 3000 });
      assertClean(flow.rec, `${FLOW} without JS`);
      await flow.page.close();

      const faq = await openPage(context, site.url(`${FAQ_LIST}#${FAQ_ID}`));
      const sel = `section.faq[id="${FAQ_ID}"]`;
      const box = await waitFor(async () => {
        const b = await viewportBox(faq.page, sel);
        return inViewport(b) ? b : null;
      });
      assert.ok(box, `section #${FAQ_ID} is in the viewport without JS`);
      assert.ok(await faq.page.evaluate(() => window.scrollY > 0), "the page scrolled");
      // The copy button needs a script: without one it stays hidden instead of doing nothing.
      assert.equal(await faq.page.locator(`${sel} button.copy-link`).isVisible(), false, "copy button hidden without JS");
      assertClean(faq.rec, `${FAQ_LIST} without JS`);
      await faq.page.close();
    } finally {
      await context.close();
    }
  });
});

describe("harness", () => {
  /** A raw GET (no URL normalisation by the client), resolving to { status, headers, body }. */
  function rawGet(path) {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port: site.server.port, path }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
      });
      req.on("error", reject);
    });
  }

  test("the static server serves folders, types, 404s and refuses escapes", async () => {
    const home = await rawGet("/");
    assert.equal(home.status, 200);
    assert.match(home.headers["content-type"], /^text\/html/);
    const css = home.body.match(/href="([^"]*\.css)"/)?.[1]?.replace(/&#x2F;/g, "/");
    assert.ok(css, "home page links a stylesheet");
    assert.match((await rawGet("/" + css.replace(/^\//, ""))).headers["content-type"], /^text\/css/);
    const redirect = await rawGet("/xhs-partner");
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, "/xhs-partner/");
    const missing = await rawGet("/no/such/file.txt");
    assert.equal(missing.status, 404);
    assert.match(missing.body, /找不到/);
    for (const p of ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/xhs-partner/..%2f..%2f..%2fetc/passwd"]) {
      const r = await rawGet(p);
      assert.ok(r.status === 403 || r.status === 400, `${p} refused (got ${r.status})`);
      assert.doesNotMatch(r.body, /root:/, `${p} leaked a file`);
    }
  });

  test("isLocalUrl", () => {
  assert.equal(isLocalUrl("http://127.0.0.1:1234/a"), true);
  assert.equal(isLocalUrl("data:text/plain,x"), true);
  assert.equal(isLocalUrl("https://guidepost.example.cn/"), false);
  assert.equal(isLocalUrl("http://localhost:1234/"), false);
  });
});
