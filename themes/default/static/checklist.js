// guidepost checklists: ticks kept in this browser (localStorage), a progress count, reset
// and print. Without this file the page is a plain printable list with empty boxes.
(function () {
  "use strict";
  var list = document.querySelector("article.checklist[data-storage]");
  if (!list) return;
  var storageKey = "guidepost:checklist:" + list.getAttribute("data-storage");
  var items = Array.prototype.slice.call(list.querySelectorAll("li.check-item[data-key]"));
  var doneCount = list.querySelector(".done-count");

  function load() {
    try {
      var v = JSON.parse(localStorage.getItem(storageKey) || "{}");
      return v && typeof v === "object" ? v : {};
    } catch (e) {
      return {};
    }
  }

  var ticks = load();

  function save() {
    try {
      // Keep only keys of items that still exist; an edited or removed item loses its tick.
      var keep = {};
      items.forEach(function (li) {
        var k = li.getAttribute("data-key");
        if (ticks[k]) keep[k] = true;
      });
      ticks = keep;
      localStorage.setItem(storageKey, JSON.stringify(keep));
    } catch (e) {
      /* private mode or storage full: ticks last for this visit only */
    }
  }

  function show() {
    var n = 0;
    items.forEach(function (li) {
      var on = !!ticks[li.getAttribute("data-key")];
      li.querySelector("input").checked = on;
      li.classList.toggle("done", on);
      if (on) n++;
    });
    doneCount.textContent = String(n);
  }

  items.forEach(function (li) {
    li.querySelector("input").addEventListener("change", function (e) {
      var k = li.getAttribute("data-key");
      if (e.target.checked) ticks[k] = true; else delete ticks[k];
      save();
      show();
    });
  });

  list.querySelector(".reset-button").addEventListener("click", function () {
    ticks = {};
    save();
    show();
  });
  list.querySelector(".print-button").addEventListener("click", function () {
    window.print();
  });

  list.querySelector(".checklist-tools").hidden = false;
  save();
  show();
})();
