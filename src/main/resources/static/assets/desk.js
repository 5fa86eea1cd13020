// Supportdesk workspace: keyboard shortcuts and the few behaviours htmx's attributes do not cover.
// Everything else (partial updates, CSRF header, polling) is htmx markup in the templates.
(function () {
  "use strict";

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true]") !== null;
  }

  function rows() {
    return Array.from(document.querySelectorAll("tr[data-row]"));
  }

  function current() {
    return document.querySelector("tr[data-row].current");
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) { return; }
    var index = all.indexOf(current());
    var next = all[Math.max(0, Math.min(all.length - 1, index < 0 ? 0 : index + step))];
    all.forEach(function (r) { r.classList.remove("current"); });
    next.classList.add("current");
    var link = next.querySelector("a[data-open]");
    if (link) { link.focus(); }
  }

  function me() {
    return document.body.dataset.me || "";
  }

  function assignToMe() {
    var bulk = document.getElementById("bulk");
    if (bulk) {
      var selected = bulk.querySelectorAll("input[name=ids]:checked");
      if (selected.length === 0 && current()) {
        current().querySelector("input[name=ids]").checked = true;
      }
      document.getElementById("bulk-action").value = "assign";
      document.getElementById("bulk-value").value = me();
      bulk.requestSubmit();
      return;
    }
    var field = document.getElementById("assigned_to");
    if (field && !field.disabled) {
      field.value = me();
      field.form.requestSubmit();
    }
  }

  function focusReply(kind) {
    var box = document.getElementById("reply-body");
    if (!box) { return; }
    var choice = document.querySelector("input[name=kind][value=" + kind + "]");
    if (choice) { choice.checked = true; }
    box.focus();
  }

  function shortcuts() {
    var dialog = document.getElementById("shortcuts");
    if (!dialog) { return; }
    if (dialog.open) { dialog.close(); } else { dialog.showModal(); }
  }

  document.addEventListener("keydown", function (event) {
    // Ctrl+Enter (Cmd+Enter) sends the message being written, as in most mail and chat tools.
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && event.target.matches("textarea")) {
      var form = event.target.form;
      // Out of the box first: htmx would put the focus back into the new page's box, where the
      // next shortcut (n, r, j) would be typed instead of obeyed.
      event.target.blur();
      if (form) { form.requestSubmit(); }
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target)) { return; }
    var row = current();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "Enter":
        if (row && document.activeElement === document.body) { row.querySelector("a[data-open]").click(); }
        return;
      case "x":
        if (row) { var box = row.querySelector("input[name=ids]"); box.checked = !box.checked; }
        break;
      case "a": assignToMe(); break;
      case "r": focusReply("reply"); break;
      case "n": focusReply("note"); break;
      case "/":
        var search = document.querySelector("[data-shortcut-search]");
        if (search) { search.focus(); search.select(); }
        break;
      case "?": shortcuts(); break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-shortcuts-open]")) { shortcuts(); }
    var all = event.target.closest("[data-select-all]");
    if (all) {
      document.querySelectorAll("input[name=ids]").forEach(function (box) { box.checked = all.checked; });
    }
  });

  // htmx swaps nothing of an answer 4xx or 5xx, so a refused request (a form whose CSRF token is no
  // longer the cookie's after signing in again elsewhere, a role that may not, a ticket deleted)
  // would change nothing on the screen. Say why instead, with the server's own message, at the top.
  function requestError(xhr) {
    var answer = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var said = answer.querySelector("[role=alert]") || answer.querySelector("h1");
    var main = document.getElementById("main");
    if (!main) { return; }
    var banner = document.getElementById("request-error");
    if (!banner) {
      banner = document.createElement("p");
      banner.id = "request-error";
      banner.className = "error banner";
      banner.setAttribute("role", "alert");
      main.insertBefore(banner, main.firstChild);
    }
    banner.textContent = (said && said.textContent.trim()) ||
      "The server could not do this (" + xhr.status + "). Reload the page and try again.";
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status < 400) { return; }
    event.detail.shouldSwap = false;
    event.detail.isError = false;
    requestError(event.detail.xhr);
  });

  document.addEventListener("htmx:beforeRequest", function () {
    var banner = document.getElementById("request-error");
    if (banner) { banner.remove(); }
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-select-on-focus]")) { event.target.select(); }
    var row = event.target.closest("tr[data-row]");
    if (row) {
      rows().forEach(function (r) { r.classList.remove("current"); });
      row.classList.add("current");
    }
  });
})();
