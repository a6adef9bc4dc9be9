// After htmx swaps in feedback or a new question, move keyboard and screen-reader focus to it.
(function () {
  "use strict";
  function focusSwapped(root) {
    var target = root.querySelector ? root.querySelector("[data-autofocus]") : null;
    if (!target && root.matches && root.matches("[data-autofocus]")) target = root;
    if (target) {
      target.focus({ preventScroll: false });
      return;
    }
    var heading = root.querySelector ? root.querySelector("h1") : null;
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    focusSwapped(event.detail.elt);
  });
  document.documentElement.classList.add("js");
})();
