// Progressive enhancement only: the pages work fully without this file.
(function () {
  "use strict";
  // A live character and word count under the statement box (ERAS allows 28,000 characters).
  var box = document.querySelector("textarea[data-count]");
  if (box) {
    var out = document.getElementById(box.getAttribute("data-count"));
    var update = function () {
      var text = box.value;
      var words = text.trim() ? text.trim().split(/\s+/).length : 0;
      out.textContent = text.length.toLocaleString() + " characters, " + words + " words.";
    };
    box.addEventListener("input", update);
    update();
  }
  // Following a link to a sentence or finding moves keyboard focus there, not only the scroll position.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#s'], a[href^='#f']");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (target) {
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      window.setTimeout(function () { target.focus(); }, 0);
    }
  });
})();
