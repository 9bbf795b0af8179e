// guidepost: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Opened from disk (file://), folder links would show a directory listing: point them at index.html.
  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") return;
      var parts = href.split("#");
      if (parts[0] === "" || /\/$/.test(parts[0])) {
        parts[0] = parts[0] + "index.html";
        a.setAttribute("href", parts.join("#"));
      }
    });
  }

  // A decision map wider than its frame (on a phone) opens on its first question, the top
  // of the map, rather than on its left edge, where only answers of lower branches show.
  document.querySelectorAll(".diagram-scroll").forEach(function (frame) {
    var first = frame.querySelector("svg.treemap .tm-question rect");
    if (!first || frame.scrollWidth <= frame.clientWidth) return;
    var f = frame.getBoundingClientRect();
    var r = first.getBoundingClientRect();
    frame.scrollLeft += r.left + r.width / 2 - (f.left + f.width / 2);
  });

  // Copy an FAQ's question and its permalink, ready to paste into a chat.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  document.querySelectorAll("button.copy-link").forEach(function (button) {
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy-text") + "\n" + button.getAttribute("data-copy-url");
      copyText(text).then(function () {
        button.textContent = "已复制";
        button.classList.add("copied");
      }, function () {
        window.prompt("复制下面的内容：", text);
      });
      setTimeout(function () {
        button.textContent = label;
        button.classList.remove("copied");
      }, 2000);
    });
  });
})();
