// The new-debate and review pages: files dropped anywhere on the drop zone go into its file
// input (the input stays the keyboard's and screen reader's way in), and their names are listed.
(function () {
  "use strict";
  function listNames(zone, input) {
    var list = zone.querySelector("[data-drop-list]");
    if (!list) return;
    var names = Array.prototype.map.call(input.files, function (file) { return file.name; });
    list.textContent = names.length ? "Chosen: " + names.join(", ") : "";
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-drop-zone]").forEach(function (zone) {
      var input = zone.querySelector("input[type=file]");
      if (!input) return;
      input.addEventListener("change", function () { listNames(zone, input); });
      ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("is-dragging"); });
      });
      ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function () { zone.classList.remove("is-dragging"); });
      });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        if (!event.dataTransfer || !event.dataTransfer.files.length) return;
        var transfer = new DataTransfer();
        Array.prototype.forEach.call(input.files, function (file) { transfer.items.add(file); });
        Array.prototype.forEach.call(event.dataTransfer.files, function (file) { transfer.items.add(file); });
        input.files = transfer.files;
        listNames(zone, input);
      });
    });
  });
  // The review page's people: one shared dialog merges another name into the person whose
  // Merge… button opened it; focus goes back to that button when it closes or the table is redrawn.
  var mergeOpener = null;
  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-merge-open]");
    var dialog = document.getElementById("merge-dialog");
    if (opener && dialog) {
      mergeOpener = opener.dataset.mergeOpen;
      dialog.querySelector("[data-merge-keep]").value = mergeOpener;
      dialog.querySelector("[data-merge-name]").textContent = opener.dataset.name;
      Array.prototype.forEach.call(dialog.querySelectorAll("select option"), function (option) {
        option.disabled = option.value === mergeOpener;
        option.hidden = option.value === mergeOpener;
      });
      dialog.querySelector("select").value = "";
      dialog.showModal();
      return;
    }
    if (event.target.closest && event.target.closest("[data-merge-close]") && dialog) dialog.close();
  });
  function mergeOpenerFocus() {
    var button = mergeOpener && document.querySelector('[data-merge-open="' + mergeOpener + '"]');
    if (button) button.focus();
  }
  document.addEventListener("close", function (event) {
    if (event.target.id === "merge-dialog") mergeOpenerFocus();
  }, true);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "people") mergeOpenerFocus();
  });
})();
