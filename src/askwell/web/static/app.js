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
  // The Define step refreshes the ask fields from the one-line summary: the live check answers
  // with a fresh #ask-fields (out of band). Swapping it all in replaced the field the person
  // was in: the suggestion landed where they were about to type, an unfinished IME word was
  // lost. So each field is refreshed on its own, except one that has the focus or was typed
  // in since the check was sent: that field, and what was read for it, stay as they are.
  var sent = {};
  document.addEventListener("htmx:beforeRequest", function (event) {
    var fields = document.getElementById("ask-fields");
    if (!fields || event.detail.elt.id !== "f-summary") return;
    sent = {};
    fields.querySelectorAll("[name]").forEach(function (field) { sent[field.name] = field.value; });
  });
  function busy(field) {
    return field === document.activeElement || (field.name in sent && field.value !== sent[field.name]);
  }
  function named(root, name) {
    return root.querySelector('[name="' + name + '"]');
  }
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var old = event.detail.target;
    if (!old || old.id !== "ask-fields") return;
    event.detail.shouldSwap = false;
    var fragment = event.detail.fragment;
    fragment.querySelectorAll(".field").forEach(function (fresh) {
      var input = fresh.querySelector("[name]");
      var field = input && named(old, input.name);
      if (!field || busy(field)) return;
      field.closest(".field").replaceWith(fresh);
      var auto = named(fragment, input.name + "_auto");
      var oldAuto = named(old, input.name + "_auto");
      if (auto && oldAuto) { oldAuto.value = auto.value; }
    });
    // "Suggested from your one line" stays only under a field that holds what was read
    function holdsWhatWasRead(hint) {
      var name = hint.id.replace(/-from-summary$/, "");
      var field = named(old, name);
      var auto = named(old, name + "_auto");
      return field && auto && auto.value && field.value === auto.value ? field : null;
    }
    old.querySelectorAll(".suggested").forEach(function (hint) {
      if (!holdsWhatWasRead(hint)) { hint.remove(); }
    });
    fragment.querySelectorAll(".suggested").forEach(function (hint) {
      var field = holdsWhatWasRead(hint);
      if (field && !document.getElementById(hint.id)) { field.closest(".field").after(hint); }
    });
  });
  document.addEventListener("input", function (event) {
    var hint = event.target.name && document.getElementById(event.target.name + "-from-summary");
    if (hint) { hint.remove(); }  // typed in: no longer what was read from the summary
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var focus = event.detail.target.querySelector("[data-autofocus]");
    if (focus) { focus.focus(); }
  });
})();
