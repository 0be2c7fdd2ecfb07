/* Paragraph citations: a "copy citation" button next to every permalink, and the
   targeted paragraph scrolled into view, highlighted and focused. Works with the
   keyboard (buttons are real <button>s) and announces results in a live region. */
(function () {
  "use strict";

  function status(text) {
    var region = document.querySelector("[data-archive-status]");
    if (region) { region.textContent = ""; window.setTimeout(function () { region.textContent = text; }, 50); }
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text; area.setAttribute("readonly", ""); area.style.position = "absolute"; area.style.left = "-9999px";
      document.body.appendChild(area); area.select();
      try { document.execCommand("copy") ? resolve() : reject(new Error("copy refused")); }
      catch (err) { reject(err); } finally { document.body.removeChild(area); }
    });
  }

  function citation(body, para) {
    var name = body.getAttribute("data-cite-name") || document.title;
    var url = window.location.href.split("#")[0] + "#" + para.id;
    var label = para.getAttribute("data-cite-label") || para.getAttribute("data-label");  /* the text's language */
    return name + ", " + label + " — " + url;
  }

  function addButtons(body) {
    body.querySelectorAll(".para[id][data-label]").forEach(function (para) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "archive-cite";
      button.textContent = "Copier la citation";
      button.setAttribute("aria-label", "Copier la citation : " + para.getAttribute("data-label"));
      button.addEventListener("click", function () {
        var text = citation(body, para);
        button.setAttribute("data-citation", text);
        copy(text).then(function () { status("Citation copiée : " + text); },
                        function () { status("Copie impossible ; citation : " + text); });
      });
      var tools = document.createElement("span");
      tools.className = "archive-tools";
      var link = para.querySelector(":scope > .permalink");
      if (link) { tools.appendChild(link); }
      tools.appendChild(button);
      para.appendChild(tools);
    });
  }

  function showTarget() {
    document.querySelectorAll(".para.is-target").forEach(function (el) { el.classList.remove("is-target"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("para")) { return; }
    target.classList.add("is-target");
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  /* Wide tables scroll sideways on a phone: the keyboard must reach the scroll too
     (Material wraps tables once its own script has run, hence the observer). */
  function scrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      var caption = table && table.querySelector("caption");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tableau (défilement horizontal)");
    });
  }

  function init() {
    scrollableTables();
    if (window.MutationObserver) {
      new MutationObserver(scrollableTables).observe(document.querySelector(".md-content") || document.body, { childList: true, subtree: true });
    }
    var body = document.querySelector(".doc-body");
    if (body) {
      addButtons(body);
      body.setAttribute("data-permalink", window.location.href.split("#")[0]);  /* printed at the end of the text */
    }
    showTarget();
  }

  window.addEventListener("hashchange", showTarget);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
