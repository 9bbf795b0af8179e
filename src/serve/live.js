// guidepost serve: live reload and the problems overlay. Added by the preview server to
// every HTML page it serves; never part of a built site.
(function () {
  "use strict";
  var me = document.currentScript;
  var shown = me && me.dataset.build;
  // The overlay's words, in the server's language (Chinese when the tag has none).
  function word(name, fallback) {
    return (me && me.dataset[name]) || fallback;
  }
  var box = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function hide() {
    if (box) box.remove();
    box = null;
  }

  function show(errors) {
    hide();
    box = el("div", "gp-overlay");
    box.id = "guidepost-overlay";
    box.setAttribute("role", "alert");
    var head = el("div", "gp-head");
    head.appendChild(el("strong", "", word("title", "构建失败：仍在显示上一次成功的构建")));
    var close = el("button", "gp-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", word("close", "关闭"));
    close.onclick = hide;
    head.appendChild(close);
    box.appendChild(head);
    var list = el("ol", "gp-list");
    errors.forEach(function (p) {
      var item = el("li", "gp-problem");
      if (p.file) item.appendChild(el("code", "gp-where", p.file + ":" + p.line + ":" + p.col));
      item.appendChild(el("p", "gp-message", p.message));
      if (p.hint) {
        // "提示：" needs no space after it; "Hint:" does.
        var label = word("hint", "提示：");
        if (/[:]$/.test(label)) label += " ";
        item.appendChild(el("p", "gp-hint", label + p.hint));
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    box.appendChild(el("p", "gp-foot", word("foot", "保存修改后，本页会自动更新。")));
    (document.body || document.documentElement).appendChild(box);
  }

  // Browsers allow about six connections per host over HTTP/1.1, and every stream holds one:
  // only visible pages keep theirs, and a page shown again catches up (reloads if rebuilt).
  var events = null;
  function connect() {
    if (events) return;
    // The page it shows: after a change, the server renders it first.
    events = new EventSource("/__guidepost/events?page=" + encodeURIComponent(location.pathname));
    events.addEventListener("build", function (e) {
      var id = String(JSON.parse(e.data).id);
      if (shown && id !== shown) {
        location.reload();
        return;
      }
      shown = id;
      hide();
    });
    events.addEventListener("problems", function (e) {
      show(JSON.parse(e.data).errors);
    });
  }
  function disconnect() {
    if (events) events.close();
    events = null;
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) disconnect();
    else connect();
  });
  if (!document.hidden) connect();
})();
