// Diagrams at reading size: every flow page and every decision-tree index page of the
// bundled site, at 375 and 1280 px, in light and dark. What a merchant sees is measured in
// the browser: the rendered size of every SVG text, page overflow, links inside links, the
// colour of arrowheads, boxes that overlap or cut their text off, the swipe hint.
//
// Screenshots of each page (the diagram, and the first screen) go to SHOTS_DIR
// (default /tmp/guidepost-diagrams) for people to look at; nothing is asserted on pixels.

import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openPage, SITE_ROOT, startSite } from "./harness.mjs";

const SHOTS_DIR = process.env.SHOTS_DIR || "/tmp/guidepost-diagrams";
const WIDTHS = [375, 1280];
const SCHEMES = ["light", "dark"];
const MIN_TEXT_PX = 13;

let site;
let flows = []; // { url, roles, steps }
let trees = []; // { url }

/** Site paths of the built pages whose <article> has `kind` as its class. */
function pagesOf(dir, kind) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "index.html" && readFileSync(p, "utf8").includes(`<article class="${kind}">`)) {
        out.push(path.relative(dir, path.dirname(p)).split(path.sep).join("/") + "/");
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** Number of YAML files in guides/*\/<kind>/ of the site sources. */
function sourceCount(kind) {
  const guides = path.join(SITE_ROOT, "guides");
  let n = 0;
  for (const p of readdirSync(guides)) {
    try {
      n += readdirSync(path.join(guides, p, kind)).filter((f) => f.endsWith(".yaml")).length;
    } catch {}
  }
  return n;
}

before(async () => {
  site = await startSite();
  mkdirSync(SHOTS_DIR, { recursive: true });
  flows = pagesOf(site.dir, "flow");
  trees = pagesOf(site.dir, "tree");
});

after(async () => {
  await site?.close();
});

/** Everything measured on one page, in the page. */
function measure(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const luminance = (css) => {
      const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const svgs = [...document.querySelectorAll("main svg")].filter(visible);
    const texts = [];
    const overlaps = [];
    const spills = [];
    const outside = [];
    for (const svg of svgs) {
      const svgBox = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll("text")) {
        const bbox = t.getBBox();
        if (!t.textContent.trim() || bbox.width === 0) continue;
        const r = t.getBoundingClientRect();
        const scale = r.height / bbox.height;
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        texts.push({ text: t.textContent.trim(), size, scale });
        // The text stays inside the box it labels (nothing cut off or spilling over).
        const shape = t.parentElement.querySelector(":scope > rect");
        if (shape) {
          const s = shape.getBoundingClientRect();
          if (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5) {
            spills.push(t.textContent.trim());
          }
        }
      }
      const boxes = [...svg.querySelectorAll("a > rect, g.tm-answer > rect")].map((el) => ({
        r: el.getBoundingClientRect(),
        what: el.parentElement.textContent.trim(),
      }));
      for (const b of boxes) {
        const { r } = b;
        if (r.left < svgBox.left - 0.5 || r.right > svgBox.right + 0.5 || r.top < svgBox.top - 0.5 || r.bottom > svgBox.bottom + 0.5) {
          outside.push(b.what);
        }
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].r, boxes[j].r];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
            overlaps.push(`${boxes[i].what} / ${boxes[j].what}`);
          }
        }
      }
    }
    const heads = [...document.querySelectorAll("main svg marker path")].map((p) => getComputedStyle(p).fill);
    const scrollers = [...document.querySelectorAll("main .diagram-scroll")].filter(visible).map((el) => {
      const hint = el.previousElementSibling;
      return {
        overflows: el.scrollWidth > el.clientWidth + 1,
        hint: hint && hint.classList.contains("scroll-hint") && visible(hint) ? hint.textContent.trim() : "",
      };
    });
    const stepper = document.querySelector("main nav.stepper");
    return {
      svgs: svgs.map((s) => s.getAttribute("class")),
      texts,
      spills,
      overlaps,
      outside,
      scrollers,
      heads: heads.map((fill) => ({ fill, luminance: luminance(fill) })),
      bg: luminance(getComputedStyle(document.body).backgroundColor),
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth: window.innerWidth,
      nestedLinks: document.querySelectorAll("a a").length,
      linksInImages: document.querySelectorAll('[role="img"] a, [role="img"] button').length,
      stepper: stepper && visible(stepper) ? [...stepper.querySelectorAll("li")].map((li) => li.textContent) : null,
      stepsOnPage: document.querySelectorAll("main li.step").length,
      outcomes: [...document.querySelectorAll("main svg .tm-outcome")].map((a) => a.textContent),
      answers: document.querySelectorAll("main svg .tm-answer").length,
      arrows: document.querySelectorAll("main svg path.edge[marker-end]").length,
      cards: [...document.querySelectorAll("main .cards a")].map((a) => a.textContent.trim()),
    };
  });
}

