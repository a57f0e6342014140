// askwell: small progressive enhancements (copy buttons, focus after swaps). No eval, no inline JS.
(function () {
  "use strict";
  function copyFrom(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) return;
    var text = "value" in target ? target.value : target.textContent;
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1600);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(target, done); });
    } else {
      fallback(target, done);
    }
  }
  function fallback(target, done) {
    if (typeof target.select === "function") { target.select(); }
    try { document.execCommand("copy"); done(); } catch (e) { /* nothing more to try */ }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button) { event.preventDefault(); copyFrom(button); }
  });
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".coach-toggle");
    if (!toggle) return;
    var panel = toggle.closest(".coach-panel");
    var open = panel.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.textContent = open ? "Show less" : "Show all";
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var focus = event.detail.target.querySelector("[data-autofocus]");
    if (focus) { focus.focus(); }
  });
})();
