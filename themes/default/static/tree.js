// guidepost decision trees, run in place. Without this file every question and outcome is a
// plain page and every answer a plain link; with it, answering keeps the page, lists the
// answers given so far (each can be changed), and the path lives in the URL (?a=0.1), so
// the browser's back button, reloads and shared links all work.
(function () {
  "use strict";
  var article = document.querySelector("article[data-tree][data-node]");
  var trees = window.guidepostTrees || {};
  if (!article || !trees[article.getAttribute("data-tree")]) return;
  var tree = trees[article.getAttribute("data-tree")];
  var fileMode = location.protocol === "file:";

  function nodeUrl(id, path) {
    var url = "../" + encodeURIComponent(id) + "/" + (fileMode ? "index.html" : "");
    return path && path.length ? url + "?a=" + path.join(".") : url;
  }

  // The answer indices in ?a=, or null when absent or malformed.
  function pathFromUrl() {
    var m = /[?&]a=([0-9.]*)/.exec(location.search);
    if (!m) return null;
    if (m[1] === "") return [];
    var parts = m[1].split(".");
    for (var i = 0; i < parts.length; i++) {
      if (!/^[0-9]+$/.test(parts[i])) return null;
    }
    return parts.map(Number);
  }

  // Follow answer indices from the start: the steps taken and the node reached, or null.
  function replay(path) {
    var id = tree.start, steps = [];
    for (var i = 0; i < path.length; i++) {
      var node = tree.nodes[id];
      if (!node || node.kind !== "q" || !node.answers[path[i]]) return null;
      steps.push({ question: id, answer: path[i] });
      id = node.answers[path[i]].next;
    }
    return { steps: steps, node: id };
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function trail(steps) {
    var box = el("section", "tree-trail");
    box.setAttribute("aria-label", "你的回答");
    box.appendChild(el("h2", null, "你的回答"));
    var list = el("ol");
    steps.forEach(function (s, i) {
      var q = tree.nodes[s.question];
      var li = el("li");
      li.appendChild(el("span", "trail-q", q.text));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("strong", "trail-a", q.answers[s.answer].label));
      li.appendChild(document.createTextNode(" "));
      var change = el("a", "trail-change", "修改");
      var upTo = steps.slice(0, i).map(function (x) { return x.answer; });
      change.href = nodeUrl(s.question, upTo);
      change.setAttribute("data-path", upTo.join("."));
      change.setAttribute("aria-label", "修改：" + q.text);
      li.appendChild(change);
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  // The line above the heading: "结论" on an outcome; on a question its number (the steps
  // actually taken when the path is known, else the shortest way from the start) and the
  // most questions that can still follow.
  function kindLine(node, r) {
    var line = article.querySelector(".tree-kind");
    if (!line) {
      line = el("span", "tree-kind");
      var title = article.querySelector(".tree-title");
      title.appendChild(document.createTextNode(" "));
      title.appendChild(line);
    }
    if (node.kind === "o") {
      line.className = "tree-kind verdict";
      line.textContent = "结论";
      return;
    }
    line.className = "tree-kind";
    var n = r ? r.steps.length + 1 : node.depth;
    line.textContent = "第 " + n + " 题 · " +
      (node.remaining ? "最多还有 " + node.remaining + " 个问题" : "答完这题就有结论");
  }

  // The first item of the nav list: 上一步 along the path when there is one, else 上一题
  // when the node has exactly one parent question, else nothing.
  function backItem(path, r, node) {
    var nav = article.querySelector(".tree-nav");
    var old = nav.querySelector("li.back");
    if (old) nav.removeChild(old);
    var a;
    if (r && r.steps.length) {
      var last = r.steps[r.steps.length - 1];
      a = el("a", "tree-back", "上一步");
      a.href = nodeUrl(last.question, path.slice(0, -1));
      a.setAttribute("data-path", path.slice(0, -1).join("."));
    } else if (node.parent) {
      a = el("a", "tree-up", "上一题");
      a.href = nodeUrl(node.parent, null);
      a.setAttribute("data-node", node.parent);
      a.setAttribute("aria-label", "上一题：" + tree.nodes[node.parent].text);
    } else {
      return;
    }
    var li = el("li", "back");
    li.appendChild(a);
    nav.insertBefore(li, nav.firstChild);
  }

  function render(path) {
    var r = replay(path);
    if (!r || r.node !== current) r = null;
    var node = tree.nodes[current];
    var title = node.kind === "q" ? node.text : node.title;
    article.className = node.kind === "q" ? "tree-question" : "tree-outcome";
    article.setAttribute("data-node", current);
    article.querySelector("h1").textContent = title;
    document.title = title + " · " + tree.title;
    var crumb = document.querySelector(".crumbs [aria-current]");
    if (crumb) crumb.textContent = title;
    kindLine(node, r);
    var body = article.querySelector(".tree-body");
    body.innerHTML = node.html; // built by guidepost at build time from escaped sources
    body.querySelectorAll("a.answer").forEach(function (a, i) {
      var next = path.concat([i]);
      a.href = nodeUrl(node.answers[i].next, r ? next : null);
      a.setAttribute("data-path", r ? next.join(".") : "");
    });
    var old = article.querySelector(".tree-trail");
    if (old) old.parentNode.removeChild(old);
    var nav = article.querySelector(".tree-nav");
    if (r && r.steps.length) {
      article.insertBefore(trail(r.steps), node.kind === "q" ? body : nav);
    }
    backItem(path, r, node);
    var restart = nav.querySelector(".restart");
    if (restart) {
      restart.href = nodeUrl(tree.start, []);
      restart.textContent = node.kind === "q" ? "从头开始" : "重新回答";
    }
    currentPath = r ? path : [];
  }

  var current = article.getAttribute("data-node");
  var currentPath = [];

  function go(id, path, push) {
    if (push) {
      try {
        history.pushState({ node: id, path: path }, "", nodeUrl(id, path));
      } catch (err) {
        // A page opened from disk may not change its URL to another file (Chromium):
        // open the node's own page instead, which replays the path from ?a=.
        location.href = nodeUrl(id, path);
        return;
      }
    }
    current = id;
    render(path);
    var h = article.querySelector("h1");
    h.setAttribute("tabindex", "-1");
    h.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  article.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a") : null;
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    if (a.classList.contains("answer")) {
      var i = Array.prototype.indexOf.call(article.querySelectorAll("a.answer"), a);
      var node = tree.nodes[current];
      if (!node || !node.answers[i]) return;
      e.preventDefault();
      go(node.answers[i].next, currentPath.concat([i]), true);
    } else if (a.classList.contains("trail-change") || a.classList.contains("tree-back")) {
      e.preventDefault();
      var p = a.getAttribute("data-path");
      var path = p ? p.split(".").map(Number) : [];
      var r = replay(path);
      if (r) go(r.node, path, true);
    } else if (a.classList.contains("tree-up") && tree.nodes[a.getAttribute("data-node")]) {
      e.preventDefault();
      go(a.getAttribute("data-node"), [], true);
    } else if (a.classList.contains("restart")) {
      e.preventDefault();
      go(tree.start, [], true);
    }
  });

  window.addEventListener("popstate", function (e) {
    var s = e.state;
    if (s && s.node && tree.nodes[s.node]) {
      current = s.node;
      render(s.path || []);
    } else {
      current = article.getAttribute("data-node");
      render(pathFromUrl() || []);
    }
  });

  var initial = pathFromUrl();
  if (initial === null && current === tree.start) initial = [];
  history.replaceState({ node: current, path: initial || [] }, "", location.href);
  render(initial || []);
})();