/** The assertions shared by flow and tree pages. */
function assertReadable(m, what, scheme) {
  assert.ok(m.texts.length > 0, `${what}: an SVG with text is shown`);
  const small = m.texts.filter((t) => t.size < MIN_TEXT_PX - 0.01);
  assert.deepEqual(small.map((t) => `${t.text} ${t.size.toFixed(1)}px`), [], `${what}: SVG text smaller than ${MIN_TEXT_PX} px`);
  const scaled = m.texts.filter((t) => t.scale > 1.01);
  assert.deepEqual(scaled.map((t) => `${t.text} ×${t.scale.toFixed(2)}`), [], `${what}: SVG text scaled above 1:1`);
  assert.deepEqual(m.spills, [], `${what}: text spilling out of its box`);
  assert.deepEqual(m.overlaps, [], `${what}: boxes that overlap`);
  assert.deepEqual(m.outside, [], `${what}: boxes outside the drawing`);
  for (const s of m.scrollers) {
    assert.equal(s.hint !== "", s.overflows, `${what}: the swipe hint shows exactly when the diagram scrolls (${JSON.stringify(s)})`);
    if (s.overflows) assert.equal(s.hint, "← 左右滑动查看 →", `${what}: hint text`);
  }
  assert.ok(m.heads.length > 0, `${what}: arrowheads`);
  for (const h of m.heads) {
    assert.notEqual(h.fill, "rgb(0, 0, 0)", `${what}: arrowhead fill is black`);
    // Arrowheads stand out from the page: at least 3:1 against the background.
    const [hi, lo] = [Math.max(h.luminance, m.bg), Math.min(h.luminance, m.bg)];
    assert.ok((hi + 0.05) / (lo + 0.05) >= 3, `${what}: arrowhead ${h.fill} on the ${scheme} background`);
  }
}

function assertPage(m, what) {
  assert.ok(m.scrollWidth <= m.innerWidth, `${what}: page scrolls sideways (${m.scrollWidth} > ${m.innerWidth})`);
  assert.equal(m.nestedLinks, 0, `${what}: links nested in links`);
  assert.equal(m.linksInImages, 0, `${what}: links inside role=img`);
}

