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
  // The Define step refreshes the ask fields from the one-line summary (an out-of-band swap of
  // #ask-fields). The answer can arrive after the person has started typing in one of those
  // fields: what they typed since wins over the refresh, and the field keeps the focus and caret.
  var focusAfterSwap = null;
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field.name && field.closest && field.closest("#ask-fields")) {
      field.setAttribute("data-typed", "1");
    }
  });
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var old = event.detail.target;
    if (!old || old.id !== "ask-fields") return;
    old.querySelectorAll("[data-typed]").forEach(function (field) {
      var fresh = event.detail.fragment.querySelector('[name="' + field.name + '"]');
      if (!fresh) return;
      fresh.setAttribute("value", field.value);
      fresh.setAttribute("data-typed", "1");
      var hint = event.detail.fragment.querySelector("#" + field.name + "-from-summary");
      if (hint) { hint.remove(); }  // "Suggested from your one line" no longer holds
    });
    var active = document.activeElement;
    focusAfterSwap = null;
    if (active && active.name && old.contains(active)) {
      focusAfterSwap = { name: active.name, start: null, end: null };
      try { focusAfterSwap.start = active.selectionStart; focusAfterSwap.end = active.selectionEnd; }
      catch (e) { /* date inputs have no caret */ }
    }
  });
  document.addEventListener("htmx:oobAfterSwap", function () {
    if (!focusAfterSwap) return;
    var fields = document.getElementById("ask-fields");
    var field = fields && fields.querySelector('[name="' + focusAfterSwap.name + '"]');
    if (field) {
      field.focus();
      try {
        if (focusAfterSwap.start !== null) {
          field.setSelectionRange(focusAfterSwap.start, focusAfterSwap.end);
        }
      } catch (e) { /* not a text field */ }
    }
    focusAfterSwap = null;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var focus = event.detail.target.querySelector("[data-autofocus]");
    if (focus) { focus.focus(); }
  });
})();
