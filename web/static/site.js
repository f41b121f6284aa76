// Progressive enhancement only: the pages work fully without this file.
(function () {
  "use strict";
  // A live character and word count under the statement box. Characters are counted as the server counts
  // them (Unicode code points, each line break one), so the form, the report and the JSON agree.
  var box = document.querySelector("textarea[data-count]");
  if (box) {
    var out = document.getElementById(box.getAttribute("data-count"));
    var update = function () {
      var text = box.value.replace(/\r\n?/g, "\n");
      var words = text.trim() ? text.trim().split(/\s+/).length : 0;
      out.textContent = Array.from(text).length.toLocaleString("en-US") + " characters, " +
        words.toLocaleString("en-US") + " words.";
    };
    box.addEventListener("input", update);
    update();
  }
  // While a form is sent and reviewed, say so in its status line (the page may take a few seconds).
  Array.prototype.forEach.call(document.querySelectorAll("form[data-busy]"), function (form) {
    form.addEventListener("submit", function (event) {
      var status = document.getElementById(form.getAttribute("data-busy"));
      var button = event.submitter;
      if (status) {
        status.textContent = (button && button.getAttribute("data-busy-message")) || status.getAttribute("data-message");
        status.classList.add("active");
      }
      form.setAttribute("aria-busy", "true");
    });
  });
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