async function shoot(page, selector, name) {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: path.join(SHOTS_DIR, `${name}-diagram.png`) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-top.png`) });
}

/**
 * Edges of the tree map that pass through a box or an answer label other than the two they
 * join: each edge is walked in 2 px steps and every point tested against every box.
 */
function edgesThroughBoxes(page) {
  return page.evaluate(() => {
    const svg = document.querySelector("svg.treemap");
    const boxes = [...svg.querySelectorAll("rect")].map((r) => {
      const b = r.getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height, text: r.parentNode.textContent.trim() };
    });
    const inside = (p, b, margin) =>
      p.x > b.x - margin && p.x < b.x + b.w + margin && p.y > b.y - margin && p.y < b.y + b.h + margin;
    const found = [];
    for (const edge of svg.querySelectorAll("path.edge")) {
      const length = edge.getTotalLength();
      const [start, end] = [edge.getPointAtLength(0), edge.getPointAtLength(length)];
      const joined = boxes.filter((b) => inside(start, b, 3) || inside(end, b, 3));
      const others = boxes.filter((b) => !joined.includes(b));
      for (let at = 0; at <= length; at += 2) {
        const p = edge.getPointAtLength(at);
        const hit = others.find((b) => inside(p, b, 0));
        if (hit) {
          found.push(`edge ${edge.getAttribute("d").slice(0, 24)}… crosses “${hit.text}”`);
          break;
        }
      }
    }
    return found;
  });
}

const shotName = (url, width, scheme) => `${url.replace(/\/$/, "").replace(/\//g, "_")}-${width}-${scheme}`;

describe("the bundled site has diagrams to check", () => {
  test("every flow and every tree of the sources has its page", () => {
    assert.equal(flows.length, sourceCount("flows"), `flow pages: ${flows.join(", ")}`);
    assert.equal(trees.length, sourceCount("trees"), `tree pages: ${trees.join(", ")}`);
    assert.ok(flows.length >= 1 && trees.length >= 1);
  });
});

for (const scheme of SCHEMES) {
  for (const width of WIDTHS) {
    describe(`${width} px, ${scheme}`, () => {
      let context;
      before(async () => {
        context = await site.browser.newContext({ viewport: { width, height: 812 }, colorScheme: scheme });
      });
      after(async () => {
        await context?.close().catch(() => {});
      });

      test("flow pages: reading-size swimlane on wide screens, stepper on phones and for one role", async () => {
        for (const url of flows) {
          const { page } = await openPage(context, site.url(url));
          try {
            const m = await measure(page);
            const what = `/${url} at ${width} px ${scheme}`;
            assertPage(m, what);
            const roles = await page.locator("p.roles .role").count();
            const oneRole = roles === 1;
            if (oneRole || width <= 600) {
              assert.deepEqual(m.svgs, [], `${what}: no swimlane shown`);
              assert.ok(m.stepper, `${what}: the stepper is shown`);
              assert.equal(m.stepper.length, m.stepsOnPage, `${what}: one stepper entry per step`);
              const badges = await page.locator("nav.stepper .role").count();
              assert.equal(badges, oneRole ? 0 : m.stepsOnPage, `${what}: role badges in the stepper`);
              await shoot(page, "nav.stepper", shotName(url, width, scheme));
            } else {
              assert.deepEqual(m.svgs, ["diagram-svg swimlane"], `${what}: the swimlane is shown`);
              assert.equal(m.stepper, null, `${what}: the stepper is hidden next to the swimlane`);
              assert.equal(await page.locator("svg.swimlane g.sl-role:not([aria-hidden])").count(), roles, `${what}: one lane per role`);
              assertReadable(m, what, scheme);
              await shoot(page, "figure.diagram .diagram-frame", shotName(url, width, scheme));
            }
          } finally {
            await page.close();
          }
        }
      });

      test("tree index pages: layered map with answer labels, whole outcome titles", async () => {
        for (const url of trees) {
          const { page } = await openPage(context, site.url(url));
          try {
            const m = await measure(page);
            const what = `/${url} at ${width} px ${scheme}`;
            assertPage(m, what);
            assert.deepEqual(m.svgs, ["diagram-svg treemap"], `${what}: the tree map is shown`);
            assertReadable(m, what, scheme);
            // Every outcome box shows its whole title (as listed under the map), none twice;
            // a space where a line breaks is not drawn.
            const squash = (list) => list.map((t) => t.replace(/\s+/g, "")).sort();
            assert.deepEqual(squash(m.outcomes), squash(m.cards), `${what}: outcome boxes`);
            // Each answer is a labelled edge: one label and one arrow per answer.
            assert.ok(m.answers > m.cards.length, `${what}: answer labels (${m.answers})`);
            assert.equal(m.arrows, m.answers, `${what}: one arrow per answer label`);
            assert.deepEqual(await edgesThroughBoxes(page), [], `${what}: edges drawn through boxes or labels`);
            await shoot(page, "figure.diagram .diagram-frame", shotName(url, width, scheme));
          } finally {
            await page.close();
          }
        }
      });
    });
  }
}

describe("between phone and desktop", () => {
  test("a swimlane wider than the screen scrolls in its frame, says so, and every lane can be reached", async () => {
    const context = await site.browser.newContext({ viewport: { width: 700, height: 812 } });
    try {
      // The flow with the most roles.
      let widest = null;
      for (const url of flows) {
        const { page } = await openPage(context, site.url(url));
        const roles = await page.locator("p.roles .role").count();
        if (!widest || roles > widest.roles) widest = { url, roles };
        await page.close();
      }
      const { page } = await openPage(context, site.url(widest.url));
      try {
        const m = await measure(page);
        const what = `/${widest.url} (${widest.roles} roles) at 700 px`;
        assertPage(m, what);
        assert.deepEqual(m.svgs, ["diagram-svg swimlane"], `${what}: the swimlane is shown`);
        assert.deepEqual(m.scrollers, [{ overflows: true, hint: "← 左右滑动查看 →" }], `${what}: scrolls, with the hint`);
        assertReadable(m, what, "light");
        // Scrolled to the end, the last lane's name is inside the visible part of the frame.
        const seen = await page.evaluate(() => {
          const scroller = document.querySelector("main .diagram-scroll");
          scroller.scrollLeft = scroller.scrollWidth;
          const frame = scroller.getBoundingClientRect();
          const names = [...scroller.querySelectorAll("g.sl-role:not([aria-hidden])")];
          const last = names[names.length - 1].getBoundingClientRect();
          return last.left >= frame.left && last.right <= frame.right;
        });
        assert.ok(seen, `${what}: the last lane can be scrolled into view`);
        await shoot(page, "figure.diagram .diagram-frame", `${widest.url.replace(/\/$/, "").replace(/\//g, "_")}-700-light`);
      } finally {
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe("decision maps on a phone", () => {
  test("a map wider than the screen opens on its first question, with answers of its own beside it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 812 } });
    let wide = 0;
    try {
      for (const url of trees) {
        const { page } = await openPage(context, site.url(url));
        try {
          const m = await page.evaluate(() => {
            const scroller = document.querySelector("main .diagram-scroll");
            const frame = scroller.getBoundingClientRect();
            const rects = [...scroller.querySelectorAll("svg.treemap .tm-question rect")].map((r) => r.getBoundingClientRect());
            const top = Math.min(...rects.map((r) => r.top));
            const first = rects.find((r) => r.top === top);
            return {
              overflows: scroller.scrollWidth > scroller.clientWidth,
              scrolled: scroller.scrollLeft,
              firstInside: first.left >= frame.left - 0.5 && first.right <= frame.right + 0.5,
            };
          });
          if (!m.overflows) continue;
          wide++;
          assert.ok(m.firstInside, `/${url} at 375 px: the top question of the map is in view when the page opens (scrolled ${m.scrolled}px)`);
        } finally {
          await page.close();
        }
      }
      assert.ok(wide >= 2, `the bundled site has maps wider than a phone (${wide})`);
    } finally {
      await context.close();
    }
  });
});
